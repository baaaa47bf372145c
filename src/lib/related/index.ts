/**
 * Related papers and the paper map, computed at build time from titles and
 * abstracts.
 *
 * `computeRelated` finds each paper's most similar papers (cosine of
 * TF-IDF vectors, see `vectors.ts` and `neighbours.ts`) with the shared
 * terms that explain each match; `computeLayout` places every paper on a
 * 2-D map from the same neighbour graph (see `projection.ts`). Both are
 * deterministic: the same papers, in any order, give the same output.
 * Both take and return a JSON-serialisable cache (`cache.ts`) that makes a
 * rebuild of an unchanged collection nearly free and a rebuild after a few
 * edits recompute only what those edits can affect.
 *
 * Use at build time (about 30 s for 75k papers on 2 cores, see
 * bench/related-results.md):
 *
 *   const saved: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
 *   const cache = isRelatedCache(saved) ? saved : undefined;
 *   const { related, graph, cache: next } = computeRelated(docs, { cache });
 *   const map = computeLayout(graph, { cache: cache?.layout });
 *   writeFileSync(file, JSON.stringify({ ...next, layout: map.cache }));
 *
 * `related.get(slug)` lists up to 5 `{ id, score, terms }`, best first;
 * `map.positions.get(slug)` is `[x, y]`, both in [0, 1] (the map has no
 * intrinsic orientation).
 */
import {
  CACHE_VERSION,
  type LayoutCache,
  type RelatedCache,
  decodeBag,
  digestOf,
  encodeBag,
  isRelatedCache,
} from './cache.ts';
import {
  DEFAULT_SEARCH,
  Searcher,
  type KnnGraph,
  knnGraph,
  type SearchOptions,
  Explainer,
} from './neighbours.ts';
import { mulberry32 } from './prng.ts';
import {
  type LayoutOptions,
  defaultLayoutOptions,
  fuzzyGraph,
  normaliseLayout,
  optimiseLayout,
  principalComponents,
} from './projection.ts';
import { type DocWords, Vocabulary } from './tokens.ts';
import { DEFAULT_WEIGHTING, type WeightingOptions, buildVectors } from './vectors.ts';

export type { LayoutCache, RelatedCache } from './cache.ts';
export { isRelatedCache } from './cache.ts';

export interface RelatedDoc {
  /** Unique id (the paper's slug). */
  id: string;
  title: string;
  abstract: string;
  /** Content digest: changes if and only if title or abstract change. */
  digest: string;
}

export interface Neighbour {
  id: string;
  /** Cosine similarity in [0, 1], rounded to 4 decimals. */
  score: number;
  /** Up to 4 shared terms that contribute most to the score, as words of the paper itself. */
  terms: string[];
}

/** Neighbour graph of the collection, rows in id order; input of `computeLayout`. */
export interface NeighbourGraph extends KnnGraph {
  ids: string[];
  /** Content digest of each row, so a map can tell edited papers from unchanged ones. */
  digests: string[];
  /** Start positions for the map (2 per row). */
  init: Float64Array;
}

export interface RelatedOptions {
  /** Related papers per paper (default 5). */
  k?: number;
  /** Neighbours per paper in the graph used by the map (default 10, at least `k`). */
  graphK?: number;
  /** Cache returned by an earlier call (possibly read back from JSON). */
  cache?: RelatedCache | undefined;
  weighting?: Partial<WeightingOptions>;
  search?: Partial<Omit<SearchOptions, 'k'>>;
  /** Most shared terms given per neighbour (default 4). */
  maxTerms?: number;
  /** Shared terms after the first must make up at least this share of the cosine (default 0.1). */
  minTermShare?: number;
}

