/**
 * How good a set of topics is, measured independently of how it was made:
 *
 * - coherence of a topic: the mean cosine similarity of its papers' pairs
 *   over the mean cosine of random pairs of the collection, on the TF-IDF
 *   vectors of related papers (`src/lib/related`), not the vectors discovery
 *   clustered on;
 * - category purity: each paper's main topic against its main arXiv
 *   category, the share of papers in their topic's most common category;
 * - a baseline to compare with: plain LSA (a rank-100 subspace of the TF-IDF
 *   matrix) and spherical k-means with the same number of topics.
 *
 * Used by `bench/topics.ts` and the tests; not by the build.
 */
import { mulberry32 } from '../related/prng.ts';
import { Vocabulary } from '../related/tokens.ts';
import { buildVectors, type Vectors } from '../related/vectors.ts';

export function tfidfVectors(papers: readonly { title: string; abstract: string }[]): Vectors {
  const vocab = new Vocabulary();
  const bags = papers.map((p) => vocab.docWords(p.title, p.abstract));
  return buildVectors(bags, vocab);
}

/** Mean cosine of distinct pairs of `rows`: (|Σv|² − Σ|v|²) / (m(m−1)). */
export function meanPairCosine(v: Vectors, rows: readonly number[]): number {
  const m = rows.length;
  if (m < 2) return 0;
  const sum = new Map<number, number>();
  let self = 0;
  for (const r of rows) {
    for (let j = v.ptr[r] as number; j < (v.ptr[r + 1] as number); j++) {
      const w = v.weight[j] as number;
      sum.set(v.term[j] as number, (sum.get(v.term[j] as number) ?? 0) + w);
      self += w * w;
    }
  }
  let total = 0;
  for (const x of sum.values()) total += x * x;
  return (total - self) / (m * (m - 1));
}

export interface Coherence {
  /** Mean cosine of random pairs of the collection. */
  baseline: number;
  /** Per topic: its coherence (mean pair cosine over the baseline). */
  byTopic: Map<string, number>;
  /** Share of paper-topic memberships in topics whose coherence is below `threshold`. */
  lowShare: number;
  threshold: number;
}

/** Coherence of each topic (`topics`: slug -> paper rows) and the share of memberships in weak ones. */
export function coherence(
  v: Vectors,
  topics: ReadonlyMap<string, readonly number[]>,
  threshold = 1.5,
): Coherence {
  const all = Array.from({ length: v.n }, (_, i) => i);
  const baseline = meanPairCosine(v, all);
  const byTopic = new Map<string, number>();
  let memberships = 0;
  let low = 0;
  for (const [slug, rows] of topics) {
    const c = baseline > 0 ? meanPairCosine(v, rows) / baseline : 0;
    byTopic.set(slug, c);
    memberships += rows.length;
    if (c < threshold) low += rows.length;
  }
  return { baseline, byTopic, lowShare: memberships ? low / memberships : 0, threshold };
}

/** Share of papers whose label is their group's most common label (papers without a label left out). */
export function purity(group: readonly number[], label: readonly (string | undefined)[]): number {
  const counts = new Map<number, Map<string, number>>();
  let n = 0;
  group.forEach((g, i) => {
    const l = label[i];
    if (l === undefined || g < 0) return;
    n++;
    let row = counts.get(g);
    if (row === undefined) counts.set(g, (row = new Map()));
    row.set(l, (row.get(l) ?? 0) + 1);
  });
  let hit = 0;
  for (const row of counts.values()) hit += Math.max(...row.values());
  return n ? hit / n : 0;
}

