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
 * are then made one at a time from those arrays.
 */
import { Index } from 'flexsearch';
import { fold } from '../text/index.ts';
import {
  DIGIT_CODES,
  FIELD_GAP,
  FORMAT_VERSION,
  FORMS_KEY,
  TEXT_CHECKS,
  codeWidth,
  encodeCode,
  formCode,
  pairEntry,
  shardIndexOptions,
  slotOf,
  writeNumber,
  type DocRecord,
  type Manifest,
} from './format.ts';
import { isStopword, scan, termOf, type TokenSink } from './tokenize.ts';
import type { BuiltSearchIndex, SearchDoc, SearchIndexFile, SearchOptions } from './types.ts';

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

/** Forms (words) of a term told apart in its postings. */
const MAX_FORMS = 5;

/** A growable array of 32-bit integers. */
class IntBuffer {
  data: Int32Array<ArrayBuffer>;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, Math.ceil(capacity)));
  }
  push(v: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = v;
  }
  grow(min: number): void {
    let size = this.data.length * 2;
    while (size < min) size *= 2;
    const next = new Int32Array(size);
    next.set(this.data);
    this.data = next;
  }
  /** The filled part (a view: valid until the next push). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** A growable byte buffer of ASCII/UTF-8 text. */
class ByteBuffer {
  data = new Uint8Array(1 << 16);
  length = 0;
  private readonly encoder = new TextEncoder();
  reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    let size = this.data.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  byte(b: number): void {
    this.reserve(1);
    this.data[this.length++] = b;
  }
  text(s: string): void {
    this.reserve(s.length * 3);
    this.length += this.encoder.encodeInto(s, this.data.subarray(this.length)).written;
  }
  /** Appends a number as variable-length digits. */
  number(v: number): void {
    this.reserve(8);
    this.length = writeNumber(this.data, this.length, v);
  }
}

/**
 * Open-addressing hash set of integer pairs `(hi, lo)`, each below 2^31,
 * numbering them in insertion order (word pairs: `hi` = first term and gap,
 * `lo` = second term).
 */
class PairTable {
  // Slots of three: hi, lo, number + 1 (0: empty), side by side in memory.
  private slots: Int32Array;
  private mask: number;
  size = 0;
  constructor(capacity = 1 << 16) {
    this.slots = new Int32Array(capacity * 3);
    this.mask = capacity - 1;
  }
  private static hash(hi: number, lo: number): number {
    const h = (Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo, 0x85ebca77)) >>> 0;
    return h ^ (h >>> 15);
  }
  /** The pair's number, adding it if new. */
  intern(hi: number, lo: number): number {
    if (this.size * 2 >= this.mask) this.rehash();
    const { slots, mask } = this;
    for (let h = PairTable.hash(hi, lo) & mask; ; h = (h + 1) & mask) {
      const at = h * 3;
      const id = slots[at + 2] as number;
      if (id === 0) {
        slots[at] = hi;
        slots[at + 1] = lo;
        slots[at + 2] = ++this.size;
        return this.size - 1;
      }
      if (slots[at] === hi && slots[at + 1] === lo) return id - 1;
    }
  }
  private rehash(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.slots = new Int32Array(cap * 3);
    this.mask = cap - 1;
    for (let at = 0; at < old.length; at += 3) {
      const id = old[at + 2] as number;
      if (id === 0) continue;
      const hi = old[at] as number;
      const lo = old[at + 1] as number;
      let h = PairTable.hash(hi, lo) & this.mask;
      while (this.slots[h * 3 + 2] !== 0) h = (h + 1) & this.mask;
      this.slots[h * 3] = hi;
      this.slots[h * 3 + 1] = lo;
      this.slots[h * 3 + 2] = id;
    }
  }
  /** `[hi, lo]` of every pair by number. */
  entries(): { hi: Int32Array; lo: Int32Array } {
    const hi = new Int32Array(this.size);
    const lo = new Int32Array(this.size);
    const { slots } = this;
    for (let at = 0; at < slots.length; at += 3) {
      const id = slots[at + 2] as number;
      if (id === 0) continue;
      hi[id - 1] = slots[at] as number;
      lo[id - 1] = slots[at + 1] as number;
    }
    return { hi, lo };
  }
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function yearOf(date: string | undefined): number | undefined {
  const m = date ? /^(\d{4})/u.exec(date) : null;
  return m ? Number(m[1]) : undefined;
}

