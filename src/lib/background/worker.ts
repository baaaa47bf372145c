/**
 * A background worker (see start.ts): computes its jobs into their caches,
 * in order, removing the marker of each when it is done.
 */
import { rmSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { computeCached } from '../related/cached.ts';
import { buildSearchCached, markSearchCacheCurrent, searchDocs } from '../site-search.ts';
import { timed } from '../stages.ts';
import { computeTopicsCached } from '../topics/cached.ts';
import type { TopicModel } from '../topics/types.ts';
import type { BackgroundJobs, WorkerData } from './start.ts';
import { markerOf } from './wait.ts';

const data = workerData as WorkerData;

const onWorker = { parallel: true };

function related(job: BackgroundJobs['related']): void {
  const { docs, file } = job;
  try {
    timed(
      'related papers and map',
      () => computeCached(docs, file),
      () => `${docs.length} papers`,
      onWorker,
    );
  } finally {
    rmSync(markerOf(file), { force: true });
  }
}

function topicsThenSearch(t: BackgroundJobs['topics'], search: BackgroundJobs['search']): void {
  let topics: TopicModel | undefined;
  try {
    topics = timed(
      'topics',
      () => computeTopicsCached(t.papers, t.curated, t.reserved, t.file),
      (m) => `${m.topics.length} topics`,
      onWorker,
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
      timed(
        'search index',
        () => buildSearchCached(docs, search.file),
        (r) => `${r.index.files.length} files${r.built ? '' : ', reused'}`,
        onWorker,
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
