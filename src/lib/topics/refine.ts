/**
 * Groups made coherent in the vectors themselves, after Louvain has grouped
 * papers by the neighbour graph:
 *
 * - `refineGroups` moves each paper to the group, among its own and its
 *   neighbours', whose papers it is most similar to on average (a spherical
 *   k-means step restricted to the graph's neighbourhood);
 * - `dissolveWeak` dissolves groups whose papers are barely more alike than
 *   random pairs of the list, their papers moving to the neighbouring group
 *   they are most similar to. A loose group is a symptom, not a topic.
 *
 * A group's vector sum is scattered into one dense array at a time and every
 * paper that may join the group is scored against it: no per-group maps, so
 * a round over 75k papers is a few passes over the non-zeros.
 */
import type { Vectors } from '../related/vectors.ts';
import { communities, type Adjacency } from './graph.ts';

const SPLIT_SEED = 0x5b1d;

/** Papers of each group in compressed-row form (groups 0..count-1; -1 left out). */
interface Members {
  ptr: Int32Array;
  rows: Int32Array;
}

function membersOf(label: Int32Array, count: number): Members {
  const ptr = new Int32Array(count + 1);
  for (const g of label) if (g >= 0) ptr[g + 1] = (ptr[g + 1] as number) + 1;
  for (let g = 0; g < count; g++) ptr[g + 1] = (ptr[g + 1] as number) + (ptr[g] as number);
  const fill = ptr.slice(0, count);
  const rows = new Int32Array(ptr[count] as number);
  label.forEach((g, p) => {
    if (g < 0) return;
    rows[fill[g] as number] = p;
    fill[g] = (fill[g] as number) + 1;
  });
  return { ptr, rows };
}

/** Dense scratch for one group's vector sum at a time. */
class GroupSum {
  private readonly v: Vectors;
  private readonly sum: Float64Array;
  private rows: Int32Array = new Int32Array(0);

  constructor(v: Vectors) {
    this.v = v;
    this.sum = new Float64Array(v.stems.length);
  }

  /** Loads the sum of `rows`' vectors; returns Σ|v|² over them. */
  load(rows: Int32Array): number {
    const { v, sum } = this;
    this.rows = rows;
    let self = 0;
    for (const p of rows) {
      for (let j = v.ptr[p] as number; j < (v.ptr[p + 1] as number); j++) {
        const w = v.weight[j] as number;
        sum[v.term[j] as number] = (sum[v.term[j] as number] as number) + w;
        self += w * w;
      }
    }
    return self;
  }

  /** Dot product of row `p` with the loaded sum. */
  dot(p: number): number {
    const { v, sum } = this;
    let d = 0;
    for (let j = v.ptr[p] as number; j < (v.ptr[p + 1] as number); j++)
      d += (v.weight[j] as number) * (sum[v.term[j] as number] as number);
    return d;
  }

  /** |sum|² of the loaded rows; clears the scratch. */
  clear(): number {
    const { v, sum } = this;
    let total = 0;
    for (const p of this.rows) {
      for (let j = v.ptr[p] as number; j < (v.ptr[p + 1] as number); j++) {
        const t = v.term[j] as number;
        const x = sum[t] as number;
        if (x !== 0) {
          total += x * x;
          sum[t] = 0;
        }
      }
    }
    return total;
  }
}

/** Groups of the neighbours of `p` (and `p`'s own when `withOwn`), ascending, without -1. */
function optionsOf(adj: Adjacency, label: Int32Array, p: number, withOwn: boolean): number[] {
  const own = label[p] as number;
  const out: number[] = withOwn && own >= 0 ? [own] : [];
  for (let e = adj.ptr[p] as number; e < (adj.ptr[p + 1] as number); e++) {
    const h = label[adj.to[e] as number] as number;
    if (h >= 0 && (withOwn || h !== own) && !out.includes(h)) out.push(h);
  }
  return out.sort((a, b) => a - b);
}

/**
 * For each (paper, group) asked, the paper's mean cosine to the group's
 * other papers. `asks[g]` lists the papers to score against group `g`;
 * `visit(p, g, score)` is called group by group, groups ascending.
 */
function scoreAgainst(
  v: Vectors,
  label: Int32Array,
  members: Members,
  asks: readonly (number[] | undefined)[],
  visit: (p: number, g: number, score: number) => void,
): void {
  const scratch = new GroupSum(v);
  asks.forEach((papers, g) => {
    if (!papers?.length) return;
    const size = (members.ptr[g + 1] as number) - (members.ptr[g] as number);
    scratch.load(members.rows.subarray(members.ptr[g], members.ptr[g + 1]));
    for (const p of papers) {
      const own = label[p] === g;
      let dot = scratch.dot(p);
      if (own) {
        for (let j = v.ptr[p] as number; j < (v.ptr[p + 1] as number); j++)
          dot -= (v.weight[j] as number) ** 2;
      }
      visit(p, g, dot / Math.max(1, size - (own ? 1 : 0)));
    }
    scratch.clear();
  });
}