/** `text` with white space runs as single spaces, trimmed (a clean text is returned as is, unallocated). */
function squeeze(text: string): string {
  return /^\s|\s$|\s\s|[^\S ]/u.test(text) ? text.replace(/\s+/gu, ' ').trim() : text;
}

/** Splits a sorted list into consecutive groups of about `target` size. */
function partition<T>(
  items: readonly T[],
  size: (item: T, i: number) => number,
  target: number,
  canSplit: (prev: T, next: T) => boolean,
): number[] {
  const starts: number[] = [];
  let current = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    const s = size(item, i);
    if (i === 0) starts.push(0);
    else if (current + s > target && canSplit(items[i - 1] as T, item)) {
      starts.push(i);
      current = 0;
    }
    current += s;
  }
  return starts;
}

/**
 * The words of the collection: each distinct folded word is looked up,
 * stemmed and checked against the stop list once.
 */
class Vocabulary {
  readonly wordIds = new Map<string, number>();
  readonly words: string[] = [];
  /** Word -> term id (its stem), stop words included. */
  wordTerm = new Int32Array(1 << 14);
  /** Word -> 1 for stop words. */
  stop = new Uint8Array(1 << 14);
  /** Word -> documents it occurs in (outside compounds), and the last one counted. */
  df = new Int32Array(1 << 14);
  lastDoc = new Int32Array(1 << 14).fill(-1);
  readonly termIds = new Map<string, number>();
  readonly terms: string[] = [];
  // Plain ASCII words by a hash of their letters, so that a word of a text
  // is found without cutting and lower-casing it first (word id + 1; 0: empty).
  private fast = new Int32Array(1 << 16);

  /** The id of the folded ASCII word `text[start, end)`, or -1 if not seen yet. */
  lookup(text: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      h = Math.imul(h ^ c, 16777619);
    }
    const mask = this.fast.length - 1;
    const len = end - start;
    for (let slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
      const id = (this.fast[slot] as number) - 1;
      if (id < 0) return -1;
      const w = this.words[id] as string;
      if (w.length !== len) continue;
      let same = true;
      for (let i = 0; i < len && same; i++) {
        let c = text.charCodeAt(start + i);
        if (c >= 65 && c <= 90) c += 32;
        same = c === w.charCodeAt(i);
      }
      if (same) return id;
    }
  }

  private remember(w: string, id: number): void {
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 122))) return;
    }
    if (this.words.length * 2 > this.fast.length) {
      const old = this.fast;
      this.fast = new Int32Array(old.length * 2);
      for (const v of old) if (v) this.place(this.words[v - 1] as string, v);
    }
    this.place(w, id + 1);
  }

  private place(w: string, value: number): void {
    let h = 0x811c9dc5;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
    const mask = this.fast.length - 1;
    let slot = (h ^ (h >>> 16)) & mask;
    while (this.fast[slot]) slot = (slot + 1) & mask;
    this.fast[slot] = value;
  }

  word(w: string): number {
    let id = this.wordIds.get(w);
    if (id !== undefined) return id;
    id = this.words.length;
    if (id === this.wordTerm.length) {
      const grow = <A extends Int32Array | Uint8Array>(a: A, fill = 0): A => {
        const next = new (a.constructor as new (n: number) => A)(a.length * 2);
        next.set(a);
        if (fill) next.fill(fill, a.length);
        return next;
      };
      this.wordTerm = grow(this.wordTerm);
      this.stop = grow(this.stop);
      this.df = grow(this.df);
      this.lastDoc = grow(this.lastDoc, -1);
    }
    this.wordIds.set(w, id);
    this.words.push(w);
    this.remember(w, id);
    this.stop[id] = isStopword(w) ? 1 : 0;
    this.wordTerm[id] = this.term(termOf(w));
    return id;
  }

  term(t: string): number {
    let id = this.termIds.get(t);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(t, id);
      this.terms.push(t);
    }
    return id;
  }
}

