/**
 * A background worker (see start.ts): computes its jobs into their caches,
 * in order, removing the marker of each when it is done.
 */
import { rmSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { computeCached } from '../related/cached.ts';
import { buildSearchCached, markSearchCacheCurrent, searchDocs } from '../site-search.ts';
import { recordStage } from '../stages.ts';
import { computeTopicsCached } from '../topics/cached.ts';
import type { TopicModel } from '../topics/types.ts';
import type { BackgroundJobs, WorkerData } from './start.ts';
import { markerOf } from './wait.ts';

const data = workerData as WorkerData;

function timedStage<T>(name: string, run: () => T, detail: (result: T) => string): T {
  const started = performance.now();
  const result = run();
  recordStage(name, performance.now() - started, detail(result), { parallel: true });
  return result;
}

function related(job: BackgroundJobs['related']): void {
  const { docs, file } = job;
  try {
    timedStage(
      'related papers and map',
      () => computeCached(docs, file),
      () => `${docs.length} papers`,
    );
  } finally {
    rmSync(markerOf(file), { force: true });
  }
}

function topicsThenSearch(t: BackgroundJobs['topics'], search: BackgroundJobs['search']): void {
  let topics: TopicModel | undefined;
  try {
    topics = timedStage(
      'topics',
      () => computeTopicsCached(t.papers, t.curated, t.reserved, t.file),
      (m) => `${m.topics.length} topics`,
    );
  } catch {
    // A bad topics file: the model computes again and reports the error properly.
  } finally {
    rmSync(markerOf(t.file), { force: true });
  }
  try {
    if (topics) {
      const byPaper = topics.byPaper;
      const docs = searchDocs(search.papers, (slug) =>
        (byPaper.get(slug) ?? []).map((a) => a.topic),
      );
      timedStage(
        'search index',
        () => buildSearchCached(docs, search.file),
        (r) => `${r.index.files.length} files${r.built ? '' : ', reused'}`,
      );
      markSearchCacheCurrent(search.file);
    }
  } finally {
    rmSync(markerOf(search.file), { force: true });
  }
}

for (const job of data) {
  try {
    if (job.kind === 'related') related(job.job);
    else topicsThenSearch(job.job, job.search);
  } catch {
    // The model computes a result that is missing again, and reports its error properly.
  }
}