/**
 * Moves each paper to the group, among its own and its neighbours', whose
 * papers it is most similar to on average, for up to `rounds` rounds. Louvain
 * optimises the graph's modularity; this makes groups coherent in the
 * vectors. Groups of two or fewer papers keep them (groups never empty).
 */
export function refineGroups(v: Vectors, adj: Adjacency, label: Int32Array, rounds = 3): void {
  const count = Math.max(-1, ...label) + 1;
  const best = new Int32Array(v.n);
  const bestScore = new Float64Array(v.n);
  for (let round = 0; round < rounds; round++) {
    const members = membersOf(label, count);
    const asks: number[][] = Array.from({ length: count }, () => []);
    for (let p = 0; p < v.n; p++) {
      const own = label[p] as number;
      best[p] = own;
      bestScore[p] = -Infinity;
      if (own < 0 || (members.ptr[own + 1] as number) - (members.ptr[own] as number) <= 2) continue;
      const options = optionsOf(adj, label, p, true);
      if (options.length > 1) for (const g of options) (asks[g] as number[]).push(p);
    }
    // Groups are visited in ascending order: on a tie the lower group wins.
    scoreAgainst(v, label, members, asks, (p, g, score) => {
      if (score > (bestScore[p] as number) + 1e-12) {
        best[p] = g;
        bestScore[p] = score;
      }
    });
    let moved = 0;
    for (let p = 0; p < v.n; p++) if (best[p] !== label[p]) moved++;
    label.set(best);
    // A round that moves one paper in a thousand changes no topic a reader would see.
    if (moved <= v.n / 1000) break;
  }
}

/** Per group: mean pair cosine over `baseline`, and sizes; with the papers in weak groups. */
function groupCoherence(v: Vectors, label: Int32Array, count: number, baseline: number) {
  const members = membersOf(label, count);
  const scratch = new GroupSum(v);
  const coherence = new Float64Array(count);
  const size = new Int32Array(count);
  for (let g = 0; g < count; g++) {
    const m = (members.ptr[g + 1] as number) - (members.ptr[g] as number);
    size[g] = m;
    if (m === 0) continue;
    const self = scratch.load(members.rows.subarray(members.ptr[g], members.ptr[g + 1]));
    const total = scratch.clear();
    coherence[g] = m < 2 ? 0 : (total - self) / (m * (m - 1)) / baseline;
  }
  return { members, coherence, size };
}

/** Mean cosine of random pairs of non-empty rows: (|Σv|² − Σ|v|²) / (m(m−1)). */
function listBaseline(v: Vectors): number {
  const rows: number[] = [];
  for (let p = 0; p < v.n; p++) if ((v.ptr[p + 1] as number) > (v.ptr[p] as number)) rows.push(p);
  if (rows.length < 2) return 0;
  const scratch = new GroupSum(v);
  const self = scratch.load(Int32Array.from(rows));
  const total = scratch.clear();
  return (total - self) / (rows.length * (rows.length - 1));
}

type GroupState = ReturnType<typeof groupCoherence>;

/**
 * Group `g` dissolved: each of its papers, best fitting first, joins the
 * neighbouring group it is most similar to on average that stays coherent
 * (at least `threshold`) with it. What is left stays group `g`, or (fewer
 * than `minSize` papers) goes to no group (-1, "Other papers"). Returns the
 * new labels; `label` is not changed.
 */
function dissolveOne(
  v: Vectors,
  adj: Adjacency,
  label: Int32Array,
  now: GroupState,
  baseline: number,
  g: number,
  threshold: number,
  minSize: number,
): Int32Array {
  const count = now.size.length;
  const own = now.members.rows.subarray(now.members.ptr[g], now.members.ptr[g + 1]);
  const asks: number[][] = Array.from({ length: count }, () => []);
  for (const p of own) {
    for (const h of optionsOf(adj, label, p, false))
      if ((now.coherence[h] as number) >= threshold) asks[h]?.push(p);
  }
  const fits = new Map<number, { g: number; score: number }[]>();
  scoreAgainst(v, label, now.members, asks, (p, h, score) => {
    let list = fits.get(p);
    if (list === undefined) fits.set(p, (list = []));
    list.push({ g: h, score });
  });
  // Pair-cosine sums of the receiving groups, updated as papers join.
  const pairSum = new Map<number, number>();
  const size = new Map<number, number>();
  const next = label.slice();
  const order = [...fits.entries()]
    .map(([p, list]) => ({ p, list: list.sort((x, y) => y.score - x.score || x.g - y.g) }))
    .sort((x, y) => (y.list[0]?.score ?? 0) - (x.list[0]?.score ?? 0) || x.p - y.p);
  let left = own.length;
  for (const { p, list } of order) {
    for (const { g: h, score } of list) {
      const m = size.get(h) ?? (now.size[h] as number);
      const sum = pairSum.get(h) ?? (now.coherence[h] as number) * baseline * m * (m - 1);
      // Joining adds the paper's similarity to each member, twice (both orders).
      if ((sum + 2 * score * m) / ((m + 1) * m) / baseline < threshold) continue;
      pairSum.set(h, sum + 2 * score * m);
      size.set(h, m + 1);
      next[p] = h;
      left--;
      break;
    }
  }
  if (left > 0 && left < minSize) for (const p of own) if (next[p] === g) next[p] = -1;
  return next;
}

