/**
 * Starting the background work from the content loader, as soon as the papers
 * are known, so it runs on the second core while Astro bundles: one worker
 * computes related papers and the map; another the topic model and then the
 * search index (which lists each paper's topics). A marker file beside each
 * cache, holding this process's id, says a worker is computing it; the
 * collection model waits for each with `waitForBackground` (wait.ts), then
 * reads the cache.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
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

/** A worker's jobs, run in order. */
export type WorkerData = (
  | { kind: 'related'; job: BackgroundJobs['related'] }
  | { kind: 'topics'; job: BackgroundJobs['topics']; search: BackgroundJobs['search'] }
)[];

/**
 * From this many papers the jobs run on two workers at once. Below it they
 * take a second or two, and a second worker only competes with Astro's
 * bundler for the two cores (measured: the bundled list built ~2 s slower).
 */
const TWO_WORKERS_FROM = 5_000;

function mark(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(markerOf(file), String(process.pid));
}

export function startInBackground(jobs: BackgroundJobs): void {
  // Every marker exists before any worker starts, so no wait can miss one.
  for (const file of [jobs.related.file, jobs.topics.file, jobs.search.file]) mark(file);
  const related = { kind: 'related', job: jobs.related } as const;
  const topics = { kind: 'topics', job: jobs.topics, search: jobs.search } as const;
  const work: WorkerData[] =
    jobs.related.docs.length >= TWO_WORKERS_FROM ? [[related], [topics]] : [[related, topics]];
  for (const workerData of work) {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData });
    // However a worker ends, nobody waits for its jobs any longer.
    worker.on('exit', () => {
      for (const job of workerData)
        for (const file of job.kind === 'related'
          ? [job.job.file]
          : [job.job.file, job.search.file])
          rmSync(markerOf(file), { force: true });
    });
    // The build does not wait for the workers to exit; the model waits for their results.
    worker.unref();
  }
}
