/**
 * Build side: turns documents into the static index files described in
 * `format.ts`. Pure TypeScript (no Node built-ins): the files are returned as
 * data, for an Astro endpoint, the evaluation tool or the benchmark to serve.
 *
 * Ranking statistics are folded into the postings: each (term, document)
 * pair gets its BM25F impact (title and abstract term frequencies, each
 * length-normalised, title weighted up, then saturated with k1), quantised
 * to one of `resolution` levels and stored as the FlexSearch score slot of
 * that document under that term. A query then only needs each term's
 * document frequency (the number of ids FlexSearch returns) for the idf.
 */
import { Index } from 'flexsearch';
import { fold } from '../text/index.ts';
import {
  FIELD_GAP,
  FORMAT_VERSION,
  b36,
  codeWidth,
  encodeCode,
  shardIndexOptions,
  slotOf,
  type DocRecord,
  type Manifest,
} from './format.ts';
import { fieldTerms, isStopword, tokenize } from './tokenize.ts';
import type { BuiltSearchIndex, SearchDoc, SearchIndexFile, SearchOptions } from './types.ts';

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = {
  k1: 1.2,
  bTitle: 0.3,
  bAbstract: 0.6,
  titleWeight: 2,
  resolution: 32,
  shardChars: 32_000,
  lexiconChars: 24_000,
  docChunk: 4,
  maxAuthors: 5,
  lexiconMinDf: 0,
  positionsMinDocs: 2000,
};

interface DocTerms {
  /** Parallel arrays: term, title tf, abstract tf, positions. */
  terms: string[];
  tfTitle: number[];
  tfAbstract: number[];
  positions: number[][];
  words: Set<string>;
}

/** Packing of (document, term in shard, slot) into one sortable number. */
const TERM_SPAN = 1 << 20;
const SLOT_SPAN = 1 << 8;

