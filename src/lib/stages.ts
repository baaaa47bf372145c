/**
 * Build stage timings: each expensive stage records how long it took, so
 * `npm run build` can say where the time went. Writes only when the build
 * script asks for it (BUILD_STAGES_FILE), as JSON lines.
 */
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BUILD_STAGES_FILE;
const totals = new Map<string, number>();

/** `parallel`: the stage ran on a worker thread, beside the main thread's stages. */
export function recordStage(
  name: string,
  ms: number,
  detail?: string,
  options: { parallel?: boolean } = {},
): void {
  if (!file) return;
  const row = {
    name,
    ms: Math.round(ms),
    ...(detail ? { detail } : {}),
    ...(options.parallel ? { parallel: true } : {}),
  };
  appendFileSync(file, `${JSON.stringify(row)}\n`);
}

/** Times a synchronous stage. */
export function timed<T>(
  name: string,
  run: () => T,
  detail?: (result: T) => string,
  options: { parallel?: boolean } = {},
): T {
  const started = performance.now();
  const result = run();
  recordStage(name, performance.now() - started, detail?.(result), options);
  return result;
}

/** Adds to a stage made of many small steps (e.g. one social image each); written at exit. */
export function accumulate(name: string, ms: number): void {
  totals.set(name, (totals.get(name) ?? 0) + ms);
}

/** The time accumulated so far under `name` (for tests). */
export const accumulated = (name: string): number => totals.get(name) ?? 0;

const running = new Map<string, { count: number; since: number }>();

/**
 * Times an async stage that runs many times, possibly several at once (Astro
 * renders four pages at a time): counts the time while at least one runs,
 * so overlapping runs are not counted twice.
 */
export async function accumulateAsync<T>(name: string, run: () => Promise<T>): Promise<T> {
  const state = running.get(name) ?? { count: 0, since: 0 };
  running.set(name, state);
  if (state.count === 0) state.since = performance.now();
  state.count += 1;
  try {
    return await run();
  } finally {
    state.count -= 1;
    if (state.count === 0) accumulate(name, performance.now() - state.since);
  }
}

// Only the main thread: a worker thread's `exit` comes when the worker ends.
if (file && isMainThread) {
  process.on('exit', () => {
    for (const [name, ms] of totals) recordStage(name, ms);
  });
}
