/**
 * Nearest neighbours of every paper by cosine similarity of term vectors,
 * without comparing all pairs.
 *
 * Each paper is indexed under its `indexTerms` heaviest terms only. To find
 * the neighbours of a paper, the postings of its own heaviest terms are
 * scanned and partial dot products accumulated; the best `candidates` of
 * those are then scored exactly with the full vectors. Very common terms
 * have low weight, so they are rarely among a paper's heaviest: the long
 * postings that make all-pairs similarity quadratic are never scanned.
 * Memory is the index (n x indexTerms entries) plus two arrays of size n.
 */
import type { Vectors } from './vectors.ts';

export interface SearchOptions {
  /** Neighbours kept per paper. */
  k: number;
  /** Terms per paper in the inverted index. */
  indexTerms: number;
  /** Terms per paper used to query the index (at most `indexTerms`). */
  queryTerms: number;
  /** Best partial matches re-scored exactly per paper. */
  candidates: number;
}

export const DEFAULT_SEARCH: SearchOptions = {
  k: 10,
  indexTerms: 20,
  queryTerms: 20,
  candidates: 40,
};

/** The `k` nearest neighbours of each row: row `d` in `[d*k, d*k + count[d])`. */
export interface KnnGraph {
  n: number;
  k: number;
  count: Int32Array;
  index: Int32Array;
  score: Float32Array;
}

/**
 * Writes into `out` the positions (into `vectors.term`) of row `d`'s
 * heaviest `m` terms, heaviest first, ties to the earlier position; returns
 * how many. Sorting packed numeric keys keeps this free of comparators:
 * a positive float32's bit pattern orders like its value.
 */
function topTerms(v: Vectors, d: number, m: number, keys: Float64Array, out: Int32Array): number {
  const start = v.ptr[d] as number;
  const len = (v.ptr[d + 1] as number) - start;
  const bits = new Uint32Array(v.weight.buffer, v.weight.byteOffset, v.weight.length);
  const POS = 2 ** 21;
  if (len >= POS) throw new Error('topTerms: row too long');
  for (let i = 0; i < len; i++) {
    keys[i] = (bits[start + i] as number) * POS + (POS - 1 - i);
  }
  const view = keys.subarray(0, len).sort();
  const c = Math.min(m, len);
  for (let i = 0; i < c; i++) {
    const key = view[len - 1 - i] as number;
    out[i] = start + (POS - 1 - (key % POS));
  }
  return c;
}

/** Inverted index of each row's heaviest terms: postings of term `t` in `[ptr[t], ptr[t+1])`, rows ascending. */
export interface TopIndex {
  /** Per row, positions of its heaviest terms in `vectors.term` (heaviest first). */
  rowPtr: Int32Array;
  rowPos: Int32Array;
  ptr: Int32Array;
  doc: Int32Array;
  weight: Float32Array;
}

export function buildTopIndex(v: Vectors, m: number): TopIndex {
  const rowPtr = new Int32Array(v.n + 1);
  let longest = 0;
  for (let d = 0; d < v.n; d++)
    longest = Math.max(longest, (v.ptr[d + 1] as number) - (v.ptr[d] as number));
  const keys = new Float64Array(longest);
  const top = new Int32Array(Math.max(m, 1));
  let rowPos = new Int32Array(v.n * Math.max(m, 1));
  let total = 0;
  for (let d = 0; d < v.n; d++) {
    rowPtr[d] = total;
    const c = topTerms(v, d, m, keys, top);
    rowPos.set(top.subarray(0, c), total);
    total += c;
  }
  rowPtr[v.n] = total;
  rowPos = rowPos.slice(0, total);
  const V = v.stems.length;
  const ptr = new Int32Array(V + 1);
  for (let d = 0; d < v.n; d++) {
    for (let i = rowPtr[d] as number; i < (rowPtr[d + 1] as number); i++) {
      const j = rowPos[i] as number;
      const t = (v.term[j] as number) + 1;
      ptr[t] = (ptr[t] as number) + 1;
    }
  }
  for (let t = 0; t < V; t++) ptr[t + 1] = (ptr[t + 1] as number) + (ptr[t] as number);
  const fill = ptr.slice(0, V);
  const doc = new Int32Array(total);
  const weight = new Float32Array(total);
  for (let d = 0; d < v.n; d++) {
    for (let i = rowPtr[d] as number; i < (rowPtr[d + 1] as number); i++) {
      const j = rowPos[i] as number;
      const t = v.term[j] as number;
      const at = fill[t] as number;
      fill[t] = at + 1;
      doc[at] = d;
      weight[at] = v.weight[j] as number;
    }
  }
  return { rowPtr, rowPos, ptr, doc, weight };
}

/**
 * Reusable scratch space for queries: a dense accumulator over rows, a dense
 * copy of the query vector over terms, and the list of touched rows.
 */
