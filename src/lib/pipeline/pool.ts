/**
 * The pipeline's thread pool: tinypool (the pool Vitest grew up on) running
 * the stages of tasks.ts, typed by their names. Two threads: this machine's
 * cores, and the stages are few and long.
 */
import { Tinypool } from 'tinypool';
import type * as Tasks from './tasks.ts';

type TaskName = 'related' | 'topics' | 'search' | 'stage';

export interface Pool {
  run<N extends TaskName>(
    name: N,
    input: Parameters<(typeof Tasks)[N]>[0],
  ): Promise<Awaited<ReturnType<(typeof Tasks)[N]>>>;
  close(): Promise<void>;
}

export function createPool(threads = 2): Pool {
  const pool = new Tinypool({
    filename: new URL('./tasks.ts', import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    // A fresh thread per stage: a finished stage's heap (garbage V8 had no
    // reason to collect yet) goes with its thread instead of sitting beside
    // Astro's build. Measured at 74,728 papers: a reused thread started the
    // staging with 715 MB of the earlier stages' heap.
    isolateWorkers: true,
    // V8's usual young generation, not the larger one the build gives Astro.
    resourceLimits: { maxYoungGenerationSizeMb: 48 },
  });
  return {
    run: (name, input) => pool.run(input, { name }),
    close: () => pool.destroy(),
  };
}
