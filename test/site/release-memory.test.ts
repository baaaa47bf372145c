import { afterEach, describe, expect, test, vi } from 'vitest';
import { releaseMemory } from '../../src/integrations/release-memory.ts';

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