/** Collects one document's indexed words and compounds from the tokeniser. */
class DocSink implements TokenSink {
  /** Terms and positions of the indexed (non-stop) words, in order. */
  tokTerm: Int32Array<ArrayBuffer> = new Int32Array(4096);
  tokPos: Int32Array<ArrayBuffer> = new Int32Array(4096);
  tokWord: Int32Array<ArrayBuffer> = new Int32Array(4096);
  tokens = 0;
  compTerm: Int32Array<ArrayBuffer> = new Int32Array(1024);
  compounds = 0;
  doc = 0;
  private readonly vocab: Vocabulary;
  constructor(vocab: Vocabulary) {
    this.vocab = vocab;
  }

  accept(text: string, start: number, end: number, pos: number): boolean {
    const id = this.vocab.lookup(text, start, end);
    if (id < 0) return true;
    this.add(id, pos);
    return false;
  }

  token(word: string, _start: number, _end: number, pos: number): void {
    this.add(this.vocab.word(word), pos);
  }

  private add(id: number, pos: number): void {
    const v = this.vocab;
    if (v.stop[id]) return;
    if (v.lastDoc[id] !== this.doc) {
      v.lastDoc[id] = this.doc;
      v.df[id] = (v.df[id] as number) + 1;
    }
    if (this.tokens === this.tokTerm.length) {
      const t = new Int32Array(this.tokens * 2);
      t.set(this.tokTerm);
      this.tokTerm = t;
      const p = new Int32Array(this.tokens * 2);
      p.set(this.tokPos);
      this.tokPos = p;
      const w = new Int32Array(this.tokens * 2);
      w.set(this.tokWord);
      this.tokWord = w;
    }
    this.tokWord[this.tokens] = id;
    this.tokTerm[this.tokens] = v.wordTerm[id] as number;
    this.tokPos[this.tokens++] = pos;
  }

  compound(word: string): void {
    if (this.compounds === this.compTerm.length) {
      const t = new Int32Array(this.compounds * 2);
      t.set(this.compTerm);
      this.compTerm = t;
    }
    this.compTerm[this.compounds++] = this.vocab.wordTerm[this.vocab.word(word)] as number;
  }
}

