/**
 * Topic discovery timings: the bundled list (198), then the first 10k, 20k,
 * 40k and all 74,728 papers of the arXiv cs list, each in a fresh process so
 * that peak memory is its own.
 *
 *   node bench/topics.ts            # all sizes, a summary table
 *   node bench/topics.ts 74728      # one size, with the top 20 topics
 *
 * Quality of the topics of any list (see `src/lib/topics/quality.ts`):
 *
 *   npm run bench:topics -- --papers <list> [--sample N --seed S] [--no-baseline]
 *
 * prints each topic (areas first, with their topics) with its size,
 * coherence and three example titles; the share of memberships in topics of
 * coherence below 1.5; and, when the papers carry arXiv categories, the
 * category purity of each paper's main topic beside LSA + k-means with as
 * many clusters.
 *
 * Papers are read straight from the files (zlib + JSON) so that only
 * discovery is timed; titles and abstracts are passed as they are.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readPapers } from '../src/lib/ingest/index.ts';
import { assignSlugs } from '../src/lib/ingest/slug.ts';
import { discoverTopics, OTHER_SLUG, type TopicPaper } from '../src/lib/topics/index.ts';
import { quality } from './topics-quality.ts';

const root = path.resolve(import.meta.dirname, '..');
const ARXIV = path.resolve(root, '../shared/papers/arxiv-cs-75k.jsonl.gz');

async function load(size: number): Promise<TopicPaper[]> {
  if (size === 198) {
    return assignSlugs((await readPapers(path.join(root, 'src/content/papers.txt'))).papers);
  }
  const lines = gunzipSync(readFileSync(ARXIV)).toString('utf8').split('\n');
  const out: TopicPaper[] = [];
  for (const line of lines) {
    if (out.length >= size) break;
    if (!line) continue;
    const x = JSON.parse(line) as { arxiv: string; title: string; abstract: string };
    out.push({ slug: `${x.arxiv}-${out.length}`, title: x.title, abstract: x.abstract });
  }
  return out;
}

interface Result {
  size: number;
  ms: number;
  topics: number;
  coverage: number;
  maxShare: number;
  perPaper: number[];
  maxRssMb: number;
  top: string[];
}

async function one(size: number): Promise<Result> {
  const papers = await load(size);
  global.gc?.();
  const t0 = performance.now();
  const d = discoverTopics(papers);
  const ms = performance.now() - t0;
  const n = papers.length;
  const perPaper = [0, 0, 0, 0];
  for (const list of d.byPaper.values()) perPaper[list.length] = (perPaper[list.length] ?? 0) + 1;
  const real = d.topics.filter((t) => t.slug !== OTHER_SLUG);
  return {
    size: n,
    ms,
    topics: real.length,
    coverage: d.covered / n,
    maxShare: Math.max(...d.topics.map((t) => t.papers.length)) / n,
    perPaper: perPaper.slice(1),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    top: real.slice(0, 20).map((t) => `${t.name} (${t.papers.length})`),
  };
}

const arg = process.argv[2];
if (arg === '--papers') {
  await quality(process.argv.slice(2));
} else if (arg !== undefined) {
  const r = await one(Number(arg));
  if (process.argv[3] === '--json') console.log(JSON.stringify(r));
  else {
    console.log(r);
  }
} else {
  console.log(
    'papers   discovery   topics  coverage  max share  1/2/3 topics per paper   peak RSS',
  );
  for (const size of [198, 10_000, 20_000, 40_000, 74_728]) {
    const out = execFileSync(process.execPath, [import.meta.filename, String(size), '--json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    const r = JSON.parse(out) as Result;
    console.log(
      `${String(r.size).padStart(6)}  ${(r.ms / 1000).toFixed(2).padStart(8)} s  ${String(r.topics).padStart(6)}  ${(100 * r.coverage).toFixed(1).padStart(7)}%  ${(100 * r.maxShare).toFixed(1).padStart(8)}%  ${r.perPaper.join(' / ').padStart(22)}  ${r.maxRssMb.toFixed(0).padStart(6)} MB`,
    );
    if (r.size === 74_728) console.log(`\nTop 20 at 74,728: ${r.top.join(', ')}`);
  }
}
