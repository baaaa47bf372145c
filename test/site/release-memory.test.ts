import { afterEach, describe, expect, test, vi } from 'vitest';
import { collectWhenGrown, releaseMemory } from '../../src/integrations/release-memory.ts';

type Transform = (code: string, id: string) => void;

/** The Vite plugins the integration adds for `command`, with `gc` as the global collector. */
function pluginsFor(command: 'build' | 'dev', gc: (() => void) | undefined) {
  vi.stubGlobal('gc', gc);
  const updates: { vite?: { plugins?: { name: string; transform: Transform }[] } }[] = [];
  const setup = releaseMemory().hooks['astro:config:setup'] as unknown as (options: {
    command: string;
    updateConfig: (config: object) => void;
  }) => void;
  setup({ command, updateConfig: (config) => updates.push(config) });
  return updates.flatMap((u) => u.vite?.plugins ?? []);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('releaseMemory', () => {
  test('collects garbage once, when the bundler reaches the content store module', () => {
    const gc = vi.fn();
    const [plugin] = pluginsFor('build', gc);
    plugin?.transform('export default 1', '/src/pages/index.astro');
    expect(gc).not.toHaveBeenCalled();
    plugin?.transform('export default JSON.parse("{}")', '\0astro:data-layer-content');
    expect(gc).toHaveBeenCalledTimes(1);
  });

  test('adds nothing in development, or when Node does not expose the collector', () => {
    expect(pluginsFor('dev', vi.fn())).toEqual([]);
    expect(pluginsFor('build', undefined)).toEqual([]);
  });
});

describe('collectWhenGrown', () => {
  test('collects once the heap has grown by the given amount, checking every so many calls', () => {
    const MB = 2 ** 20;
    let heap = 1000 * MB;
    const gc = vi.fn(() => {
      heap = 1100 * MB;
    });
    const check = collectWhenGrown(300, 10, gc, () => heap);
    heap = 1400 * MB;
    for (let i = 0; i < 9; i++) check();
    expect(gc).not.toHaveBeenCalled();
    check();
    expect(gc).toHaveBeenCalledTimes(1);
    // Measured from what the collection left (1100 MB), not from where it started.
    heap = 1350 * MB;
    for (let i = 0; i < 10; i++) check();
    expect(gc).toHaveBeenCalledTimes(1);
    heap = 1450 * MB;
    for (let i = 0; i < 10; i++) check();
    expect(gc).toHaveBeenCalledTimes(2);
  });

  test('does nothing when Node does not expose the collector', () => {
    const heapUsed = vi.fn(() => 0);
    const check = collectWhenGrown(1, 1, undefined, heapUsed);
    check();
    expect(heapUsed).not.toHaveBeenCalled();
  });
});
