/**
 * Starting the background work from the content loader, as soon as the papers
 * are known, so it runs on the second core while Astro bundles: one worker
 * computes related papers and the map; another the topic model, then the
 * search index and the files staged for the site: the papers' JSON twins
 * (which list each paper's topics) and the `/abs/` redirects. A marker file beside each
 * cache, holding this process's id, says a worker is computing it; the
 * collection model waits for each with `waitForBackground` (wait.ts), then
 * reads the cache.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RelatedDoc } from '../related/index.ts';
import type { TwinPaper } from '../twins.ts';
import { markerOf } from './wait.ts';

export interface BackgroundJobs {
  related: { docs: RelatedDoc[]; file: string };
  /** Topics read the papers' title and abstract from `search.papers` (one copy, not two). */
  topics: {
    curated: { text: string; file: string } | undefined;
    reserved: string[];
    file: string;
  };
  /** The papers' public data: the search index reads part of it, the twins all. */
  search: { papers: TwinPaper[]; file: string };
  /** The folder the twins and arXiv redirects are staged in (see staging.ts), and the registry this build resolved. */
  staged: { dir: string; registryFile: string };
}

/** A worker's jobs, run in order. */
export type WorkerData = (
  | { kind: 'related'; job: BackgroundJobs['related'] }
  | {
      kind: 'topics';
      job: BackgroundJobs['topics'];
      search: BackgroundJobs['search'];
      staged: BackgroundJobs['staged'];
    }
)[];

/**
 * From this many papers the jobs run on two workers at once. Below it they
 * take a second or two, and a second worker only competes with Astro's
 * bundler for the two cores (measured: the bundled list built ~2 s slower).
 */
const TWO_WORKERS_FROM = 5_000;

/** The cache files (or folder) a worker's job makes, each with its marker while it runs. */
const filesOf = (job: WorkerData[number]): string[] =>
  job.kind === 'related' ? [job.job.file] : [job.job.file, job.search.file, job.staged.dir];

function mark(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(markerOf(file), String(process.pid));
}

function run(workerData: WorkerData): void {
  // Its markers exist before it starts, and before anything can wait for them.
  for (const file of workerData.flatMap(filesOf)) mark(file);
  const worker = new Worker(new URL('./worker.ts', import.meta.url), {
    workerData,
    // V8's usual young generation, not the main thread's larger one
    // (scripts/build.ts): three isolates' worth pushed the peak past 6 GB.
    resourceLimits: { maxYoungGenerationSizeMb: 48 },
  });
  // However a worker ends, nobody waits for its jobs any longer.
  worker.on('exit', () => {
    for (const file of workerData.flatMap(filesOf)) rmSync(markerOf(file), { force: true });
  });
  // The build does not wait for the workers to exit; the model waits for their results.
  worker.unref();
}

type LaterJobs = Omit<BackgroundJobs, 'related'>;

const topicsJob = (jobs: LaterJobs) =>
  ({ kind: 'topics', job: jobs.topics, search: jobs.search, staged: jobs.staged }) as const;

export function startInBackground(jobs: BackgroundJobs): void {
  const related = { kind: 'related', job: jobs.related } as const;
  if (jobs.related.docs.length >= TWO_WORKERS_FROM) {
    run([related]);
    run([topicsJob(jobs)]);
  } else run([related, topicsJob(jobs)]);
}

/**
 * For a large list, starts related papers as soon as the papers' text is
 * known, before the loader derives and stores the records (~25 s at 75,000
 * papers): their worker is the one the collection model waits for longest.
 * `job` is made only then. Returns how to start the rest, or undefined when
 * the list is small and everything should start together (`startInBackground`).
 */
export function startRelatedFirst(
  papers: number,
  job: () => BackgroundJobs['related'],
): ((rest: LaterJobs) => void) | undefined {
  if (papers < TWO_WORKERS_FROM) return undefined;
  run([{ kind: 'related', job: job() }]);
  return (rest) => run([topicsJob(rest)]);
}
