/**
 * Retrieval quality of the search engine on a test collection:
 *
 *   npm run eval:search -- /work/shared/ir/cranfield [--per-query]
 *
 * The folder holds `docs.jsonl` ({id, title, abstract}), `queries.jsonl`
 * ({id, text}) and `qrels.tsv` (query id, doc id, gain). The index is built
 * in memory with the site's build function and queried through the site's
 * `SearchClient` (loader reading the in-memory files), each query asked as
 * the site asks it: the search page and the header box always search with
 * `complete: false` (while typing and on Enter alike), so the last word of
 * a query is also a prefix (completions, and typo corrections of its
 * start). The same queries submitted as complete words (`complete: true`)
 * are reported on the line before, for comparison; `--complete` reports
 * that mode only.
 * Scores follow trec_eval: queries without relevant documents are skipped,
 * nDCG@10 uses the graded gains, recall@100 and MRR@10 count gain > 0.
 * The last line is `nDCG@10 <x> recall@100 <y> MRR@10 <z>` for the site's
 * mode (`complete: false`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSearchIndex } from '../src/lib/search/build.ts';
import { SearchClient } from '../src/lib/search/client.ts';
import type { SearchDoc, SearchOptions } from '../src/lib/search/types.ts';

interface Row {
  id: string;
  [key: string]: unknown;
}

function readJsonl(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

export interface EvalFigures {
  ndcg10: number;
  recall100: number;
  mrr10: number;
  queries: number;
}

/** Evaluates the engine on the collection in `dir`. */
export async function evaluate(
  dir: string,
  perQuery = false,
  options: Partial<SearchOptions> = {},
  complete = false,
): Promise<EvalFigures> {
  const rows = readJsonl(join(dir, 'docs.jsonl'));
  const docs: SearchDoc[] = rows.map((r, i) => ({
    id: i,
    slug: String(r.id),
    title: String(r['title'] ?? ''),
    abstract: String(r['abstract'] ?? ''),
  }));
  const queries = readJsonl(join(dir, 'queries.jsonl'));
  const qrels = new Map<string, Map<string, number>>();
  for (const line of readFileSync(join(dir, 'qrels.tsv'), 'utf8').split('\n')) {
    const [q, d, g] = line.trim().split(/\s+/u);
    if (!q || !d || g === undefined) continue;
    let m = qrels.get(q);
    if (!m) qrels.set(q, (m = new Map()));
    m.set(d, Number(g));
  }

  const built = buildSearchIndex(docs, options);
  const files = new Map(built.files.map((f) => [f.path, f.body]));
  const client = new SearchClient(async (path) => {
    const body = files.get(path);
    if (body === undefined) throw new Error(`no index file ${path}`);
    return body;
  });

  let ndcg = 0;
  let recall = 0;
  let mrr = 0;
  let counted = 0;
  for (const q of queries) {
    const judged = qrels.get(String(q.id));
    const relevant = judged ? [...judged.values()].filter((g) => g > 0).length : 0;
    if (!judged || relevant === 0) continue;
    const result = await client.search(String(q['text'] ?? ''), { complete, limit: 100 });
    const ranked = result.hits.map((h) => h.slug);
    let dcg = 0;
    ranked.slice(0, 10).forEach((slug, i) => {
      const g = judged.get(slug) ?? 0;
      if (g > 0) dcg += g / Math.log2(i + 2);
    });
    const ideal = [...judged.values()]
      .filter((g) => g > 0)
      .sort((a, b) => b - a)
      .slice(0, 10)
      .reduce((sum, g, i) => sum + g / Math.log2(i + 2), 0);
    const qNdcg = ideal > 0 ? dcg / ideal : 0;
    const found = ranked.filter((slug) => (judged.get(slug) ?? 0) > 0).length;
    const firstRel = ranked.slice(0, 10).findIndex((slug) => (judged.get(slug) ?? 0) > 0);
    ndcg += qNdcg;
    recall += found / relevant;
    mrr += firstRel >= 0 ? 1 / (firstRel + 1) : 0;
    counted++;
    if (perQuery)
      console.log(
        `${q.id}\tnDCG@10 ${qNdcg.toFixed(3)}\trecall@100 ${(found / relevant).toFixed(3)}`,
      );
  }
  const c = Math.max(1, counted);
  return { ndcg10: ndcg / c, recall100: recall / c, mrr10: mrr / c, queries: counted };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    console.error('usage: npm run eval:search -- <collection dir> [--per-query] [--complete]');
    process.exit(2);
  }
  const perQuery = args.includes('--per-query');
  const line = (f: EvalFigures): string =>
    `nDCG@10 ${f.ndcg10.toFixed(4)} recall@100 ${f.recall100.toFixed(4)} MRR@10 ${f.mrr10.toFixed(4)}`;
  if (args.includes('--complete')) {
    const f = await evaluate(dir, perQuery, {}, true);
    console.log(`${dir}: ${f.queries} queries with relevant documents, submitted (complete: true)`);
    console.log(line(f));
    return;
  }
  const submitted = await evaluate(dir, false, {}, true);
  const f = await evaluate(dir, perQuery, {}, false);
  console.log(`${dir}: ${f.queries} queries with relevant documents`);
  console.log(`submitted (complete: true):  ${line(submitted)}`);
  console.log(`as the site searches (complete: false):`);
  console.log(line(f));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
