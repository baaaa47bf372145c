/**
 * Term vectors of papers: stems of title and abstract words, weighted by
 * sub-linear term frequency times inverse document frequency, title words
 * counted extra, every vector scaled to unit length so that a dot product
 * is a cosine similarity.
 *
 * Vectors are stored together in compressed-row form (typed arrays), which
 * keeps memory linear in the total number of distinct terms per paper.
 */
import { stem } from '../text/index.ts';
import type { DocWords, Vocabulary } from './tokens.ts';

export interface WeightingOptions {
  /** How many abstract occurrences one title occurrence counts as. */
  titleBoost: number;
  /** `tfidf`: (1 + ln tf) idf; `bm25`: saturated tf with length normalisation, times idf. */
  scheme: 'tfidf' | 'bm25';
  /** Terms found in fewer papers than this are left out of the vectors (they cannot be shared). */
  minDf: number;
}

export const DEFAULT_WEIGHTING: WeightingOptions = { titleBoost: 2, scheme: 'tfidf', minDf: 2 };

/** Unit-length sparse vectors of all papers, row `d` in `[ptr[d], ptr[d+1])`, terms in first-occurrence order. */
export interface Vectors {
  /** Number of papers (rows). */
  n: number;
  /** Stem of every term id. */
  stems: string[];
  /** Number of papers containing each term id. */
  df: Int32Array;
  ptr: Int32Array;
  term: Int32Array;
  weight: Float32Array;
  /**
   * For each entry, the vocabulary id of the paper's most frequent word with
   * that stem (first on ties): the readable form shown to people, e.g.
   * `diffusion` for the stem `diffus`.
   */
  surface: Int32Array;
}

/** Memo of `stem`, kept across builds: a corpus has far fewer distinct words than tokens. */
const stemOf = new Map<string, string>();
function stemCached(word: string): string {
  let s = stemOf.get(word);
  if (s === undefined) {
    s = stem(word);
    if (stemOf.size > 1_000_000) stemOf.clear();
    stemOf.set(word, s);
  }
  return s;
}

/** Grows a typed array to at least `size` entries, keeping its contents. */
function grow<T extends Int32Array | Float64Array>(a: T, size: number, make: (n: number) => T): T {
  if (a.length >= size) return a;
  const b = make(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Builds the unit-length vectors of `docs` (rows in the given order, terms
 * of a row in first-occurrence order). Flat typed arrays throughout: no
 * per-paper allocation, so 75k papers cost one pass and little garbage.
 */
export function buildVectors(
  docs: readonly DocWords[],
  vocab: Vocabulary,
  options: WeightingOptions = DEFAULT_WEIGHTING,
): Vectors {
  const n = docs.length;
  let total = 0;
  for (const doc of docs) total += doc.length / 3;
  // Word id -> term id, assigned in order of first use so that term ids do
  // not depend on the order of the vocabulary (-1: not seen yet).
  const termOfWord = new Int32Array(vocab.size).fill(-1);
  const idOfStem = new Map<string, number>();
  const stems: string[] = [];
  let df = new Int32Array(1024);
  let mark = new Int32Array(1024).fill(-1);
  let slot = new Int32Array(1024);
  let best = new Int32Array(1024);
  // Raw rows: term id, boosted tf and surface word per distinct term of each paper.
  const rawPtr = new Int32Array(n + 1);
  const rawTerm = new Int32Array(total);
  const rawTf = new Float64Array(total);
  const rawSurface = new Int32Array(total);
  const lengths = new Float64Array(n);
  let at = 0;
  let totalLength = 0;
  for (let d = 0; d < n; d++) {
    const doc = docs[d] as DocWords;
    rawPtr[d] = at;
    let length = 0;
    for (let i = 0; i < doc.length; i += 3) {
      const wordId = doc[i] as number;
      let id = termOfWord[wordId] as number;
      if (id < 0) {
        const s = stemCached(vocab.words[wordId] as string);
        let known = idOfStem.get(s);
        if (known === undefined) {
          known = stems.length;
          idOfStem.set(s, known);
          stems.push(s);
          const size = known + 1;
          df = grow(df, size, (m) => new Int32Array(m));
          if (mark.length < size) {
            const old = mark.length;
            mark = grow(mark, size, (m) => new Int32Array(m));
            mark.fill(-1, old);
          }
          slot = grow(slot, size, (m) => new Int32Array(m));
          best = grow(best, size, (m) => new Int32Array(m));
        }
        id = known;
        termOfWord[wordId] = id;
      }
      const t = doc[i + 1] as number;
      const a = doc[i + 2] as number;
      const add = a + options.titleBoost * t;
      if (!(add > 0)) continue;
      length += a + t;
      if (mark[id] !== d) {
        mark[id] = d;
        slot[id] = at;
        rawTerm[at] = id;
        rawTf[at] = 0;
        rawSurface[at] = wordId;
        best[id] = 0;
        df[id] = (df[id] as number) + 1;
        at++;
      }
      const j = slot[id] as number;
      rawTf[j] = (rawTf[j] as number) + add;
      // The most frequent word of the stem in this paper names it (first on ties).
      if (a + t > (best[id] as number)) {
        best[id] = a + t;
        rawSurface[j] = wordId;
      }
    }
    lengths[d] = length;
    totalLength += length;
  }
  rawPtr[n] = at;

  const V = stems.length;
  const idf = new Float64Array(V);
  for (let t = 0; t < V; t++) {
    const f = df[t] as number;
    idf[t] =
      options.scheme === 'bm25' ? Math.log(1 + (n - f + 0.5) / (f + 0.5)) : Math.log((n + 1) / f);
  }
  const avgLength = n > 0 ? totalLength / n : 0;

  let nnz = 0;
  for (let j = 0; j < at; j++) if ((df[rawTerm[j] as number] as number) >= options.minDf) nnz++;
  const ptr = new Int32Array(n + 1);
  const term = new Int32Array(nnz);
  const weight = new Float32Array(nnz);
  const surface = new Int32Array(nnz);
  const k1 = 1.2;
  const b = 0.75;
  let out = 0;
  for (let d = 0; d < n; d++) {
    ptr[d] = out;
    const start = out;
    let norm = 0;
    const lengthNorm = avgLength > 0 ? 1 - b + (b * (lengths[d] as number)) / avgLength : 1;
    for (let j = rawPtr[d] as number; j < (rawPtr[d + 1] as number); j++) {
      const id = rawTerm[j] as number;
      if ((df[id] as number) < options.minDf) continue;
      const tf = rawTf[j] as number;
      const w =
        options.scheme === 'bm25'
          ? ((tf * (k1 + 1)) / (tf + k1 * lengthNorm)) * (idf[id] as number)
          : (1 + Math.log(tf)) * (idf[id] as number);
      term[out] = id;
      weight[out] = w;
      surface[out] = rawSurface[j] as number;
      norm += w * w;
      out++;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = start; j < out; j++) weight[j] = (weight[j] as number) * scale;
  }
  ptr[n] = out;
  return { n, stems, df: df.slice(0, V), ptr, term, weight, surface };
}
