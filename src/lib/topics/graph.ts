/**
 * Clustering for topic discovery: papers grouped by what they are about
 * before any group is named.
 *
 * 1. TF-IDF vectors over the stems of the corpus's content words (title
 *    words count twice), unit length.
 * 2. Each paper's nearest neighbours by cosine (`knnGraph` of the related
 *    papers, with a lighter search: topics need the graph's communities, not
 *    its exact top 5).
 * 3. Louvain communities on that graph (graphology-communities-louvain,
 *    seeded): groups larger than the size limit are split by Louvain on
 *    their own subgraph, groups smaller than the minimum join the group they
 *    are most connected to.
 * 4. From `HIERARCHY_FROM` papers, areas: Louvain on the graph of groups
 *    (edge weights summed), its resolution halved or doubled until there are
 *    10 to 25 areas.
 *
 * Community detection beat k-means on LSA vectors on every list measured
 * (category purity and coherence, see bench/topics.ts and the README).
 * Deterministic: rows are in slug order and every random choice comes from
 * a seeded generator.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { knnGraph, type KnnGraph, type SearchOptions } from '../related/neighbours.ts';
import { mulberry32 } from '../related/prng.ts';
import type { Vectors } from '../related/vectors.ts';
import { isTermWord } from '../related/tokens.ts';
import { stem } from '../text/index.ts';
import { ID, type Corpus } from './corpus.ts';

/** Lists from this size get two levels: areas, then topics. */
export const HIERARCHY_FROM = 3000;
const SEED = 0x70b1c5;

const SHORT = 500;
const SHORT_K = 6;
const SEARCH: SearchOptions = { k: 10, indexTerms: 14, queryTerms: 14, candidates: 24 };
/** From this many papers, a lighter search: communities need the graph's shape, not each exact top 10. */
const LARGE = 5000;
const LARGE_SEARCH: SearchOptions = { k: 6, indexTerms: 10, queryTerms: 10, candidates: 16 };

/** TF-IDF vectors of the corpus, with the word each term is shown as. */
export interface CorpusVectors extends Vectors {
  /** Term id -> the word id (in the corpus vocabulary) most used with that stem. */
  termWord: Int32Array;
  /** Word id -> term id (-1: not a term word). */
  termOf: Int32Array;
}

/**
 * Unit TF-IDF vectors of the corpus's papers, weighted as the related papers'
 * vectors are (`src/lib/related/vectors.ts`: the same term words and Porter
 * stems, (1 + ln tf) idf, title words counted twice, terms in one paper
 * only left out), so that topics are coherent in the vectors that the
 * related papers, the map and the quality measure use. Built from the
 * corpus's word ids, without tokenising again.
 */