export class Searcher {
  readonly v: Vectors;
  readonly index: TopIndex;
  readonly options: SearchOptions;
  private readonly acc: Float32Array;
  private readonly touched: Int32Array;
  private readonly dense: Float32Array;
  private readonly heapIdx: Int32Array;
  private readonly heapVal: Float32Array;
  private readonly scratchRows: Int32Array;

  constructor(v: Vectors, options: SearchOptions = DEFAULT_SEARCH, index?: TopIndex) {
    this.v = v;
    this.options = options;
    this.index = index ?? buildTopIndex(v, options.indexTerms);
    this.acc = new Float32Array(v.n);
    this.touched = new Int32Array(v.n);
    this.dense = new Float32Array(v.stems.length);
    const cap = Math.max(options.candidates, options.k) + 1;
    this.heapIdx = new Int32Array(cap);
    this.heapVal = new Float32Array(cap);
    this.scratchRows = new Int32Array(cap);
  }

  /**
   * Rows sharing indexed terms with row `q`, best `candidates` by partial
   * dot product over those terms (ties to the lower row), in no particular
   * order. Writes them into `out` at `offset`; returns how many.
   */
  candidates(q: number, out: Int32Array, offset: number): number {
    const { v, index, acc, touched } = this;
    const { candidates, queryTerms } = this.options;
    const iDoc = index.doc;
    const iWeight = index.weight;
    let nTouched = 0;
    const qEnd = Math.min(index.rowPtr[q + 1] as number, (index.rowPtr[q] as number) + queryTerms);
    for (let i = index.rowPtr[q] as number; i < qEnd; i++) {
      const j = index.rowPos[i] as number;
      const t = v.term[j] as number;
      const wq = v.weight[j] as number;
      const end = index.ptr[t + 1] as number;
      for (let p = index.ptr[t] as number; p < end; p++) {
        const d = iDoc[p] as number;
        const a = acc[d] as number;
        if (a === 0) touched[nTouched++] = d;
        acc[d] = a + wq * (iWeight[p] as number);
      }
    }
    acc[q] = 0;

    // Best `candidates` rows by partial score: a min-heap, ties to the lower row.
    const hi = this.heapIdx;
    const hv = this.heapVal;
    let size = 0;
    for (let i = 0; i < nTouched; i++) {
      const d = touched[i] as number;
      const s = acc[d] as number;
      acc[d] = 0;
      if (d === q || s <= 0) continue;
      if (size < candidates) {
        heapPush(hi, hv, size++, d, s);
      } else if (better(s, d, hv[0] as number, hi[0] as number)) {
        heapReplaceTop(hi, hv, size, d, s);
      }
    }
    for (let i = 0; i < size; i++) out[offset + i] = hi[i] as number;
    return size;
  }

  /**
   * Exact cosines of row `q` with `rows[from..to)` (distinct rows, not `q`);
   * writes the best `k`, best first, ties by row, into `outIndex`/`outScore`
   * at `offset`, and returns how many were written.
   */
  rescore(
    q: number,
    rows: Int32Array,
    from: number,
    to: number,
    outIndex: Int32Array,
    outScore: Float32Array,
    offset: number,
  ): number {
    const { v } = this;
    const { k } = this.options;
    const dense = this.dense;
    for (let j = v.ptr[q] as number; j < (v.ptr[q + 1] as number); j++) {
      dense[v.term[j] as number] = v.weight[j] as number;
    }
    // Keep the best k in a small sorted list (insertion), best first, ties to the lower row.
    const bestRow = outIndex;
    const bestScore = outScore;
    let size = 0;
    for (let i = from; i < to; i++) {
      const d = rows[i] as number;
      let acc = 0;
      for (let j = v.ptr[d] as number; j < (v.ptr[d + 1] as number); j++) {
        acc += (dense[v.term[j] as number] as number) * (v.weight[j] as number);
      }
      const s = Math.fround(acc);
      if (!(s > 0)) continue;
      if (
        size === k &&
        !better(s, d, bestScore[offset + k - 1] as number, bestRow[offset + k - 1] as number)
      )
        continue;
      let at = size < k ? size++ : k - 1;
      while (
        at > 0 &&
        better(s, d, bestScore[offset + at - 1] as number, bestRow[offset + at - 1] as number)
      ) {
        bestRow[offset + at] = bestRow[offset + at - 1] as number;
        bestScore[offset + at] = bestScore[offset + at - 1] as number;
        at--;
      }
      bestRow[offset + at] = d;
      bestScore[offset + at] = s;
    }
    for (let j = v.ptr[q] as number; j < (v.ptr[q + 1] as number); j++) {
      dense[v.term[j] as number] = 0;
    }
    return size;
  }