/** Builds the index files of `docs`. Output is deterministic for a given input. */
export function buildSearchIndex(
  docs: readonly SearchDoc[],
  options: Partial<SearchOptions> = {},
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

  // ---- one pass over the documents ----
  const vocab = new Vocabulary();
  const sink = new DocSink(vocab);
  const lenTitle = new Float64Array(n);
  const lenAbstract = new Float64Array(n);
  // Term postings: entry (term id), document, title tf, abstract tf, and
  // where the positions of the posting start in `posData` ([count, p...]).
  // Buffers sized from the text up front (about one indexed word per 10
  // characters): growing arrays of millions is slow and trips the GC.
  let textChars = 0;
  for (const d of sorted) textChars += d.title.length + d.abstract.length;
  const pTerm = new IntBuffer(textChars / 11);
  const pDoc = new IntBuffer(textChars / 11);
  const pTf = new IntBuffer(textChars / 11); // title tf << 16 | abstract tf
  const pPos = new IntBuffer(large ? textChars / 11 : 0);
  const posData = new IntBuffer(large ? textChars / 5 : 0);
  // Forms: the first two distinct words of each posting's term in its document.
  const pForm1 = new IntBuffer(textChars / 11);
  const pForm2 = new IntBuffer(textChars / 11);
  // Indexed words of every document, in order, and where each document's end.
  const seq = new IntBuffer(withPairs ? textChars / 8 : 0);
  const seqEnd = new Int32Array(withPairs ? n : 0);
  // Pair postings, by pair number.
  const pairs = new PairTable(1 << Math.max(16, Math.ceil(Math.log2(textChars / 80 + 1))));
  const qPair = new IntBuffer(textChars / 9);
  const qDoc = new IntBuffer(textChars / 9);
  const qTf = new IntBuffer(textChars / 9);
  // Per-document scratch, by term id / pair number.
  let tfT = new Int32Array(1 << 16);
  let tfA = new Int32Array(1 << 16);
  let headTok = new Int32Array(1 << 16).fill(-1);
  // Title tf << 16 | abstract tf, by pair number.
  let pairTf = new Int32Array(1 << 16);
  let nextTok = new Int32Array(4096);
  const docTerms = new IntBuffer();
  const docPairs = new IntBuffer();
  const growTo = (a: Int32Array<ArrayBuffer>, min: number, fill = 0): Int32Array<ArrayBuffer> => {
    if (min <= a.length) return a;
    let size = a.length * 2;
    while (size < min) size *= 2;
    const next = new Int32Array(size);
    next.set(a);
    if (fill) next.fill(fill, a.length);
    return next;
  };
  const addTf = (term: number, title: boolean): void => {
    if (term >= tfT.length) {
      tfT = growTo(tfT, term + 1);
      tfA = growTo(tfA, term + 1);
      headTok = growTo(headTok, term + 1, -1);
    }
    if (tfT[term] === 0 && tfA[term] === 0) docTerms.push(term);
    if (title) tfT[term] = (tfT[term] as number) + 1;
    else tfA[term] = (tfA[term] as number) + 1;
  };

  for (let id = 0; id < n; id++) {
    const d = sorted[id] as SearchDoc;
    sink.doc = id;
    sink.tokens = 0;
    sink.compounds = 0;
    const titleEnd = scan(d.title, 0, sink);
    const titleTokens = sink.tokens;
    const titleCompounds = sink.compounds;
    scan(d.abstract, titleEnd + FIELD_GAP, sink);
    const count = sink.tokens;
    lenTitle[id] = titleTokens;
    lenAbstract[id] = count - titleTokens;
    const { tokTerm, tokPos, compTerm } = sink;
    docTerms.length = 0;
    for (let i = 0; i < count; i++) addTf(tokTerm[i] as number, i < titleTokens);
    for (let i = 0; i < sink.compounds; i++) addTf(compTerm[i] as number, i < titleCompounds);

    // Per term, a linked list of its tokens in order (positions and forms).
    nextTok = growTo(nextTok, count);
    for (let i = count - 1; i >= 0; i--) {
      const t = tokTerm[i] as number;
      nextTok[i] = headTok[t] as number;
      headTok[t] = i;
    }
    const { tokWord } = sink;
    for (let j = 0; j < docTerms.length; j++) {
      const t = docTerms.data[j] as number;
      pTerm.push(t);
      pDoc.push(id);
      pTf.push(((tfT[t] as number) << 16) | (tfA[t] as number));
      tfT[t] = 0;
      tfA[t] = 0;
      // The first two distinct words (forms) of the term in the document.
      let w1 = -1;
      let w2 = -1;
      for (let k = headTok[t] as number; k >= 0 && w2 < 0; k = nextTok[k] as number) {
        const w = tokWord[k] as number;
        if (w1 < 0) w1 = w;
        else if (w !== w1) w2 = w;
      }
      pForm1.push(w1);
      pForm2.push(w2);
      if (large) {
        pPos.push(posData.length);
        const countAt = posData.length;
        posData.push(0);
        let c = 0;
        for (let k = headTok[t] as number; k >= 0; k = nextTok[k] as number) {
          posData.push(tokPos[k] as number);
          c++;
        }
        posData.data[countAt] = c;
      }
      headTok[t] = -1;
    }

    // The document's indexed words in order, for the word pairs below:
    // term << 3 | distance to the previous word (0: none within maxGap).
    if (withPairs) {
      for (let i = 0; i < count; i++) {
        const gap = i === 0 ? 0 : (tokPos[i] as number) - (tokPos[i - 1] as number);
        seq.push(((tokTerm[i] as number) << 3) | (gap <= maxGap ? gap : 0));
      }
      seqEnd[id] = seq.length;
    }
  }

  // Word pairs: neighbouring indexed words, at most `maxGap` apart. A pair
  // can only be in `pairMinDf` documents if both its terms are, so only
  // those pairs are counted (rare words make most of the distinct pairs).
  const termCount = vocab.terms.length;
  const termDf = new Int32Array(termCount);
  const termTerm = pTerm.view();
  for (let i = 0; i < termTerm.length; i++) {
    const t = termTerm[i] as number;
    termDf[t] = (termDf[t] as number) + 1;
  }
  if (withPairs) {
    const tokens = seq.view();
    let start = 0;
    for (let id = 0; id < n; id++) {
      const end = seqEnd[id] as number;
      const titleEnd = start + (lenTitle[id] as number);
      docPairs.length = 0;
      for (let i = start + 1; i < end; i++) {
        const v = tokens[i] as number;
        const gap = v & 7;
        if (gap === 0) continue;
        const a = (tokens[i - 1] as number) >> 3;
        const b = v >> 3;
        if ((termDf[a] as number) < pairMinDf || (termDf[b] as number) < pairMinDf) continue;
        const p = pairs.intern(a * 8 + gap, b);
        if (p >= pairTf.length) pairTf = growTo(pairTf, p + 1);
        const tf = pairTf[p] as number;
        if (tf === 0) docPairs.push(p);
        pairTf[p] = tf + (i < titleEnd ? 1 << 16 : 1);
      }
      for (let j = 0; j < docPairs.length; j++) {
        const p = docPairs.data[j] as number;
        qPair.push(p);
        qDoc.push(id);
        qTf.push(pairTf[p] as number);
        pairTf[p] = 0;
      }
      start = end;
    }
  }

  let sumTitle = 0;
  let sumAbstract = 0;
  for (let id = 0; id < n; id++) {
    sumTitle += lenTitle[id] as number;
    sumAbstract += lenAbstract[id] as number;
  }
  const avgTitle = Math.max(1, sumTitle / Math.max(1, n));
  const avgAbstract = Math.max(1, sumAbstract / Math.max(1, n));
  const normTitle = new Float64Array(n);
  const normAbstract = new Float64Array(n);
  for (let id = 0; id < n; id++) {
    normTitle[id] = 1 - opt.bTitle + (opt.bTitle * (lenTitle[id] as number)) / avgTitle;
    normAbstract[id] =
      1 - opt.bAbstract + (opt.bAbstract * (lenAbstract[id] as number)) / avgAbstract;
  }
  const level = (doc: number, tf: number): number => {
    const t =
      (opt.titleWeight * (tf >>> 16)) / (normTitle[doc] as number) +
      (tf & 0xffff) / (normAbstract[doc] as number);
    return slotOf((t * (k1 + 1)) / (t + k1), k1, resolution);
  };

  // ---- entries: terms, then the frequent pairs ----
  const pairCount = pairs.size;
  const pairDf = new Int32Array(pairCount);
  const pairOf = qPair.view();
  for (let i = 0; i < pairOf.length; i++) {
    const p = pairOf[i] as number;
    pairDf[p] = (pairDf[p] as number) + 1;
  }
  const { hi: pairHi, lo: pairLo } = pairs.entries();
  const names: string[] = [...vocab.terms];
  // Entry id of each kept pair (-1: not indexed).
  const pairEntryId = new Int32Array(pairCount).fill(-1);
  for (let p = 0; p < pairCount; p++) {
    if ((pairDf[p] as number) < pairMinDf) continue;
    const hi = pairHi[p] as number;
    pairEntryId[p] = names.length;
    names.push(
      pairEntry(vocab.terms[hi >> 3] as string, vocab.terms[pairLo[p] as number] as string, hi & 7),
    );
  }
  const entryCount = names.length;

  // Postings grouped by entry (a stable counting sort keeps document order).
  const entryStart = new Int32Array(entryCount + 1);
  for (let t = 0; t < termCount; t++) entryStart[t + 1] = termDf[t] as number;
  for (let p = 0; p < pairCount; p++) {
    const e = pairEntryId[p] as number;
    if (e >= 0) entryStart[e + 1] = pairDf[p] as number;
  }
  for (let e = 0; e < entryCount; e++)
    entryStart[e + 1] = (entryStart[e + 1] as number) + (entryStart[e] as number);
  const total = entryStart[entryCount] as number;
  const postDoc = new Int32Array(total);
  const postLevel = new Uint8Array(total);
  const postPos = large ? new Int32Array(total) : new Int32Array(0);

  // Forms of each term: its words, most frequent first; a posting's mask
  // tells which of the first MAX_FORMS forms (bit MAX_FORMS: any other) the
  // document has, for ranking the word as typed first.
  const termForms: number[][] = Array.from({ length: termCount }, () => []);
  for (let w = 0; w < vocab.words.length; w++) {
    if (!vocab.stop[w] && (vocab.df[w] as number) > 0)
      (termForms[vocab.wordTerm[w] as number] as number[]).push(w);
  }
  const formBit = new Uint8Array(vocab.words.length);
  for (const forms of termForms) {
    forms.sort(
      (a, b) =>
        (vocab.df[b] as number) - (vocab.df[a] as number) ||
        compareStrings(vocab.words[a] as string, vocab.words[b] as string),
    );
    forms.forEach((w, i) => (formBit[w] = 1 << Math.min(i, MAX_FORMS)));
  }
  const postMask = new Uint8Array(total);

  const fill = entryStart.slice(0, entryCount);
  {
    const docs = pDoc.view();
    const tfs = pTf.view();
    const poss = pPos.view();
    const form1 = pForm1.view();
    const form2 = pForm2.view();
    for (let i = 0; i < termTerm.length; i++) {
      const e = termTerm[i] as number;
      const at = fill[e] as number;
      fill[e] = at + 1;
      const doc = docs[i] as number;
      postDoc[at] = doc;
      postLevel[at] = level(doc, tfs[i] as number);
      const f1 = form1[i] as number;
      const f2 = form2[i] as number;
      postMask[at] =
        (f1 >= 0 ? (formBit[f1] as number) : 0) | (f2 >= 0 ? (formBit[f2] as number) : 0);
      if (large) postPos[at] = poss[i] as number;
    }
    const qdocs = qDoc.view();
    const qtfs = qTf.view();
    for (let i = 0; i < pairOf.length; i++) {
      const e = pairEntryId[pairOf[i] as number] as number;
      if (e < 0) continue;
      const at = fill[e] as number;
      fill[e] = at + 1;
      const doc = qdocs[i] as number;
      postDoc[at] = doc;
      postLevel[at] = level(doc, qtfs[i] as number);
    }
  }

  const entries = Array.from({ length: entryCount }, (_, e) => e).sort((x, y) =>
    compareStrings(names[x] as string, names[y] as string),
  );

  // ---- shards: a FlexSearch `Index` per range of entries ----
  const files: SearchIndexFile[] = [];
  const decoder = new TextDecoder();
  const shardFirst: string[] = [];
  {
    // Estimated characters of each entry in its shard file: its name, a
    // `null` per empty slot before its last one, its ids, its forms.
    const idChars = String(Math.max(1, n - 1)).length + 1;
    const sizes = new Float64Array(entryCount);
    for (let k = 0; k < entryCount; k++) {
      const e = entries[k] as number;
      const from = entryStart[e] as number;
      const to = entryStart[e + 1] as number;
      let last = 0;
      for (let j = from; j < to; j++)
        if ((postLevel[j] as number) > last) last = postLevel[j] as number;
      let size = (names[e] as string).length + 8 + 5 * last + (to - from) * idChars;
      const forms = e < termCount ? (termForms[e] as number[]) : [];
      if (forms.length > 1) size += 24 + (to - from);
      sizes[k] = size;
    }
    const starts = partition(
      entries,
      (_, k) => sizes[k] as number,
      opt.shardChars,
      () => true,
    );
    // Per shard, its postings regrouped by document, for one FlexSearch
    // `add` per document: the shard's documents (marked with the shard
    // number, then sorted), then a counting sort by document.
    const stamp = new Int32Array(n).fill(-1);
    const lists: string[][] = [];
    const docCount = new Int32Array(n);
    const docAt = new Int32Array(n);
    const touched = new Int32Array(n);
    for (let s = 0; s < starts.length; s++) {
      const from = starts[s] as number;
      const to = s + 1 < starts.length ? (starts[s + 1] as number) : entryCount;
      shardFirst.push(s === 0 ? '' : (names[entries[from] as number] as string));
      files.push({ path: `t/${s}.txt`, body: shardBody(s, from, to) });
    }

    function shardBody(shard: number, from: number, to: number): string {
      let docCountTotal = 0;
      let count = 0;
      let unsorted = false;
      for (let k = from; k < to; k++) {
        const e = entries[k] as number;
        const end = entryStart[e + 1] as number;
        for (let j = entryStart[e] as number; j < end; j++) {
          const d = postDoc[j] as number;
          if (stamp[d] !== shard) {
            stamp[d] = shard;
            docCount[d] = 0;
            if (docCountTotal > 0 && d < (touched[docCountTotal - 1] as number)) unsorted = true;
            touched[docCountTotal++] = d;
          }
          docCount[d] = (docCount[d] as number) + 1;
        }
        count += end - (entryStart[e] as number);
      }
      let shardDocs = touched.slice(0, docCountTotal);
      if (unsorted && docCountTotal * 16 > n) {
        // Many documents: read them off the marks, in order.
        let i = 0;
        for (let d = 0; d < n; d++) if (stamp[d] === shard) shardDocs[i++] = d;
      } else if (unsorted) shardDocs = shardDocs.sort();
      let at = 0;
      for (let i = 0; i < shardDocs.length; i++) {
        const d = shardDocs[i] as number;
        docAt[d] = at;
        at += docCount[d] as number;
      }
      // Entry (index in the shard) and impact level of each posting, by document.
      const local = new Int32Array(count);
      const levels = new Uint8Array(count);
      for (let k = from; k < to; k++) {
        const e = entries[k] as number;
        const end = entryStart[e + 1] as number;
        for (let j = entryStart[e] as number; j < end; j++) {
          const d = postDoc[j] as number;
          const p = docAt[d] as number;
          docAt[d] = p + 1;
          local[p] = k - from;
          levels[p] = postLevel[j] as number;
        }
      }
      const shardNames = entries.slice(from, to).map((e) => names[e] as string);
      let base = 0;
      const index = new Index({
        ...shardIndexOptions(resolution),
        // The i-th entry of the document being added goes to its impact slot.
        score: (_content: string[], _term: string, i: number) => levels[base + i] as number,
      });
      let start = 0;
      for (let i = 0; i < shardDocs.length; i++) {
        const d = shardDocs[i] as number;
        const end = docAt[d] as number;
        base = start;
        // Lists reused by length (FlexSearch reads the list during `add` only).
        let content = lists[end - start];
        if (!content) content = lists[end - start] = new Array<string>(end - start);
        for (let p = start; p < end; p++)
          content[p - start] = shardNames[local[p] as number] as string;
        // The encoder (`entriesOf`) takes the list as it is; `add` is typed for text only.
        index.add(d, content as unknown as string);
        start = end;
      }
      const lines: string[] = [];
      // A synchronous handler: the export is done when `export` returns.
      index.export((key: string, data: string) => {
        if (!/(?:^|\.)reg$/u.test(key)) lines.push(`${key}\t${data}`);
      });
      // Our own line: the forms of the shard's terms and which documents have which.
      const forms: string[] = [];
      for (let k = from; k < to; k++) {
        const e = entries[k] as number;
        if (e >= termCount) continue;
        const words = termForms[e] as number[];
        const name = names[e] as string;
        if (words.length === 0 || (words.length === 1 && vocab.words[words[0] as number] === name))
          continue;
        let entry = `${name}:${words
          .slice(0, MAX_FORMS)
          .map((w) => formCode(name, vocab.words[w] as string))
          .join(',')}`;
        if (words.length > 1) {
          const at = entryStart[e] as number;
          const masks = new Uint8Array((entryStart[e + 1] as number) - at);
          for (let j = 0; j < masks.length; j++)
            masks[j] = DIGIT_CODES[postMask[at + j] as number] as number;
          entry += `:${decoder.decode(masks)}`;
        }
        forms.push(entry);
      }
      if (forms.length) lines.push(`${FORMS_KEY}\t${forms.join(' ')}`);
      return lines.join('\n');
    }
  }
  if (shardFirst.length === 0) {
    shardFirst.push('');
    files.push({ path: 't/0.txt', body: '' });
  }

  // ---- positions (large collections), for phrases of unindexed pairs ----
  const positionFirst: string[] = [];
  if (large) {
    const buf = new ByteBuffer();
    const data = posData.view();
    const lineTerms: number[] = [];
    const lineStart: number[] = [];
    for (const e of entries) {
      if (e >= termCount) continue;
      const from = entryStart[e] as number;
      const to = entryStart[e + 1] as number;
      // Rare terms are checked in the records; compounds have no positions
      // of their own: leave them out.
      if (to - from <= TEXT_CHECKS) continue;
      let any = false;
      for (let j = from; j < to && !any; j++) any = (data[postPos[j] as number] as number) > 0;
      if (!any) continue;
      lineTerms.push(e);
      lineStart.push(buf.length);
      buf.text(names[e] as string);
      buf.byte(32);
      for (let j = from; j < to; j++) {
        let at = postPos[j] as number;
        const c = data[at++] as number;
        buf.reserve(8 * (c + 1));
        buf.length = writeNumber(buf.data, buf.length, c);
        let prev = 0;
        for (let x = 0; x < c; x++) {
          const p = data[at++] as number;
          buf.length = writeNumber(buf.data, buf.length, p - prev);
          prev = p;
        }
      }
      buf.byte(10);
    }
    lineStart.push(buf.length);
    const starts = partition(
      lineTerms,
      (_, k) => (lineStart[k + 1] as number) - (lineStart[k] as number),
      opt.positionChars,
      () => true,
    );
    for (let s = 0; s < starts.length; s++) {
      const from = starts[s] as number;
      const to = s + 1 < starts.length ? (starts[s + 1] as number) : lineTerms.length;
      positionFirst.push(s === 0 ? '' : (names[lineTerms[from] as number] as string));
      files.push({
        path: `p/${s}.txt`,
        body: decoder.decode(
          buf.data.subarray(lineStart[from] as number, (lineStart[to] as number) - 1),
        ),
      });
    }
  }

  // ---- lexicon: indexed words as written, with their document frequency ----
  const minDf = opt.lexiconMinDf > 0 ? opt.lexiconMinDf : n >= 5000 ? 2 : 1;
  const lexWords: string[] = [];
  const lexDf = new Map<string, number>();
  for (let w = 0; w < vocab.words.length; w++) {
    const df = vocab.df[w] as number;
    if (df >= minDf && !vocab.stop[w]) {
      const word = vocab.words[w] as string;
      lexWords.push(word);
      lexDf.set(word, df);
    }
  }
  lexWords.sort(compareStrings);
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
      body: ws.map((w) => `${w} ${lexDf.get(w) ?? 0}`).join('\n'),
    });
  }
  if (lexFirst.length === 0) {
    lexFirst.push('');
    files.push({ path: 'l/0.txt', body: '' });
  }

  // ---- document records ----
  // Auto: 4 records a file, more from ~19,000 documents on, so that the
  // records stay under ~4,700 files (16 a file at 74,728).
  const docChunk = opt.docChunk > 0 ? opt.docChunk : Math.min(32, Math.max(4, Math.ceil(n / 4700)));
  const chunks = Math.ceil(n / docChunk);
  for (let c = 0; c < chunks; c++) {
    const records: DocRecord[] = sorted
      .slice(c * docChunk, (c + 1) * docChunk)
      .map((d) => [
        d.id,
        d.slug,
        d.title,
        (d.authors ?? []).slice(0, opt.maxAuthors),
        d.authors?.length ?? 0,
        d.date ?? '',
        d.topics ?? [],
        squeeze(d.abstract),
      ]);
    files.push({ path: `d/${c}.json`, body: JSON.stringify(records) });
  }

  // ---- years as id ranges ----
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

  // ---- topic codes of every document, for facet counts and the topic filter ----
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

  // ---- title ranks (sort by title A-Z) ----
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
    positions: positionFirst,
    pairs: withPairs,
    pairMaxGap: maxGap,
    lexicon: lexFirst,
    docChunk,
    years,
    topics: topicNames,
    titleRankWidth: rw,
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
      terms: termCount,
      pairs: entryCount - termCount,
      postings: total,
      lexiconWords: lexWords.length,
      shards: shardFirst.length,
      files: files.length,
      chars: { total: chars, index: chars - docChars, docs: docChars },
      buildMs: Date.now() - t0,
    },
  };
}