export function corpusVectors(corpus: Corpus): CorpusVectors {
  const { vocab, n } = corpus;
  // Word id -> term id (-1: not a term word).
  const termOf = new Int32Array(vocab.size).fill(-1);
  const idOfStem = new Map<string, number>();
  const stems: string[] = [];
  for (let w = 0; w < vocab.size; w++) {
    const lower = vocab.lower[w] as string;
    if (!isTermWord(lower)) continue;
    const s = stem(lower);
    let t = idOfStem.get(s);
    if (t === undefined) {
      t = stems.length;
      idOfStem.set(s, t);
      stems.push(s);
    }
    termOf[w] = t;
  }
  const S = stems.length;
  const df = new Int32Array(S);
  const uses = new Float64Array(vocab.size);
  const slot = new Int32Array(S).fill(-1);
  // Raw rows (distinct terms and boosted counts), in flat typed arrays: no per-paper garbage.
  const rawPtr = new Int32Array(n + 1);
  let rawTerm = new Int32Array(1 << 16);
  let rawTf = new Float64Array(1 << 16);
  let at = 0;
  for (let p = 0; p < n; p++) {
    rawPtr[p] = at;
    const start = at;
    for (const [field, boost] of [
      [corpus.titles[p] as Int32Array, 2],
      [corpus.abstracts[p] as Int32Array, 1],
    ] as const) {
      for (const raw of field) {
        if (raw < 0) continue;
        const word = raw & ID;
        const t = termOf[word] as number;
        if (t < 0) continue;
        uses[word] = (uses[word] as number) + 1;
        const k = slot[t] as number;
        if (k >= start && k < at && rawTerm[k] === t) {
          rawTf[k] = (rawTf[k] as number) + boost;
          continue;
        }
        if (at === rawTerm.length) {
          const term2 = new Int32Array(at * 2);
          term2.set(rawTerm);
          rawTerm = term2;
          const tf2 = new Float64Array(at * 2);
          tf2.set(rawTf);
          rawTf = tf2;
        }
        slot[t] = at;
        rawTerm[at] = t;
        rawTf[at] = boost;
        df[t] = (df[t] as number) + 1;
        at++;
      }
    }
  }
  rawPtr[n] = at;
  const termWord = new Int32Array(S).fill(-1);
  for (let w = 0; w < vocab.size; w++) {
    const t = termOf[w] as number;
    if (t < 0 || (uses[w] as number) === 0) continue;
    const cur = termWord[t] as number;
    if (cur < 0 || (uses[w] as number) > (uses[cur] as number)) termWord[t] = w;
  }
  let nnz = 0;
  for (let k = 0; k < at; k++) if ((df[rawTerm[k] as number] as number) >= 2) nnz++;
  const ptr = new Int32Array(n + 1);
  const term = new Int32Array(nnz);
  const weight = new Float32Array(nnz);
  let out = 0;
  for (let p = 0; p < n; p++) {
    ptr[p] = out;
    const start = out;
    let norm = 0;
    for (let k = rawPtr[p] as number; k < (rawPtr[p + 1] as number); k++) {
      const t = rawTerm[k] as number;
      const f = df[t] as number;
      if (f < 2) continue;
      const w = (1 + Math.log(rawTf[k] as number)) * Math.log((n + 1) / f);
      term[out] = t;
      weight[out] = w;
      norm += w * w;
      out++;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = start; j < out; j++) weight[j] = (weight[j] as number) * scale;
  }
  ptr[n] = out;
  return { n, stems, df, ptr, term, weight, surface: new Int32Array(nnz), termWord, termOf };
}

/**
 * The nearest-neighbour graph: 10 neighbours a paper, fewer in short lists
 * (where 10 would join papers that merely share the list's common words).
 */
export function neighbourGraph(v: Vectors): KnnGraph {
  const search = v.n < LARGE ? SEARCH : LARGE_SEARCH;
  const k = v.n < SHORT ? SHORT_K : search.k;
  return knnGraph(v, { ...search, k: Math.min(k, Math.max(1, v.n - 1)) });
}

/** An undirected weighted graph in compressed-row form (both directions stored). */
export interface Adjacency {
  n: number;
  ptr: Int32Array;
  to: Int32Array;
  weight: Float64Array;
}

/** The kNN graph made symmetric: an edge when either paper has the other among its neighbours. */
export function symmetric(g: KnnGraph): Adjacency {
  const pairs = new Map<number, number>();
  const { n } = g;
  const degree = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    for (let i = 0; i < (g.count[a] as number); i++) {
      const b = g.index[a * g.k + i] as number;
      if (b < 0 || b === a) continue;
      const w = g.score[a * g.k + i] as number;
      if (!(w > 0)) continue;
      const key = a < b ? a * n + b : b * n + a;
      if (!pairs.has(key)) {
        pairs.set(key, w);
        degree[a] = (degree[a] as number) + 1;
        degree[b] = (degree[b] as number) + 1;
      }
    }
  }
  const ptr = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) ptr[a + 1] = (ptr[a] as number) + (degree[a] as number);
  const fill = ptr.slice(0, n);
  const to = new Int32Array(ptr[n] as number);
  const weight = new Float64Array(ptr[n] as number);
  const keys = [...pairs.keys()].sort((x, y) => x - y);
  for (const key of keys) {
    const a = Math.floor(key / n);
    const b = key % n;
    const w = pairs.get(key) as number;
    to[fill[a] as number] = b;
    weight[fill[a] as number] = w;
    fill[a] = (fill[a] as number) + 1;
    to[fill[b] as number] = a;
    weight[fill[b] as number] = w;
    fill[b] = (fill[b] as number) + 1;
  }
  return { n, ptr, to, weight };
}