/** A growable array of 32-bit integers. */
class IntBuffer {
  private data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  /** The filled part (a view: valid until the next push). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** Indexed words of a text (stop words left out), as BM25 counts length. */
function countIndexed(text: string): number {
  let count = 0;
  for (const t of tokenize(text).tokens) if (!isStopword(t.word)) count++;
  return count;
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function yearOf(date: string | undefined): number | undefined {
  const m = date ? /^(\d{4})/u.exec(date) : null;
  return m ? Number(m[1]) : undefined;
}

function analyse(doc: SearchDoc): DocTerms {
  const title = fieldTerms(doc.title, 0);
  const abstract = fieldTerms(doc.abstract, title.nextPos + FIELD_GAP);
  const index = new Map<string, number>();
  const out: DocTerms = {
    terms: [],
    tfTitle: [],
    tfAbstract: [],
    positions: [],
    words: new Set([...title.words, ...abstract.words]),
  };
  const slot = (term: string): number => {
    let i = index.get(term);
    if (i === undefined) {
      i = out.terms.length;
      index.set(term, i);
      out.terms.push(term);
      out.tfTitle.push(0);
      out.tfAbstract.push(0);
      out.positions.push([]);
    }
    return i;
  };
  for (const [term, tf] of title.tf) {
    const i = slot(term);
    out.tfTitle[i] = tf;
    out.positions[i]?.push(...(title.positions.get(term) ?? []));
  }
  for (const [term, tf] of abstract.tf) {
    const i = slot(term);
    out.tfAbstract[i] = tf;
    out.positions[i]?.push(...(abstract.positions.get(term) ?? []));
  }
  return out;
}

/** Splits a sorted list into consecutive groups of about `target` size. */
function partition<T>(
  items: readonly T[],
  size: (item: T) => number,
  target: number,
  canSplit: (prev: T, next: T) => boolean,
): number[] {
  const starts: number[] = [];
  let current = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    const s = size(item);
    if (i === 0) starts.push(0);
    else if (current + s > target && canSplit(items[i - 1] as T, item)) {
      starts.push(i);
      current = 0;
    }
    current += s;
  }
  return starts;
}

/** Builds the index files of `docs`. Output is deterministic for a given input. */
export function buildSearchIndex(
  docs: readonly SearchDoc[],
  options: Partial<SearchOptions> = {},
): BuiltSearchIndex {
  const t0 = Date.now();
  const opt: SearchOptions = { ...DEFAULT_SEARCH_OPTIONS, ...options };
  const { k1, resolution } = opt;
  const withPositions = docs.length >= opt.positionsMinDocs;

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

  // Pass 1: field lengths (for BM25 length normalisation).
  const lenTitle = new Float64Array(n);
  const lenAbstract = new Float64Array(n);
  let sumTitle = 0;
  let sumAbstract = 0;
  for (let id = 0; id < n; id++) {
    const d = sorted[id] as SearchDoc;
    lenTitle[id] = countIndexed(d.title);
    lenAbstract[id] = countIndexed(d.abstract);
    sumTitle += lenTitle[id] as number;
    sumAbstract += lenAbstract[id] as number;
  }
  const avgTitle = Math.max(1, sumTitle / Math.max(1, n));
  const avgAbstract = Math.max(1, sumAbstract / Math.max(1, n));

  // Pass 2: postings with quantised BM25F impacts, positions, word counts.
  // Documents are analysed one at a time and forgotten; postings go to flat
  // typed arrays (term, document, slot, positions), which keeps the build of
  // a 100,000-paper collection light on memory and garbage collection.
  const termIds = new Map<string, number>();
  const termNames: string[] = [];
  const pTerm = new IntBuffer();
  const pDoc = new IntBuffer();
  const pSlot = new IntBuffer();
  const pPos = new IntBuffer();
  const posData = new IntBuffer();
  const wordDf = new Map<string, number>();
  for (let id = 0; id < n; id++) {
    const a = analyse(sorted[id] as SearchDoc);
    for (const w of a.words) wordDf.set(w, (wordDf.get(w) ?? 0) + 1);
    const normTitle = 1 - opt.bTitle + (opt.bTitle * (lenTitle[id] as number)) / avgTitle;
    const normAbstract =
      1 - opt.bAbstract + (opt.bAbstract * (lenAbstract[id] as number)) / avgAbstract;
    for (let i = 0; i < a.terms.length; i++) {
      const term = a.terms[i] as string;
      const tf =
        (opt.titleWeight * (a.tfTitle[i] as number)) / normTitle +
        (a.tfAbstract[i] as number) / normAbstract;
      const impact = (tf * (k1 + 1)) / (tf + k1);
      let tid = termIds.get(term);
      if (tid === undefined) {
        tid = termNames.length;
        termIds.set(term, tid);
        termNames.push(term);
      }
      pTerm.push(tid);
      pDoc.push(id);
      pSlot.push(slotOf(impact, k1, resolution));
      if (withPositions) {
        // [count, p1, p2, ...] per posting.
        const pos = (a.positions[i] as number[]).sort((x, y) => x - y);
        pPos.push(posData.length);
        posData.push(pos.length);
        for (const p of pos) posData.push(p);
      }
    }
  }

  const postingTerm = pTerm.view();
  const postingDoc = pDoc.view();
  const postingSlot = pSlot.view();
  const postingPos = pPos.view();
  const positionData = posData.view();

  // Postings grouped by term (a stable counting sort keeps document order).
  const termCount = termNames.length;
  const postingCount = postingTerm.length;
  const termStart = new Int32Array(termCount + 1);
  for (let i = 0; i < postingCount; i++) {
    const t = (postingTerm[i] as number) + 1;
    termStart[t] = (termStart[t] as number) + 1;
  }
  for (let t = 0; t < termCount; t++)
    termStart[t + 1] = (termStart[t + 1] as number) + (termStart[t] as number);
  const fill = termStart.slice(0, termCount);
  const byTerm = new Int32Array(postingCount);
  for (let i = 0; i < postingCount; i++) {
    const t = postingTerm[i] as number;
    byTerm[fill[t] as number] = i;
    fill[t] = (fill[t] as number) + 1;
  }
  const df = (t: number): number => (termStart[t + 1] as number) - (termStart[t] as number);

  // Postings shards: consecutive term ranges of about `shardChars`.
  const terms = termNames
    .map((_, t) => t)
    .sort((x, y) => compareStrings(termNames[x] as string, termNames[y] as string));
  const idChars = String(n).length + 1;
  const shardStarts = partition(
    terms,
    (t) => (termNames[t] as string).length + 8 + df(t) * idChars,
    opt.shardChars,
    () => true,
  );
  const files: SearchIndexFile[] = [];
  const shardFirst: string[] = [];
  for (let s = 0; s < shardStarts.length; s++) {
    const from = shardStarts[s] as number;
    const to = s + 1 < shardStarts.length ? (shardStarts[s + 1] as number) : terms.length;
    const shardTerms = terms.slice(from, to);
    shardFirst.push(s === 0 ? '' : (termNames[shardTerms[0] as number] as string));
    // The postings of this shard ordered by document (then term): one
    // FlexSearch `add` per document, which places each posting in the slot
    // the `score` callback gives.
    let size = 0;
    for (const t of shardTerms) size += df(t);
    // Key: document, then the term's place in the shard, then its slot.
    const keys = new Float64Array(size);
    let k = 0;
    shardTerms.forEach((t, local) => {
      for (let j = termStart[t] as number; j < (termStart[t + 1] as number); j++) {
        const pi = byTerm[j] as number;
        keys[k++] =
          ((postingDoc[pi] as number) * TERM_SPAN + local) * SLOT_SPAN +
          (postingSlot[pi] as number);
      }
    });
    keys.sort();
    let current: number[] = [];
    const index = new Index({
      ...shardIndexOptions(resolution),
      score: (_content: string[], _term: string, i: number) => current[i] ?? resolution - 1,
    });
    for (let i = 0; i < keys.length;) {
      const doc = Math.floor((keys[i] as number) / (TERM_SPAN * SLOT_SPAN));
      const names: string[] = [];
      current = [];
      for (; i < keys.length; i++) {
        const key = keys[i] as number;
        if (Math.floor(key / (TERM_SPAN * SLOT_SPAN)) !== doc) break;
        const rest = key - doc * TERM_SPAN * SLOT_SPAN;
        const local = Math.floor(rest / SLOT_SPAN);
        names.push(termNames[shardTerms[local] as number] as string);
        current.push(rest - local * SLOT_SPAN);
      }
      index.add(doc, names.join(' '));
    }
    const lines: string[] = [];
    // Synchronous callback: export runs to completion before returning.
    void index.export((key: string, data: string) => {
      if (!/(^|\.)reg$/u.test(key)) lines.push(`${key}\t${data}`);
    });
    files.push({ path: `t/${s}.txt`, body: lines.join('\n') });
    if (withPositions) {
      const pos: Record<string, string> = {};
      for (const t of shardTerms) {
        const pieces: string[] = [];
        let prevDoc = 0;
        for (let j = termStart[t] as number; j < (termStart[t + 1] as number); j++) {
          const pi = byTerm[j] as number;
          const doc = postingDoc[pi] as number;
          let at = postingPos[pi] as number;
          const count = positionData[at++] as number;
          let piece = b36(doc - prevDoc);
          prevDoc = doc;
          let prev = 0;
          for (let c = 0; c < count; c++) {
            const p = positionData[at++] as number;
            piece += `.${b36(p - prev)}`;
            prev = p;
          }
          pieces.push(piece);
        }
        pos[termNames[t] as string] = pieces.join(';');
      }
      files.push({ path: `p/${s}.txt`, body: JSON.stringify(pos) });
    }
  }

  if (shardFirst.length === 0) {
    shardFirst.push('');
    files.push({ path: 't/0.txt', body: '' });
  }

  // Lexicon: indexed words as written, with their document frequency.
  const minDf = opt.lexiconMinDf > 0 ? opt.lexiconMinDf : n >= 5000 ? 2 : 1;
  const lexWords = [...wordDf.entries()]
    .filter(([, df]) => df >= minDf)
    .map(([w]) => w)
    .sort(compareStrings);
  const lexStarts = partition(
    lexWords,
    (w) => w.length + 6,
    opt.lexiconChars,
    (prev, next) => prev[0] !== next[0],
  );
  const lexFirst: string[] = [];
  for (let s = 0; s < lexStarts.length; s++) {
    const from = lexStarts[s] as number;
    const to = s + 1 < lexStarts.length ? (lexStarts[s + 1] as number) : lexWords.length;
    const ws = lexWords.slice(from, to);
    lexFirst.push(s === 0 ? '' : (ws[0] as string));
    files.push({
      path: `l/${s}.txt`,
      body: ws.map((w) => `${w} ${wordDf.get(w) ?? 0}`).join('\n'),
    });
  }
  if (lexFirst.length === 0) {
    lexFirst.push('');
    files.push({ path: 'l/0.txt', body: '' });
  }

  // Document records.
  const chunks = Math.ceil(n / opt.docChunk);
  for (let c = 0; c < chunks; c++) {
    const records: DocRecord[] = sorted
      .slice(c * opt.docChunk, (c + 1) * opt.docChunk)
      .map((d) => [
        d.id,
        d.slug,
        d.title,
        (d.authors ?? []).slice(0, opt.maxAuthors),
        d.authors?.length ?? 0,
        d.date ?? '',
        d.topics ?? [],
        d.abstract.replace(/\s+/gu, ' ').trim(),
      ]);
    files.push({ path: `d/${c}.json`, body: JSON.stringify(records) });
  }

  // Years as id ranges.
  const years: [number, number][] = [];
  for (let id = 0; id < n; id++) {
    const y = yearOf(sorted[id]?.date);
    if (
      y !== undefined &&
      (years.length === 0 || (years[years.length - 1] as [number, number])[0] !== y)
    ) {
      years.push([y, id]);
    }
  }

  // Topic codes of every document, for facet counts and the topic filter.
  const topicNames = [...new Set(sorted.flatMap((d) => d.topics ?? []))].sort(compareStrings);
  const topicIndex = new Map(topicNames.map((t, i) => [t, i]));
  const tw = codeWidth(topicNames.length);
  if (topicNames.length) {
    files.push({
      path: 'topics.txt',
      body: sorted
        .map((d) => (d.topics ?? []).map((t) => encodeCode(topicIndex.get(t) ?? 0, tw)).join(''))
        .join(' '),
    });
  }

  // Title ranks (sort by title A-Z).
  const byTitle = order
    .map((o, id) => ({ id, title: o.title }))
    .sort((a, b) => compareStrings(a.title, b.title) || a.id - b.id);
  const rank = new Array<number>(n).fill(0);
  byTitle.forEach((e, r) => (rank[e.id] = r));
  const rw = codeWidth(Math.max(1, n));
  files.push({ path: 'title.txt', body: rank.map((r) => encodeCode(r, rw)).join('') });

  const manifest: Manifest = {
    version: FORMAT_VERSION,
    n,
    k1,
    resolution,
    shards: shardFirst,
    lexicon: lexFirst,
    docChunk: opt.docChunk,
    years,
    topics: topicNames,
    titleRankWidth: rw,
    positions: withPositions,
  };
  files.unshift({ path: 'manifest.json', body: JSON.stringify(manifest) });

  let total = 0;
  let docChars = 0;
  for (const f of files) {
    total += f.body.length;
    if (f.path.startsWith('d/')) docChars += f.body.length;
  }
  return {
    files,
    stats: {
      docs: n,
      terms: termCount,
      postings: postingCount,
      lexiconWords: lexWords.length,
      shards: shardFirst.length,
      files: files.length,
      chars: { total, index: total - docChars, docs: docChars },
      buildMs: Date.now() - t0,
    },
  };
}
