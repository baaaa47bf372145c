/**
 * Garbage collections where V8 would keep dead objects while other threads
 * need the memory: the build's peak is the sum of its threads' heaps. Needs
 * `--expose-gc`, which scripts/build.ts passes; without it these do nothing.
 */
import { getHeapStatistics } from 'node:v8';
import type { AstroIntegration } from 'astro';
import { recordStage } from '../lib/stages.ts';

/** Vite's id of the module Astro compiles the content store into. */
const STORE_MODULE = '\0astro:data-layer-content';

/** V8's collector, when Node exposes it (`--expose-gc`). */
export const exposedGc = (): (() => void) | undefined => (globalThis as { gc?: () => void }).gc;

/**
 * One full collection now, recorded as a build stage with what it freed.
 * Needs `--expose-gc`, which scripts/build.ts passes; without it this does nothing.
 */
export function collectGarbage(stage: string, options: { parallel?: boolean } = {}): void {
  const gc = exposedGc();
  if (!gc) return;
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  gc();
  const freed = (before - process.memoryUsage().heapUsed) / 2 ** 20;
  recordStage(stage, performance.now() - started, `${Math.round(freed)} MB freed`, options);
}

/**
 * Collects once, just before Astro's bundler compiles the content store.
 * Serialising the store and checking the written file leave 600-970 MB of
 * dead objects at 74,728 papers, which V8 collected only after bundling,
 * while both worker threads were busy: the main thread's heap peaked at
 * ~2 GB with this, 2.45 GB without.
 */
export function releaseMemory(): AstroIntegration {
  return {
    name: 'paper-browser:release-memory',
    hooks: {
      'astro:config:setup': ({ updateConfig, command }) => {
        if (command !== 'build' || !exposedGc()) return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'paper-browser:release-memory',
                transform(_code: string, id: string) {
                  if (id === STORE_MODULE)
                    collectGarbage('garbage collection before bundling the content store');
                },
              },
            ],
          },
        });
      },
    },
  };
}

/**
 * A full collection whenever the heap has grown by `growthMb` since the last
 * one, checked every `every` calls. While pages render on two threads, V8
 * let each thread's old generation fill with dead page strings (~0.7 GB on
 * the page worker at 74,728 papers) before collecting, and the two heaps
 * together set the build's peak. Does nothing without `--expose-gc`.
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
