/**
 * Starting the background work from the content loader, as soon as the papers
 * are known, so it runs on the second core while Astro bundles: one worker
 * computes related papers and the map; another the topic model and then the
 * search index (which lists each paper's topics). A marker file beside each
 * cache, holding this process's id, says a worker is computing it; the
 * collection model waits for each with `waitForBackground` (wait.ts), then
 * reads the cache.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RelatedDoc } from '../related/index.ts';
import type { SearchPaper } from '../site-search.ts';
import type { TopicPaper } from '../topics/types.ts';
import { markerOf } from './wait.ts';

export interface BackgroundJobs {
  related: { docs: RelatedDoc[]; file: string };
  topics: {
    papers: TopicPaper[];
    curated: { text: string; file: string } | undefined;
    reserved: string[];
    file: string;
  };
  search: { papers: SearchPaper[]; file: string };
}

export type WorkerData =
  | { kind: 'related'; job: BackgroundJobs['related'] }
  | {
      kind: 'topics';
      job: BackgroundJobs['topics'];
      search: BackgroundJobs['search'];
    };

function mark(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(markerOf(file), String(process.pid));
}

export function startInBackground(jobs: BackgroundJobs): void {
  // Every marker exists before any worker starts, so no wait can miss one.
  for (const file of [jobs.related.file, jobs.topics.file, jobs.search.file]) mark(file);
  const work: WorkerData[] = [
    { kind: 'related', job: jobs.related },
    { kind: 'topics', job: jobs.topics, search: jobs.search },
  ];
  for (const workerData of work) {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData });
    // The build does not wait for the workers to exit; the model waits for their results.
    worker.unref();
  }
}