/**
 * Louvain communities of the nodes `nodes` of `adj` (edges leaving the set
 * are ignored): a community index per node of `nodes`, 0-based, numbered in
 * order of each community's first node.
 */
export function communities(
  adj: Adjacency,
  nodes: readonly number[],
  resolution: number,
  seed = SEED,
): Int32Array {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const local = new Map<number, number>();
  nodes.forEach((node, i) => {
    local.set(node, i);
    graph.addNode(String(i));
  });
  nodes.forEach((node, i) => {
    for (let e = adj.ptr[node] as number; e < (adj.ptr[node + 1] as number); e++) {
      const j = local.get(adj.to[e] as number);
      if (j === undefined || j <= i) continue;
      // Keyed edges: graphology's key generator is a third of the build otherwise.
      graph.addUndirectedEdgeWithKey(`${i}:${j}`, String(i), String(j), {
        weight: adj.weight[e] as number,
      });
    }
  });
  const out = new Int32Array(nodes.length).fill(-1);
  if (graph.size === 0) {
    for (let i = 0; i < nodes.length; i++) out[i] = i;
    return out;
  }
  const found = louvain(graph, { resolution, rng: mulberry32(seed), getEdgeWeight: 'weight' });
  const renumber = new Map<number, number>();
  for (let i = 0; i < nodes.length; i++) {
    const c = found[String(i)] as number;
    let id = renumber.get(c);
    if (id === undefined) renumber.set(c, (id = renumber.size));
    out[i] = id;
  }
  return out;
}

export interface ClusterOptions {
  /** Fewest papers a group keeps (smaller ones join a neighbour group). */
  minSize: number;
  /** Most papers a group may hold before it is split. */
  maxSize: number;
  /** Louvain resolution for the groups (higher: more, smaller groups). */
  resolution?: number;
}

/**
 * Groups of papers: a group index per paper (-1: the paper has no neighbour
 * at all), groups numbered by their first paper.
 */
export function clusterPapers(adj: Adjacency, options: ClusterOptions): Int32Array {
  const { n } = adj;
  const all = Array.from({ length: n }, (_, i) => i);
  const first = communities(adj, all, options.resolution ?? 1);
  let groups: number[][] = [];
  for (let i = 0; i < n; i++) (groups[first[i] as number] ??= []).push(i);
  // Split the groups that are too large, with a rising resolution when a
  // split gives back the group whole.
  for (let round = 0; round < 6; round++) {
    let split = false;
    const next: number[][] = [];
    for (const group of groups) {
      if (group.length <= options.maxSize) {
        next.push(group);
        continue;
      }
      let parts: number[][] = [];
      for (let r = 1; r <= 8 && parts.length < 2; r *= 2) {
        const sub = communities(adj, group, r, SEED + round);
        parts = [];
        group.forEach((node, i) => (parts[sub[i] as number] ??= []).push(node));
      }
      if (parts.length >= 2) split = true;
      next.push(...parts);
    }
    groups = next;
    if (!split) break;
  }
  const label = new Int32Array(n).fill(-1);
  groups.forEach((group, g) => {
    for (const i of group) label[i] = g;
  });
  mergeSmall(adj, label, groups.length, options.minSize);
  return renumber(label);
}

