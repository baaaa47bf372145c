/**
 * Build side: turns documents into the static index files described in
 * `format.ts`. Pure TypeScript (no Node built-ins): the files are returned as
 * data, for an Astro endpoint, the evaluation tool or the benchmark to serve.
 *
 * The inverted index is FlexSearch's: index entries (terms and frequent
 * word pairs) are split by name into shards, and each shard is a FlexSearch
 * `Index` filled with `add` (one call per document of the shard, with the
 * document's entries) and written out with `Index.export`.
 *
 * Ranking statistics are folded into the postings: each (entry, document)
 * pair gets its BM25F impact (title and abstract term frequencies, each
 * length-normalised, title weighted up, then saturated with k1), quantised
 * to one of `resolution` levels, which is the FlexSearch score slot the
 * `score` callback puts the document in. A query then only needs each
 * entry's document frequency (the number of ids FlexSearch returns) for the
 * idf.
 *
 * The build streams every document through the tokeniser once, keeping
 * postings in flat typed arrays (entry, document, term frequencies,
 * positions) and stemming each distinct word once, which keeps a
 * 100,000-paper collection quick and light on memory; the shards' `Index`es
 * are then made one at a time from those arrays. The steps, in `build/`:
 * `scan.ts` (the pass over the documents), `pairs.ts` (frequent word
 * pairs), `entries.ts` (postings grouped by entry, impact levels),
 * `shards.ts`, `positions.ts`, `lexicon.ts` and `records.ts` (the files).
 */
import { fold } from '../text/index.ts';
import { FORMAT_VERSION, compareStrings, type Manifest } from './format.ts';
import { groupEntries } from './build/entries.ts';
import { lexiconFiles } from './build/lexicon.ts';
import { hashNames } from './build/names.ts';
import { countPairs } from './build/pairs.ts';
import { positionFiles } from './build/positions.ts';
import { authorFiles } from './build/authors.ts';
import { recordFiles, titleRankFile, topicFile, yearRanges } from './build/records.ts';
import { scanDocuments } from './build/scan.ts';
import { shardFiles } from './build/shards.ts';
import type {
  BuiltSearchIndex,
  SearchAuthor,
  SearchDoc,
  SearchIndexFile,
  SearchOptions,
} from './types.ts';

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = {
  k1: 1.2,
  bTitle: 0.3,
  bAbstract: 0.6,
  titleWeight: 2,
  resolution: 32,
  shardChars: 100_000,
  lexiconChars: 24_000,
  docChunk: 0,
  maxAuthors: 5,
  lexiconMinDf: 0,
  positionsMinDocs: 2000,
  positionChars: 160_000,
  pairMinDf: 0,
  pairMaxGap: 4,
};

/**
 * Builds the index files of `docs`. Output is deterministic for a given
 * input. `authors`: who the documents' `people` are (author facet, filter
 * and suggestions; none without).
 */
export function buildSearchIndex(
  docs: readonly SearchDoc[],
  options: Partial<SearchOptions> = {},
  authors: readonly SearchAuthor[] = [],
): BuiltSearchIndex {
  const t0 = Date.now();
  const opt: SearchOptions = { ...DEFAULT_SEARCH_OPTIONS, ...options };
  const { k1, resolution } = opt;

  // Internal order: by date (undated first), then title, then id.
  const order = docs
    .map((d, i) => ({ d, i, key: d.date ?? '', title: fold(d.title) }))
    .sort(
      (a, b) =>
        compareStrings(a.key, b.key) ||
        compareStrings(a.title, b.title) ||
        a.d.id - b.d.id ||
        a.i - b.i,
    );
  const sorted = order.map((o) => o.d);
  const n = sorted.length;
  const large = n >= opt.positionsMinDocs;
  const withPairs = true;
  const pairMinDf = opt.pairMinDf > 0 ? opt.pairMinDf : Math.max(8, Math.round(n / 1500));
  const maxGap = Math.max(1, Math.min(7, opt.pairMaxGap));

  const scanned = scanDocuments(sorted, large, maxGap);
  const pairPostings = countPairs(scanned, n, pairMinDf);
  const e = groupEntries(scanned, pairPostings, n, large, pairMinDf, opt);
  const { vocab } = scanned;

  const files: SearchIndexFile[] = [];
  const shardFirst = shardFiles(e, vocab, n, resolution, opt.shardChars, files);
  if (shardFirst.length === 0) {
    shardFirst.push('');
    files.push({ path: 't/0.txt', body: '' });
  }
  const positionFirst = large ? positionFiles(e, scanned.posData, opt.positionChars, files) : [];
  const { lexFirst, words: lexiconWords } = lexiconFiles(vocab, n, opt, files);
  const docChunk = recordFiles(sorted, opt, files, authors);
  const years = yearRanges(sorted);
  const topicNames = topicFile(sorted, files);
  const authorManifest = authorFiles(sorted, authors, files);
  const rw = titleRankFile(
    order.map((o) => o.title),
    files,
  );

  const hashes = hashNames(files);
  const manifest: Manifest = {
    version: FORMAT_VERSION,
    n,
    k1,
    resolution,
    shards: shardFirst,
    positions: positionFirst,
    pairs: withPairs,
    pairMaxGap: maxGap,
    lexicon: lexFirst,
    docChunk,
    years,
    topics: topicNames,
    titleRankWidth: rw,
    ...(authorManifest ? { authors: authorManifest } : {}),
    hashes,
  };
  files.unshift({ path: 'manifest.json', body: JSON.stringify(manifest) });

  let chars = 0;
  let docChars = 0;
  for (const f of files) {
    chars += f.body.length;
    if (f.path.startsWith('d/')) docChars += f.body.length;
  }
  return {
    files,
    stats: {
      docs: n,
      terms: e.termCount,
      pairs: e.entryCount - e.termCount,
      postings: e.total,
      lexiconWords,
      shards: shardFirst.length,
      files: files.length,
      chars: { total: chars, index: chars - docChars, docs: docChars },
      buildMs: Date.now() - t0,
    },
  };
}
