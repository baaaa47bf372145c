/**
 * Garbage collections where V8 would keep dead objects while other threads
 * need the memory: the build's peak is the sum of its threads' heaps. Needs
 * `--expose-gc`, which scripts/build.ts passes; without it these do nothing.
 */
import { getHeapStatistics } from 'node:v8';
import { recordStage } from './stages.ts';

/** V8's collector, when Node exposes it (`--expose-gc`). */
export const exposedGc = (): (() => void) | undefined => (globalThis as { gc?: () => void }).gc;

/** One full collection now, recorded as a build stage with what it freed. */
export function collectGarbage(
  stage: string,
  options: { parallel?: boolean } = {},
  gc: (() => void) | undefined = exposedGc(),
): void {
  if (!gc) return;
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  gc();
  const freed = (before - process.memoryUsage().heapUsed) / 2 ** 20;
  recordStage(stage, performance.now() - started, `${Math.round(freed)} MB freed`, options);
}

/**
 * A full collection whenever the heap has grown by `growthMb` since the last
 * one, checked every `every` calls. While pages render on two threads, V8
 * let each thread's old generation fill with dead page strings (~0.7 GB on
 * the page worker at 74,728 papers) before collecting, and the two heaps
 * together set the build's peak.
 */
export function collectWhenGrown(
  growthMb: number,
  every: number,
  gc: (() => void) | undefined = exposedGc(),
  heapUsed: () => number = () => getHeapStatistics().used_heap_size,
): () => void {
  if (!gc) return () => {};
  let calls = 0;
  let baseline = heapUsed();
  return () => {
    calls += 1;
    if (calls % every !== 0 || heapUsed() - baseline < growthMb * 2 ** 20) return;
    gc();
    baseline = heapUsed();
  };
}
