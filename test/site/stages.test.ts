import { afterEach, describe, expect, test, vi } from 'vitest';
import { accumulateAsync, accumulated } from '../../src/lib/stages.ts';

const after = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('timing a stage that runs several times at once', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('counts the time while any run is going, not each run in full', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    // Two runs overlapping from 0-100 and 50-150, then one alone from 200-230.
    const a = accumulateAsync('overlap', () => after(100));
    await vi.advanceTimersByTimeAsync(50);
    const b = accumulateAsync('overlap', () => after(100));
    await vi.advanceTimersByTimeAsync(150);
    await Promise.all([a, b]);
    const c = accumulateAsync('overlap', () => after(30));
    await vi.advanceTimersByTimeAsync(30);
    await c;
    expect(accumulated('overlap')).toBeCloseTo(180, 0);
  });

  test('still counts a run that fails, and passes its error on', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    const run = accumulateAsync('failing', async () => {
      await after(20);
      throw new Error('no font');
    });
    const settled = expect(run).rejects.toThrow('no font');
    await vi.advanceTimersByTimeAsync(20);
    await settled;
    expect(accumulated('failing')).toBeCloseTo(20, 0);
  });
});