export interface RelatedStats {
  ms: number;
  /** Papers whose neighbour lists were taken from the cache. */
  reused: number;
  /** Papers whose neighbour lists were computed. */
  recomputed: number;
  /** Papers whose words were taken from the cache rather than re-read from the text. */
  bagsReused: number;
  mode: 'cached' | 'incremental' | 'full';
  /** Wall-clock milliseconds per step, for benchmarks. */
  stages: Record<string, number>;
  /** CPU milliseconds (user + system) per step. */
  stagesCpu: Record<string, number>;
}

export interface RelatedResult {
  /** Every paper's related papers, best first (ties by id); empty when it shares no terms. */
  related: Map<string, Neighbour[]>;
  graph: NeighbourGraph;
  cache: RelatedCache;
  stats: RelatedStats;
}

const INIT_SEED = 42;

/** A changed collection is updated in place when at most this share of it changed. */
const INCREMENTAL_SHARE = 0.02;

function byId(a: RelatedDoc, b: RelatedDoc): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const round4 = (x: number): number => Math.round(Math.min(1, Math.max(0, x)) * 1e4) / 1e4;

/** The vocabulary grows across incremental builds; a full build compacts it when mostly unused. */
function vocabularyFor(given: RelatedCache | undefined): Vocabulary {
  return new Vocabulary(given?.vocab ?? []);
}