/** Rows of LSA coordinates (n × d, unit length): subspace iteration on XᵀX, seeded. */
export function lsa(v: Vectors, d = 100, iterations = 3, seed = 7): Float64Array[] {
  const V = v.stems.length;
  const rand = mulberry32(seed);
  let Z = Array.from({ length: d }, () => Float64Array.from({ length: V }, () => rand() - 0.5));
  orthonormalise(Z);
  const project = (basis: Float64Array[]) => {
    // X·Z: n × d.
    const out = Array.from({ length: v.n }, () => new Float64Array(basis.length));
    for (let r = 0; r < v.n; r++) {
      const row = out[r] as Float64Array;
      for (let j = v.ptr[r] as number; j < (v.ptr[r + 1] as number); j++) {
        const t = v.term[j] as number;
        const w = v.weight[j] as number;
        for (let k = 0; k < basis.length; k++)
          row[k] = (row[k] as number) + w * ((basis[k] as Float64Array)[t] as number);
      }
    }
    return out;
  };
  for (let it = 0; it < iterations; it++) {
    const Y = project(Z);
    // Xᵀ·Y: V × d, stored as d columns.
    const next = Array.from({ length: d }, () => new Float64Array(V));
    for (let r = 0; r < v.n; r++) {
      const y = Y[r] as Float64Array;
      for (let j = v.ptr[r] as number; j < (v.ptr[r + 1] as number); j++) {
        const t = v.term[j] as number;
        const w = v.weight[j] as number;
        for (let k = 0; k < d; k++) {
          const col = next[k] as Float64Array;
          col[t] = (col[t] as number) + w * (y[k] as number);
        }
      }
    }
    orthonormalise(next);
    Z = next;
  }
  const rows = project(Z);
  for (const row of rows) {
    let norm = 0;
    for (const x of row) norm += x * x;
    const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = 0; k < row.length; k++) row[k] = (row[k] as number) * s;
  }
  return rows;
}

function orthonormalise(cols: Float64Array[]): void {
  for (let a = 0; a < cols.length; a++) {
    const x = cols[a] as Float64Array;
    for (let b = 0; b < a; b++) {
      const y = cols[b] as Float64Array;
      let dot = 0;
      for (let i = 0; i < x.length; i++) dot += (x[i] as number) * (y[i] as number);
      for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) - dot * (y[i] as number);
    }
    let norm = 0;
    for (const value of x) norm += value * value;
    const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) * s;
  }
}

/** Spherical k-means (k-means++ start, seeded): a cluster index per row. */
export function kmeans(
  rows: readonly Float64Array[],
  k: number,
  iterations = 20,
  seed = 11,
): number[] {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  const rand = mulberry32(seed);
  const dot = (a: Float64Array, b: Float64Array) => {
    let s = 0;
    for (let i = 0; i < d; i++) s += (a[i] as number) * (b[i] as number);
    return s;
  };
  const centres: Float64Array[] = [Float64Array.from(rows[Math.floor(rand() * n)] as Float64Array)];
  const dist = new Float64Array(n).fill(Infinity);
  while (centres.length < Math.min(k, n)) {
    const last = centres[centres.length - 1] as Float64Array;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const x = Math.max(0, 2 - 2 * dot(rows[i] as Float64Array, last));
      if (x < (dist[i] as number)) dist[i] = x;
      total += dist[i] as number;
    }
    let pick = rand() * total;
    let i = 0;
    for (; i < n - 1; i++) {
      pick -= dist[i] as number;
      if (pick <= 0) break;
    }
    centres.push(Float64Array.from(rows[i] as Float64Array));
  }
  const label = new Array<number>(n).fill(0);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDot = -Infinity;
      centres.forEach((c, j) => {
        const s = dot(rows[i] as Float64Array, c);
        if (s > bestDot) {
          bestDot = s;
          best = j;
        }
      });
      if (label[i] !== best) moved++;
      label[i] = best;
    }
    const sums = centres.map(() => new Float64Array(d));
    label.forEach((j, i) => {
      const s = sums[j] as Float64Array;
      const r = rows[i] as Float64Array;
      for (let x = 0; x < d; x++) s[x] = (s[x] as number) + (r[x] as number);
    });
    sums.forEach((s, j) => {
      let norm = 0;
      for (const x of s) norm += x * x;
      if (norm > 0) centres[j] = s.map((x) => x / Math.sqrt(norm));
    });
    if (moved === 0) break;
  }
  return label;
}