  /** Candidates of `q` re-scored exactly: the best `k` rows, as `rescore` writes them. */
  query(q: number, outIndex: Int32Array, outScore: Float32Array, offset: number): number {
    const c = this.candidates(q, this.scratchRows, 0);
    return this.rescore(q, this.scratchRows, 0, c, outIndex, outScore, offset);
  }

  /**
   * Exact scores of every row that shares one of its indexed terms with one
   * of `q`'s indexed terms: the rows whose own search could find `q`. Used
   * to find which lists a changed paper may enter. Calls `visit(row, score)`
   * in increasing row order.
   */
  reverse(q: number, visit: (row: number, score: number) => void): void {
    const { v, index, acc, touched } = this;
    let nTouched = 0;
    for (let i = index.rowPtr[q] as number; i < (index.rowPtr[q + 1] as number); i++) {
      const t = v.term[index.rowPos[i] as number] as number;
      for (let p = index.ptr[t] as number; p < (index.ptr[t + 1] as number); p++) {
        const d = index.doc[p] as number;
        if (acc[d] === 0) {
          acc[d] = 1;
          touched[nTouched++] = d;
        }
      }
    }
    const rows = touched.slice(0, nTouched).sort();
    for (const d of rows) acc[d] = 0;
    const dense = this.dense;
    for (let j = v.ptr[q] as number; j < (v.ptr[q + 1] as number); j++) {
      dense[v.term[j] as number] = v.weight[j] as number;
    }
    for (const d of rows) {
      if (d === q) continue;
      let s = 0;
      for (let j = v.ptr[d] as number; j < (v.ptr[d + 1] as number); j++) {
        s += (dense[v.term[j] as number] as number) * (v.weight[j] as number);
      }
      visit(d, Math.fround(s));
    }
    for (let j = v.ptr[q] as number; j < (v.ptr[q + 1] as number); j++) {
      dense[v.term[j] as number] = 0;
    }
  }
}

/** Whether (s, d) ranks above (s2, d2): higher score, then lower row. */
function better(s: number, d: number, s2: number, d2: number): boolean {
  return s > s2 || (s === s2 && d < d2);
}

function heapPush(hi: Int32Array, hv: Float32Array, size: number, d: number, s: number): void {
  let i = size;
  hi[i] = d;
  hv[i] = s;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    // Min-heap on rank: the worst element on top.
    if (better(hv[parent] as number, hi[parent] as number, hv[i] as number, hi[i] as number)) {
      swap(hi, hv, i, parent);
      i = parent;
    } else break;
  }
}

function heapReplaceTop(
  hi: Int32Array,
  hv: Float32Array,
  size: number,
  d: number,
  s: number,
): void {
  hi[0] = d;
  hv[0] = s;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let worst = i;
    if (
      l < size &&
      better(hv[worst] as number, hi[worst] as number, hv[l] as number, hi[l] as number)
    )
      worst = l;
    if (
      r < size &&
      better(hv[worst] as number, hi[worst] as number, hv[r] as number, hi[r] as number)
    )
      worst = r;
    if (worst === i) break;
    swap(hi, hv, i, worst);
    i = worst;
  }
}

function swap(hi: Int32Array, hv: Float32Array, a: number, b: number): void {
  const d = hi[a] as number;
  hi[a] = hi[b] as number;
  hi[b] = d;
  const s = hv[a] as number;
  hv[a] = hv[b] as number;
  hv[b] = s;
}

/**
 * The k-nearest-neighbour graph of all rows. Candidates are symmetrised
 * before exact scoring: row `d` is also a candidate of `q` when `q` is one
 * of `d`'s, which recovers most pairs a short query misses.
 */
export function knnGraph(
  v: Vectors,
  options: SearchOptions = DEFAULT_SEARCH,
  searcher: Searcher = new Searcher(v, options),
): KnnGraph {
  const { k, candidates: C } = options;
  const n = v.n;
  const cand = new Int32Array(n * C);
  const candCount = new Int32Array(n);
  for (let q = 0; q < n; q++) candCount[q] = searcher.candidates(q, cand, q * C);
  // Reverse candidate lists in compressed-row form.
  const revPtr = new Int32Array(n + 1);
  for (let q = 0; q < n; q++) {
    for (let i = 0; i < (candCount[q] as number); i++) {
      const d = (cand[q * C + i] as number) + 1;
      revPtr[d] = (revPtr[d] as number) + 1;
    }
  }
  for (let d = 0; d < n; d++) revPtr[d + 1] = (revPtr[d + 1] as number) + (revPtr[d] as number);
  const rev = new Int32Array(revPtr[n] as number);
  const fill = revPtr.slice(0, n);
  for (let q = 0; q < n; q++) {
    for (let i = 0; i < (candCount[q] as number); i++) {
      const d = cand[q * C + i] as number;
      rev[fill[d] as number] = q;
      fill[d] = (fill[d] as number) + 1;
    }
  }
  const count = new Int32Array(n);
  const index = new Int32Array(n * k).fill(-1);
  const score = new Float32Array(n * k);
  const mark = new Int32Array(n).fill(-1);
  let rows = new Int32Array(2 * C);
  for (let q = 0; q < n; q++) {
    const extra = (revPtr[q + 1] as number) - (revPtr[q] as number);
    if (rows.length < C + extra) rows = new Int32Array(C + extra);
    let m = 0;
    for (let i = 0; i < (candCount[q] as number); i++) {
      const d = cand[q * C + i] as number;
      mark[d] = q;
      rows[m++] = d;
    }
    for (let p = revPtr[q] as number; p < (revPtr[q + 1] as number); p++) {
      const d = rev[p] as number;
      if (mark[d] === q) continue;
      mark[d] = q;
      rows[m++] = d;
    }
    count[q] = searcher.rescore(q, rows, 0, m, index, score, q * k);
  }
  return { n, k, count, index, score };
}

