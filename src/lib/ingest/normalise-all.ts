/**
 * Normalises a list's records, on two threads for a large list: cleaning the
 * text (LaTeX, entities, links) is ~12 s of the main thread at 74,728 papers,
 * while the second core has nothing to do yet. A worker takes the second half;
 * the result is the same, in the same order, as normalising on one thread.
 */
import { Worker } from 'node:worker_threads';
import type { Paper, RawPaper } from '../paper.ts';
import { katexAccepts } from './katex-accepts.ts';
import { normalise } from './normalise.ts';

/**
 * Below this many records the worker's start-up and cold code cost what it
 * saves: 10,000 records took 1.3-2.0 s either way; 74,728 took 7.1 s on two
 * threads and 12.0-13.5 s on one.
 */
export const PARALLEL_FROM = 20_000;

/** `raws` normalised on this thread (the worker runs this too). */
export const normaliseHere = (raws: readonly RawPaper[]): Paper[] =>
  raws.map((raw) => normalise(raw, { validMath: katexAccepts }));

/** `raws` normalised on a worker thread; rejects if the worker cannot start or fails. */
function normaliseOnWorker(raws: readonly RawPaper[]): Promise<Paper[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./normalise-worker.ts', import.meta.url), {
      workerData: raws,
      // Cleaning makes many short-lived strings: with V8's default young
      // generation the worker took ~30% longer than the main thread.
      resourceLimits: { maxYoungGenerationSizeMb: 192 },
    });
    worker.once('message', (papers: Paper[]) => {
      resolve(papers);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the normalising worker stopped (${code})`)));
  });
}

export async function normaliseAll(
  raws: readonly RawPaper[],
  parallelFrom = PARALLEL_FROM,
): Promise<Paper[]> {
  if (raws.length < parallelFrom) return normaliseHere(raws);
  const half = Math.ceil(raws.length / 2);
  const tail = normaliseOnWorker(raws.slice(half)).catch(() => undefined);
  const head = normaliseHere(raws.slice(0, half));
  // A worker that could not run costs only its half, normalised here instead.
  const rest = (await tail) ?? normaliseHere(raws.slice(half));
  return head.concat(rest);
}