/** Groups under `minSize` join, smallest first, the group they share the most edge weight with. */
function mergeSmall(adj: Adjacency, label: Int32Array, count: number, minSize: number): void {
  const size = new Int32Array(count);
  for (const g of label) if (g >= 0) size[g] = (size[g] as number) + 1;
  const members: number[][] = Array.from({ length: count }, () => []);
  label.forEach((g, i) => {
    if (g >= 0) (members[g] as number[]).push(i);
  });
  const order = [...members.keys()].sort(
    (a, b) => (size[a] as number) - (size[b] as number) || a - b,
  );
  for (const g of order) {
    if ((size[g] as number) === 0 || (size[g] as number) >= minSize) continue;
    const link = new Map<number, number>();
    for (const i of members[g] as number[]) {
      for (let e = adj.ptr[i] as number; e < (adj.ptr[i + 1] as number); e++) {
        const h = label[adj.to[e] as number] as number;
        if (h === g || h < 0) continue;
        link.set(h, (link.get(h) ?? 0) + (adj.weight[e] as number));
      }
    }
    let best = -1;
    let bestWeight = 0;
    for (const [h, w] of [...link.entries()].sort((a, b) => a[0] - b[0])) {
      if (w > bestWeight) {
        best = h;
        bestWeight = w;
      }
    }
    // A group linked to nothing is left alone; its papers go to "Other papers".
    if (best < 0) {
      for (const i of members[g] as number[]) label[i] = -1;
      size[g] = 0;
      continue;
    }
    for (const i of members[g] as number[]) label[i] = best;
    (members[best] as number[]).push(...(members[g] as number[]));
    size[best] = (size[best] as number) + (size[g] as number);
    size[g] = 0;
  }
}

/** Groups under `minSize` merged into their closest group, then labels renumbered 0.. (-1 stays). */
export function tidyGroups(adj: Adjacency, label: Int32Array, minSize: number): Int32Array {
  const count = Math.max(-1, ...label) + 1;
  const out = label.slice();
  mergeSmall(adj, out, count, minSize);
  return renumber(out);
}

/** Labels renumbered 0.. in order of first use; -1 stays. */
function renumber(label: Int32Array): Int32Array {
  const map = new Map<number, number>();
  return label.map((g) => {
    if (g < 0) return -1;
    let id = map.get(g);
    if (id === undefined) map.set(g, (id = map.size));
    return id;
  });
}

/** The graph of groups: nodes are groups, edge weights the summed paper edges between them. */
export function groupGraph(adj: Adjacency, label: Int32Array, count: number): Adjacency {
  const rows: Map<number, number>[] = Array.from({ length: count }, () => new Map());
  for (let i = 0; i < adj.n; i++) {
    const a = label[i] as number;
    if (a < 0) continue;
    for (let e = adj.ptr[i] as number; e < (adj.ptr[i + 1] as number); e++) {
      const b = label[adj.to[e] as number] as number;
      if (b < 0 || b === a) continue;
      const row = rows[a] as Map<number, number>;
      row.set(b, (row.get(b) ?? 0) + (adj.weight[e] as number));
    }
  }
  const ptr = new Int32Array(count + 1);
  rows.forEach((row, a) => (ptr[a + 1] = (ptr[a] as number) + row.size));
  const to = new Int32Array(ptr[count] as number);
  const weight = new Float64Array(ptr[count] as number);
  rows.forEach((row, a) => {
    let at = ptr[a] as number;
    for (const [b, w] of [...row.entries()].sort((x, y) => x[0] - y[0])) {
      to[at] = b;
      weight[at++] = w;
    }
  });
  return { n: count, ptr, to, weight };
}

/**
 * Areas over groups: Louvain on the graph of groups, the resolution moved
 * until the number of areas is within [lo, hi] (or as close as it gets).
 * An area index per group.
 */
export function areasOf(groups: Adjacency, lo = 10, hi = 25): Int32Array {
  const nodes = Array.from({ length: groups.n }, (_, i) => i);
  let best: Int32Array | undefined;
  let bestMiss = Infinity;
  let low = 0.05;
  let high = 20;
  let r = 1;
  for (let step = 0; step < 16; step++) {
    const found = communities(groups, nodes, r);
    const count = Math.max(0, ...found) + 1;
    const miss = count < lo ? lo - count : count > hi ? count - hi : 0;
    if (miss < bestMiss) {
      best = found;
      bestMiss = miss;
    }
    if (miss === 0) break;
    if (count < lo) low = r;
    else high = r;
    r = Math.sqrt(low * high);
  }
  return best ?? new Int32Array(groups.n);
}
