/**
 * Starting the background worker (related papers, map, topics) from the content loader. A marker file
 * holding this process's id says a worker is computing the cache; the
 * collection model waits for it with `waitForBackground` (wait.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TopicPaper } from '../topics/types.ts';
import type { RelatedDoc } from './index.ts';
import { markerOf } from './wait.ts';

export interface TopicsJob {
  papers: TopicPaper[];
  curated: { text: string; file: string } | undefined;
  reserved: string[];
  file: string;
}

export function startInBackground(docs: RelatedDoc[], file: string, topics?: TopicsJob): void {
  const marker = markerOf(file);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(marker, String(process.pid));
  const worker = new Worker(new URL('./worker.ts', import.meta.url), {
    workerData: { docs, file, marker, topics },
  });
  // The build does not wait for the worker to exit; the model waits for its result.
  worker.unref();
}
