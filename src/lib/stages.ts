/**
 * Build stage timings: each expensive stage records how long it took, so
 * `npm run build` can say where the time went. Writes only when the build
 * script asks for it (BUILD_STAGES_FILE), as JSON lines.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.BUILD_STAGES_FILE;
const totals = new Map<string, number>();

export function recordStage(name: string, ms: number, detail?: string): void {
  if (!file) return;
  appendFileSync(
    file,
    `${JSON.stringify({ name, ms: Math.round(ms), ...(detail ? { detail } : {}) })}\n`,
  );
}

/** Times a synchronous stage. */
export function timed<T>(name: string, run: () => T, detail?: (result: T) => string): T {
  const started = performance.now();
  const result = run();
  recordStage(name, performance.now() - started, detail?.(result));
  return result;
}

/** Adds to a stage made of many small steps (e.g. one social image each); written at exit. */
export function accumulate(name: string, ms: number): void {
  totals.set(name, (totals.get(name) ?? 0) + ms);
}

if (file) {
  process.on('exit', () => {
    for (const [name, ms] of totals) recordStage(name, ms);
    recordStage('peak memory', 0, `${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  });
}