/**
 * Groups whose papers are barely more alike than random pairs of the list
 * (mean pair cosine under `threshold` times the list's) are dissolved
 * (`dissolveOne`), the weakest first. A dissolution stands only if fewer
 * papers end up in weak groups or in none.
 */
export function dissolveWeak(
  v: Vectors,
  adj: Adjacency,
  label: Int32Array,
  threshold: number,
  minSize: number,
  maxRounds = 60,
): void {
  const baseline = listBaseline(v);
  if (!(baseline > 0)) return;
  const count = Math.max(-1, ...label) + 1;
  const weakPapers = (s: GroupState, lab: Int32Array) => {
    let weak = 0;
    for (let g = 0; g < count; g++)
      if ((s.size[g] as number) > 0 && (s.coherence[g] as number) < threshold)
        weak += s.size[g] as number;
    for (const g of lab) if (g < 0) weak++;
    return weak;
  };
  let now = groupCoherence(v, label, count, baseline);
  let weak = weakPapers(now, label);
  const tried = new Uint8Array(count);
  for (let round = 0; round < maxRounds; round++) {
    let weakest = -1;
    for (let g = 0; g < count; g++) {
      if (tried[g] || (now.size[g] as number) === 0) continue;
      if ((now.coherence[g] as number) >= threshold) continue;
      if (weakest < 0 || (now.coherence[g] as number) < (now.coherence[weakest] as number))
        weakest = g;
    }
    if (weakest < 0) return;
    tried[weakest] = 1;
    const next = dissolveOne(v, adj, label, now, baseline, weakest, threshold, minSize);
    const after = groupCoherence(v, next, count, baseline);
    const afterWeak = weakPapers(after, next);
    if (afterWeak < weak) {
      label.set(next);
      now = after;
      weak = afterWeak;
    }
  }
}

/**
 * Groups less coherent than `threshold` are split by Louvain on their own
 * subgraph (the resolution raised until they split), for up to `rounds`
 * rounds: a list's groups are as fine as their papers' similarity needs,
 * not as one resolution happens to cut them. Parts under `minSize` are left
 * to the caller to merge.
 */
export function splitWeak(
  v: Vectors,
  adj: Adjacency,
  label: Int32Array,
  threshold: number,
  minSize: number,
  rounds = 4,
): void {
  const baseline = listBaseline(v);
  if (!(baseline > 0)) return;
  for (let round = 0; round < rounds; round++) {
    const count = Math.max(-1, ...label) + 1;
    const now = groupCoherence(v, label, count, baseline);
    let next = count;
    for (let g = 0; g < count; g++) {
      const size = now.size[g] as number;
      if (size < 2 * minSize || (now.coherence[g] as number) >= threshold) continue;
      const rows = [...now.members.rows.subarray(now.members.ptr[g], now.members.ptr[g + 1])];
      let parts = 1;
      let sub: Int32Array = new Int32Array(0);
      for (let r = 1; r <= 8 && parts < 2; r *= 2) {
        sub = communities(adj, rows, r, SPLIT_SEED + round);
        parts = Math.max(0, ...sub) + 1;
      }
      if (parts < 2) continue;
      // Part 0 keeps the group's number; the others get new ones.
      rows.forEach((p, i) => {
        const part = sub[i] as number;
        if (part > 0) label[p] = next + part - 1;
      });
      next += parts - 1;
    }
    if (next === count) return;
  }
}

/**
 * How well each paper of `pairs` fits a group: its mean cosine to the
 * group's papers over the mean cosine of random pairs of the list (the
 * scale of a group's coherence).
 */
export function fitOf(
  v: Vectors,
  label: Int32Array,
  pairs: readonly (readonly [paper: number, group: number])[],
): Float64Array {
  const out = new Float64Array(pairs.length);
  const baseline = listBaseline(v);
  if (!(baseline > 0)) return out;
  const count = Math.max(-1, ...label) + 1;
  const asks: number[][] = Array.from({ length: count }, () => []);
  for (const [p, g] of pairs) asks[g]?.push(p);
  const score = new Map<number, number>();
  scoreAgainst(v, label, membersOf(label, count), asks, (p, g, s) =>
    score.set(p * count + g, s / baseline),
  );
  pairs.forEach(([p, g], i) => (out[i] = score.get(p * count + g) ?? 0));
  return out;
}