/** The `k` most related papers of every paper. */
export function computeRelated(
  docs: readonly RelatedDoc[],
  opts: RelatedOptions = {},
): RelatedResult {
  const t0 = performance.now();
  const stages: Record<string, number> = {};
  const stagesCpu: Record<string, number> = {};
  let lapStart = t0;
  let cpuStart = process.cpuUsage();
  const lap = (name: string): void => {
    const now = performance.now();
    const cpu = process.cpuUsage(cpuStart);
    stages[name] = (stages[name] ?? 0) + (now - lapStart);
    stagesCpu[name] = (stagesCpu[name] ?? 0) + (cpu.user + cpu.system) / 1000;
    lapStart = now;
    cpuStart = process.cpuUsage();
  };
  const k = Math.max(0, Math.floor(opts.k ?? 5));
  const graphK = Math.max(k, Math.floor(opts.graphK ?? 10), 1);
  const maxTerms = Math.max(0, Math.floor(opts.maxTerms ?? 4));
  const minTermShare = opts.minTermShare ?? 0.1;
  const weighting: WeightingOptions = { ...DEFAULT_WEIGHTING, ...opts.weighting };
  const search: SearchOptions = { ...DEFAULT_SEARCH, ...opts.search, k: graphK };
  const params = JSON.stringify({ weighting, search, k, graphK, maxTerms, minTermShare });

  const sorted = [...docs].sort(byId);
  for (let i = 1; i < sorted.length; i++) {
    if ((sorted[i] as RelatedDoc).id === (sorted[i - 1] as RelatedDoc).id) {
      throw new Error(
        `computeRelated: duplicate paper id ${JSON.stringify((sorted[i] as RelatedDoc).id)}`,
      );
    }
  }
  const n = sorted.length;
  const ids = sorted.map((d) => String(d.id));
  const digests = sorted.map((d) => String(d.digest));
  const given = opts.cache !== undefined && isRelatedCache(opts.cache) ? opts.cache : undefined;
  const prev = given?.params === params ? given : undefined;

  // Unchanged collection: everything comes from the cache.
  if (prev && sameStrings(prev.ids, ids) && sameStrings(prev.digests, digests)) {
    const graph = graphFromCache(prev);
    const related = relatedFromArrays(prev, graph);
    lap('output');
    return {
      related,
      graph,
      cache: prev,
      stats: {
        ms: performance.now() - t0,
        reused: n,
        recomputed: 0,
        bagsReused: n,
        mode: 'cached',
        stages,
        stagesCpu,
      },
    };
  }

  // Words of every paper: from the cache by digest, else from the text.
  const vocab = vocabularyFor(given);
  const bags: DocWords[] = new Array<DocWords>(n);
  const encoded: string[] = new Array<string>(n);
  let bagsReused = 0;
  for (let i = 0; i < n; i++) {
    const doc = sorted[i] as RelatedDoc;
    const digest = digests[i] as string;
    const cached = given && Object.hasOwn(given.bags, digest) ? given.bags[digest] : undefined;
    const decoded = typeof cached === 'string' ? decodeBag(cached, vocab.size) : undefined;
    if (decoded !== undefined && typeof cached === 'string') {
      bags[i] = decoded;
      encoded[i] = cached;
      bagsReused++;
    } else {
      const bag = vocab.docWords(doc.title, doc.abstract);
      bags[i] = bag;
      encoded[i] = encodeBag(bag);
    }
  }
  lap('words');
  const plan = prev ? planIncremental(prev, ids, digests) : undefined;
  const incremental =
    plan !== undefined && plan.changed.length + plan.removed <= Math.max(16, n * INCREMENTAL_SHARE);
  if (!incremental) compactVocabulary(vocab, bags, encoded);

  const v = buildVectors(bags, vocab, weighting);
  lap('vectors');
  const searcher = new Searcher(v, search);
  lap('index');
  const count = new Int32Array(n);
  const index = new Int32Array(n * graphK).fill(-1);
  const score = new Float32Array(n * graphK);
  const terms = new Int32Array(n * k * maxTerms).fill(-1);
  const init = new Float64Array(2 * n);
  const recompute = new Uint8Array(n);
  let mode: RelatedStats['mode'] = 'full';

  if (prev && plan && incremental) {
    mode = 'incremental';
    const { changed, oldRowOf } = plan;
    const newRow = new Map(ids.map((id, i) => [id, i]));
    for (const r of changed) recompute[r] = 1;
    // Keep every list that mentions no removed or changed paper.
    for (let r = 0; r < n; r++) {
      const o = oldRowOf[r] as number;
      if (o >= 0) {
        init[2 * r] = prev.init[2 * o] as number;
        init[2 * r + 1] = prev.init[2 * o + 1] as number;
      }
      if (recompute[r] || o < 0) continue;
      let c = 0;
      for (let j = 0; j < prev.graphK && j < graphK; j++) {
        const oi = prev.knn[o * prev.graphK + j] as number;
        if (oi < 0) break;
        const nr = plan.stale[oi] ? undefined : newRow.get(prev.ids[oi] as string);
        if (nr === undefined) {
          recompute[r] = 1;
          break;
        }
        index[r * graphK + c] = nr;
        score[r * graphK + c] = prev.scores[o * prev.graphK + j] as number;
        if (c < k) {
          for (let m = 0; m < maxTerms; m++) {
            terms[(r * k + c) * maxTerms + m] = prev.terms[(o * k + j) * maxTerms + m] as number;
          }
        }
        c++;
      }
      count[r] = c;
    }
    // A changed paper may now belong in lists it shares indexed terms with.
    for (const c of changed) {
      searcher.reverse(c, (d, s) => {
        if (recompute[d] || s <= 0) return;
        const full = (count[d] as number) >= graphK;
        if (!full || s >= (score[d * graphK + graphK - 1] as number)) recompute[d] = 1;
      });
    }
    for (let r = 0; r < n; r++) {
      if (!recompute[r]) continue;
      index.fill(-1, r * graphK, (r + 1) * graphK);
      score.fill(0, r * graphK, (r + 1) * graphK);
      terms.fill(-1, r * k * maxTerms, (r + 1) * k * maxTerms);
      count[r] = searcher.query(r, index, score, r * graphK);
    }
    lap('neighbours');
    // New and changed papers start the map at the mean of their kept neighbours.
    for (const r of changed) {
      let x = 0;
      let y = 0;
      let m = 0;
      for (let j = 0; j < (count[r] as number); j++) {
        const nb = index[r * graphK + j] as number;
        if ((oldRowOf[nb] as number) < 0) continue;
        x += init[2 * nb] as number;
        y += init[2 * nb + 1] as number;
        m++;
      }
      init[2 * r] = m > 0 ? x / m : 0;
      init[2 * r + 1] = m > 0 ? y / m : 0;
    }
  } else {
    recompute.fill(1);
    const g = knnGraph(v, search, searcher);
    count.set(g.count);
    index.set(g.index);
    score.set(g.score);
    lap('neighbours');
    init.set(principalComponents(v, INIT_SEED));
    lap('init');
  }

  let recomputed = 0;
  const explainer = new Explainer(v, maxTerms, minTermShare);
  for (let r = 0; r < n; r++) {
    if (!recompute[r]) continue;
    recomputed++;
    const c = Math.min(k, count[r] as number);
    const shared = explainer.explain(r, index.subarray(r * graphK, r * graphK + c));
    for (let j = 0; j < c; j++) {
      const positions = shared[j] as number[];
      for (let m = 0; m < positions.length; m++) {
        terms[(r * k + j) * maxTerms + m] = v.surface[positions[m] as number] as number;
      }
    }
  }
  lap('explain');

  // No prototype: a digest such as `__proto__` is just a key.
  const bagsOut = Object.create(null) as Record<string, string>;
  for (let i = 0; i < n; i++) bagsOut[digests[i] as string] = encoded[i] as string;
  const cache: RelatedCache = {
    version: CACHE_VERSION,
    params,
    vocab: vocab.words,
    bags: bagsOut,
    ids,
    digests,
    graphK,
    k,
    knn: Array.from(index),
    scores: Array.from(score, round4),
    terms: Array.from(terms),
    maxTerms,
    // `+ 0` turns -0 into 0, which JSON cannot tell apart but the map signature can.
    init: Array.from(init, (x) => Math.round(x * 1e4) / 1e4 + 0),
  };
  // The graph handed on is the one the cache holds (rounded scores), so a
  // later cached rebuild gives the map exactly the same input.
  const graph = graphFromCache(cache);
  const related = relatedFromArrays(cache, graph);
  lap('output');
  return {
    related,
    graph,
    cache,
    stats: {
      ms: performance.now() - t0,
      reused: n - recomputed,
      recomputed,
      bagsReused,
      mode,
      stages,
      stagesCpu,
    },
  };
}

