import { afterEach, describe, expect, test, vi } from 'vitest';
import { collectGarbage, collectWhenGrown } from '../../src/lib/memory.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('collectGarbage', () => {
  test("runs V8's collector once, the exposed one by default", () => {
    const gc = vi.fn();
    vi.stubGlobal('gc', gc);
    collectGarbage('a stage');
    expect(gc).toHaveBeenCalledTimes(1);
    const given = vi.fn();
    collectGarbage('a stage', {}, given);
    expect(given).toHaveBeenCalledTimes(1);
    expect(gc).toHaveBeenCalledTimes(1);
  });

  test('does nothing when Node does not expose the collector', () => {
    vi.stubGlobal('gc', undefined);
    expect(() => collectGarbage('a stage')).not.toThrow();
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
