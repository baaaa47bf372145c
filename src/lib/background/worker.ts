/**
 * A background worker (see start.ts): computes its jobs into their caches,
 * in order, removing the marker of each when it is done.
 */
import { rmSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { computeCached } from '../related/cached.ts';
import type { BuiltSearchIndex } from '../search/index.ts';
import { buildSearchCached, searchDocs } from '../site-search.ts';
import { collectGarbage } from '../memory.ts';
import { arxivRedirectFiles } from '../permalinks/redirects.ts';
import { readRegistryFile } from '../permalinks/state.ts';
import { urls } from '../site.ts';
import { STAGED_WHAT, stageFiles, type StagedFile } from '../staging.ts';
import { timed } from '../stages.ts';
import { computeTopicsCached } from '../topics/cached.ts';
import type { TopicModel } from '../topics/types.ts';
import { twinJson, type TwinPaper } from '../twins.ts';
import type { BackgroundJobs, WorkerData } from './start.ts';
import { markMadeNow, markerOf } from './wait.ts';

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

function* twinFiles(papers: readonly TwinPaper[], topics: TopicModel): Iterable<StagedFile> {
  const names = new Map(topics.topics.map((t) => [t.slug, t.name]));
  for (const paper of papers) {
    const assigned = (topics.byPaper.get(paper.slug) ?? []).flatMap((a) => {
      const name = names.get(a.topic);
      return name === undefined ? [] : [{ slug: a.topic, name, reason: a.reason }];
    });
    yield { path: `papers/${paper.slug}.json`, body: twinJson(paper, assigned, urls.absolute) };
  }
}

function topicsThenSearch(
  t: BackgroundJobs['topics'],
  search: BackgroundJobs['search'],
  staged: BackgroundJobs['staged'],
): void {
  let topics: TopicModel | undefined;
  try {
    topics = timed(
      'topics',
      () =>
        computeTopicsCached(
          search.papers.map((p) => ({ slug: p.slug, title: p.title, abstract: p.abstract })),
          t.curated,
          t.reserved,
          t.file,
        ),
      (m) => `${m.topics.length} topics`,
      onWorker,
    );
  } catch {
    // A bad topics file: the model computes again and reports the error properly.
  } finally {
    rmSync(markerOf(t.file), { force: true });
  }
  let index: BuiltSearchIndex | undefined;
  try {
    if (topics) {
      const byPaper = topics.byPaper;
      const docs = searchDocs(search.papers, (slug) =>
        (byPaper.get(slug) ?? []).map((a) => a.topic),
      );
      index = timed(
        'search index',
        () => buildSearchCached(docs, search.file),
        (r) => `${r.index.files.length} files${r.built ? '' : ', reused'}`,
        onWorker,
      ).index;
    }
  } finally {
    rmSync(markerOf(search.file), { force: true });
  }
  try {
    if (topics && index) {
      const model = topics;
      const files = index.files;
      index = undefined;
      const registry = readRegistryFile(staged.registryFile);
      timed(
        STAGED_WHAT,
        () =>
          stageFiles(
            staged.dir,
            (function* () {
              // The index first, each file let go once staged (250 MB at 75,000 papers);
              // then the twins, one at a time (200 MB of text).
              for (let f = files.pop(); f; f = files.pop())
                yield { path: `search-index/${f.path}`, body: f.body };
              // Without a collection the index's dead text stayed in this thread's heap while
              // the page worker loaded the site: the build's peak (74,728 papers: ~500 MB freed).
              collectGarbage('garbage collection after staging the search index', onWorker);
              yield* twinFiles(search.papers, model);
              yield* arxivRedirectFiles(registry, urls);
            })(),
          ),
        (r) => `${r.written} written, ${r.kept} unchanged, ${r.removed} removed`,
        onWorker,
      );
      markMadeNow(staged.dir);
    }
  } finally {
    rmSync(markerOf(staged.dir), { force: true });
  }
}

for (const job of data) {
  try {
    if (job.kind === 'related') related(job.job);
    else topicsThenSearch(job.job, job.search, job.staged);
  } catch {
    // The model computes a result that is missing again, and reports its error properly.
  }
}