/**
 * After many incremental builds the vocabulary holds words no paper uses
 * any more; a full build renumbers it (and re-encodes the bags) when less
 * than half of it is used.
 */
function compactVocabulary(vocab: Vocabulary, bags: DocWords[], encoded: string[]): void {
  const used = new Int32Array(vocab.size).fill(-1);
  const words: string[] = [];
  for (const bag of bags) {
    for (let i = 0; i < bag.length; i += 3) {
      const id = bag[i] as number;
      if ((used[id] as number) < 0) {
        used[id] = words.length;
        words.push(vocab.words[id] as string);
      }
    }
  }
  if (words.length * 2 >= vocab.size) return;
  vocab.replaceWords(words);
  for (let b = 0; b < bags.length; b++) {
    const bag = bags[b] as DocWords;
    for (let i = 0; i < bag.length; i += 3) bag[i] = used[bag[i] as number] as number;
    encoded[b] = encodeBag(bag);
  }
}

interface Plan {
  /** New rows that are new or whose text changed. */
  changed: number[];
  /** Number of old papers that are gone. */
  removed: number;
  /** Old row of each new row, -1 for new or changed papers. */
  oldRowOf: Int32Array;
  /** Old rows that are gone or changed (1). */
  stale: Uint8Array;
}

function planIncremental(prev: RelatedCache, ids: string[], digests: string[]): Plan {
  const oldRow = new Map(prev.ids.map((id, i) => [id, i]));
  const stale = new Uint8Array(prev.ids.length).fill(1);
  const oldRowOf = new Int32Array(ids.length).fill(-1);
  const changed: number[] = [];
  for (let r = 0; r < ids.length; r++) {
    const o = oldRow.get(ids[r] as string);
    if (o !== undefined && prev.digests[o] === digests[r]) {
      oldRowOf[r] = o;
      stale[o] = 0;
    } else changed.push(r);
  }
  const present = new Set(ids);
  let removed = 0;
  for (let o = 0; o < prev.ids.length; o++)
    if (stale[o] && !present.has(prev.ids[o] as string)) removed++;
  return { changed, removed, oldRowOf, stale };
}

