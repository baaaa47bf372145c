/**
 * Work the content loader starts on a worker thread as soon as the papers are
 * known, so that it runs on the second core while Astro bundles and starts
 * rendering: related papers and the map, then the topic model. Each result
 * goes to its cache; the collection model waits for this worker, then reads them.
 */
import { rmSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { computeTopicsCached } from '../topics/cached.ts';
import type { TopicPaper } from '../topics/types.ts';
import { computeCached } from './cached.ts';
import type { RelatedDoc } from './index.ts';

const data = workerData as {
  docs: RelatedDoc[];
  file: string;
  marker: string;
  topics?: {
    papers: TopicPaper[];
    curated: { text: string; file: string } | undefined;
    reserved: string[];
    file: string;
  };
};
try {
  computeCached(data.docs, data.file);
  if (data.topics) {
    const t = data.topics;
    try {
      computeTopicsCached(t.papers, t.curated, t.reserved, t.file);
    } catch {
      // A bad topics file: the model computes again and reports the error properly.
    }
  }
} finally {
  rmSync(data.marker, { force: true });
}