/**
 * Exact cosine of row `q` against every row, for checking the pruned search
 * and for incremental updates. Returns a dense array of n scores.
 */
export function exactScores(v: Vectors, q: number, dense?: Float32Array): Float32Array {
  const scratch = dense ?? new Float32Array(v.stems.length);
  for (let j = v.ptr[q] as number; j < (v.ptr[q + 1] as number); j++) {
    scratch[v.term[j] as number] = v.weight[j] as number;
  }
  const out = new Float32Array(v.n);
  for (let d = 0; d < v.n; d++) {
    let s = 0;
    for (let j = v.ptr[d] as number; j < (v.ptr[d + 1] as number); j++) {
      s += (scratch[v.term[j] as number] as number) * (v.weight[j] as number);
    }
    out[d] = Math.fround(s);
  }
  for (let j = v.ptr[q] as number; j < (v.ptr[q + 1] as number); j++)
    scratch[v.term[j] as number] = 0;
  return out;
}

/**
 * Shared terms that explain a match: for row `a` and each of its
 * neighbours, up to `max` terms contributing most to their cosine, leaving
 * out terms (after the first) that contribute less than `minShare` of it.
 */
export class Explainer {
  private readonly v: Vectors;
  private readonly wa: Float32Array;
  private readonly pa: Int32Array;
  private readonly bestPos: Int32Array;
  private readonly bestVal: Float64Array;
  private readonly minShare: number;

  constructor(v: Vectors, max: number, minShare = 0) {
    this.minShare = minShare;
    this.v = v;
    this.wa = new Float32Array(v.stems.length);
    this.pa = new Int32Array(v.stems.length);
    this.bestPos = new Int32Array(max);
    this.bestVal = new Float64Array(max);
  }

  /**
   * For row `a` and each row of `neighbours`, the positions in row `a` of
   * `v.term` of the shared terms with the biggest products of weights,
   * biggest first (ties to the earlier position).
   */
  explain(a: number, neighbours: ArrayLike<number>): number[][] {
    const { v, wa, pa, bestPos, bestVal } = this;
    const max = bestPos.length;
    for (let j = v.ptr[a] as number; j < (v.ptr[a + 1] as number); j++) {
      wa[v.term[j] as number] = v.weight[j] as number;
      pa[v.term[j] as number] = j;
    }
    const out: number[][] = [];
    for (let x = 0; x < neighbours.length; x++) {
      const b = neighbours[x] as number;
      let size = 0;
      let total = 0;
      for (let j = v.ptr[b] as number; j < (v.ptr[b + 1] as number); j++) {
        const t = v.term[j] as number;
        const w = wa[t] as number;
        if (w === 0) continue;
        const c = w * (v.weight[j] as number);
        total += c;
        const pos = pa[t] as number;
        // Insertion into the small sorted list of the best so far.
        let i = size < max ? size++ : max;
        while (
          i > 0 &&
          (c > (bestVal[i - 1] as number) ||
            (c === bestVal[i - 1] && pos < (bestPos[i - 1] as number)))
        ) {
          if (i < max) {
            bestVal[i] = bestVal[i - 1] as number;
            bestPos[i] = bestPos[i - 1] as number;
          }
          i--;
        }
        if (i < max) {
          bestVal[i] = c;
          bestPos[i] = pos;
        }
      }
      // Terms that add little to the similarity explain little: keep the first
      // and those contributing at least `minShare` of the cosine.
      let keep = Math.min(size, 1);
      while (keep < size && (bestVal[keep] as number) >= this.minShare * total) keep++;
      out.push(Array.from(bestPos.subarray(0, keep)));
    }
    for (let j = v.ptr[a] as number; j < (v.ptr[a + 1] as number); j++) wa[v.term[j] as number] = 0;
    return out;
  }
}