function graphFromCache(c: RelatedCache): NeighbourGraph {
  const n = c.ids.length;
  const count = new Int32Array(n);
  const index = Int32Array.from(c.knn);
  const score = Float32Array.from(c.scores);
  for (let r = 0; r < n; r++) {
    let m = 0;
    while (m < c.graphK && (index[r * c.graphK + m] as number) >= 0) m++;
    count[r] = m;
  }
  return {
    n,
    k: c.graphK,
    count,
    index,
    score,
    ids: c.ids,
    digests: c.digests,
    init: Float64Array.from(c.init),
  };
}

function relatedFromArrays(c: RelatedCache, graph: NeighbourGraph): Map<string, Neighbour[]> {
  const { ids, k, maxTerms, vocab, terms } = c;
  const out = new Map<string, Neighbour[]>();
  for (let r = 0; r < ids.length; r++) {
    const list: Neighbour[] = [];
    for (let j = 0; j < Math.min(k, graph.count[r] as number); j++) {
      const words: string[] = [];
      for (let m = 0; m < maxTerms; m++) {
        const w = terms[(r * k + j) * maxTerms + m] as number;
        if (w >= 0) words.push(vocab[w] as string);
      }
      list.push({
        id: ids[graph.index[r * graph.k + j] as number] as string,
        score: round4(graph.score[r * graph.k + j] as number),
        terms: words,
      });
    }
    out.set(ids[r] as string, list);
  }
  return out;
}

export interface LayoutResult {
  /** Every paper's position, both coordinates in [0, 1]. */
  positions: Map<string, [x: number, y: number]>;
  cache: LayoutCache;
  stats: { ms: number; mode: 'cached' | 'incremental' | 'full'; placed: number };
}

export interface ComputeLayoutOptions extends Partial<LayoutOptions> {
  /** The `layout` part of a previous `RelatedCache`, or any earlier `LayoutResult.cache`. */
  cache?: LayoutCache | undefined;
}

/** A layout is updated in place when at most this share of its papers are new. */
const INCREMENTAL_LAYOUT_SHARE = 0.05;

/**
 * 2-D positions of the papers of `graph` (from `computeRelated`), seeded so
 * the same graph always gives the same map. With a cache of an earlier map
 * of mostly the same papers, known papers keep their places and new ones are
 * put among their neighbours instead of recomputing the whole map.
 */
