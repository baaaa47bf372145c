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

// Only the main thread: a worker thread's `exit` comes when the worker ends,
// long before the build's peak.
if (file && isMainThread) {
  process.on('exit', () => {
    for (const [name, ms] of totals) recordStage(name, ms);
    recordStage('peak memory', 0, `${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  });
}