export function computeLayout(
  graph: NeighbourGraph,
  opts: ComputeLayoutOptions = {},
): LayoutResult {
  const t0 = performance.now();
  const { cache: given, ...rest } = opts;
  const options: LayoutOptions = { ...defaultLayoutOptions(graph.n), ...rest };
  const signature = digestOf([
    JSON.stringify(options),
    String(graph.k),
    graph.ids.join('\n'),
    graph.digests.join('\n'),
    Buffer.from(graph.index.buffer, graph.index.byteOffset, graph.index.byteLength).toString(
      'base64',
    ),
    Buffer.from(graph.init.buffer, graph.init.byteOffset, graph.init.byteLength).toString('base64'),
  ]);
  const valid =
    given !== undefined &&
    typeof given.signature === 'string' &&
    Array.isArray(given.ids) &&
    Array.isArray(given.digests) &&
    given.digests.length === given.ids.length &&
    Array.isArray(given.xy) &&
    given.xy.length === given.ids.length * 2;

  const n = graph.n;
  let xy: Float64Array;
  let mode: LayoutResult['stats']['mode'];
  let placed = n;
  const cached = valid && given.signature === signature && sameStrings(given.ids, graph.ids);
  // Papers (same id and text) the cached map already places.
  const kept =
    valid && !cached && given.ids.length > 0
      ? overlap(rowKeys(given.ids, given.digests), rowKeys(graph.ids, graph.digests))
      : 0;
  if (valid && cached) {
    xy = Float64Array.from(given.xy);
    mode = 'cached';
    placed = 0;
  } else if (valid && kept > 0 && kept >= n * (1 - INCREMENTAL_LAYOUT_SHARE)) {
    xy = placeAmongNeighbours(graph, given, options.seed);
    mode = 'incremental';
    placed = n - kept;
  } else {
    const embedding = Float64Array.from(graph.init);
    optimiseLayout(embedding, fuzzyGraph(graph), options);
    xy = normaliseLayout(embedding);
    mode = 'full';
  }
  const positions = new Map<string, [number, number]>();
  for (let r = 0; r < n; r++)
    positions.set(graph.ids[r] as string, [xy[2 * r] as number, xy[2 * r + 1] as number]);
  return {
    positions,
    cache: { signature, ids: graph.ids, digests: graph.digests, xy: Array.from(xy) },
    stats: { ms: performance.now() - t0, mode, placed },
  };
}

/** `id` and content digest of each row, as one key. */
function rowKeys(ids: readonly string[], digests: readonly string[]): string[] {
  return ids.map((id, i) => `${id}\u0000${digests[i] ?? ''}`);
}

/** Rows of `b` (id and digest) also in `a`. */
function overlap(a: readonly string[], b: readonly string[]): number {
  const set = new Set(a);
  let m = 0;
  for (const key of b) if (set.has(key)) m++;
  return m;
}

/**
 * Known papers keep their cached positions; each new paper goes to the
 * similarity-weighted mean of its already placed neighbours, plus a tiny
 * seeded jitter so that papers with the same neighbours do not coincide.
 */
function placeAmongNeighbours(
  graph: NeighbourGraph,
  cache: LayoutCache,
  seed: number,
): Float64Array {
  const n = graph.n;
  const old = new Map(rowKeys(cache.ids, cache.digests).map((key, i) => [key, i]));
  const keys = rowKeys(graph.ids, graph.digests);
  const xy = new Float64Array(2 * n);
  const known = new Uint8Array(n);
  const pending: number[] = [];
  for (let r = 0; r < n; r++) {
    const o = old.get(keys[r] as string);
    if (o === undefined) {
      pending.push(r);
      continue;
    }
    xy[2 * r] = cache.xy[2 * o] as number;
    xy[2 * r + 1] = cache.xy[2 * o + 1] as number;
    known[r] = 1;
  }
  const random = mulberry32(seed ^ 0x5bd1e995);
  // New papers whose neighbours are all new wait for a later round.
  for (let round = 0; round < 4 && pending.length > 0; round++) {
    const next: number[] = [];
    for (const r of pending) {
      let x = 0;
      let y = 0;
      let w = 0;
      for (let j = 0; j < (graph.count[r] as number); j++) {
        const nb = graph.index[r * graph.k + j] as number;
        if (!known[nb]) continue;
        const s = graph.score[r * graph.k + j] as number;
        x += s * (xy[2 * nb] as number);
        y += s * (xy[2 * nb + 1] as number);
        w += s;
      }
      if (w > 0 || round === 3) {
        const jx = (random() - 0.5) * 0.004;
        const jy = (random() - 0.5) * 0.004;
        xy[2 * r] = clamp01(w > 0 ? x / w + jx : 0.5 + jx);
        xy[2 * r + 1] = clamp01(w > 0 ? y / w + jy : 0.5 + jy);
        known[r] = 1;
      } else next.push(r);
    }
    pending.length = 0;
    pending.push(...next);
  }
  return xy;
}

const clamp01 = (x: number): number => Math.round(Math.min(1, Math.max(0, x)) * 1e5) / 1e5;
