/**
 * A deterministic 2-D map of the papers from their nearest-neighbour graph.
 *
 * The method is UMAP's (McInnes, Healy and Melville, 2018) written over
 * typed arrays: the k-nearest-neighbour graph becomes a fuzzy graph (each
 * paper's neighbour similarities rescaled by its own local density, then
 * symmetrised), and points are moved by stochastic gradient descent that
 * pulls graph neighbours together and pushes random other points apart.
 * Points start at the first two principal components of the term vectors,
 * so that the big picture (which fields sit next to which) comes from the
 * data rather than from chance. Every random choice comes from a seeded
 * generator and every loop runs in a fixed order: the same graph and seed
 * always give the same map.
 *
 * Cost is linear in the number of edges (n x k) times the number of epochs.
 */
import { mulberry32 } from './prng.ts';
import type { KnnGraph } from './neighbours.ts';
import type { Vectors } from './vectors.ts';

export interface LayoutOptions {
  seed: number;
  /** Passes over the edges; UMAP uses 200 for large data and 500 for small. */
  epochs: number;
  /** Random points pushed away per attracting edge sample. */
  negativeSamples: number;
  /** UMAP curve `1 / (1 + a d^(2b))`; UMAP's min_dist 0.1, spread 1 is `a = 1.577, b = 0.895`. */
  a: number;
  b: number;
  learningRate: number;
}

/**
 * Defaults: UMAP's, except `b = 1` (the curve `1 / (1 + a d^2)`, with `a`
 * fitted to min_dist 0.1 like UMAP's `a, b`) which avoids a `Math.pow` per
 * sample and is several times faster, and fewer epochs and negative samples
 * for large maps, which keep the build linear with a small constant; the
 * pictures are not visibly worse at 20k papers.
 */
export function defaultLayoutOptions(n: number): LayoutOptions {
  return {
    seed: 42,
    epochs: n <= 5_000 ? 300 : n <= 20_000 ? 200 : 100,
    negativeSamples: n <= 20_000 ? 5 : 3,
    a: 1.56,
    b: 1,
    learningRate: 1,
  };
}

/** Symmetric fuzzy graph, each undirected edge listed in both directions. */
export interface FuzzyGraph {
  head: Int32Array;
  tail: Int32Array;
  weight: Float32Array;
}

/**
 * UMAP's fuzzy simplicial set of a kNN graph whose scores are cosine
 * similarities: distance `1 - cos`, per-point `rho` (nearest distance) and
 * `sigma` (so that the weights of its k neighbours add up to log2 k), then
 * `w(i,j) + w(j,i) - w(i,j) w(j,i)`.
 */
export function fuzzyGraph(g: KnnGraph): FuzzyGraph {
  const { n, k } = g;
  const w = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    const c = g.count[i] as number;
    if (c === 0) continue;
    const base = i * k;
    const rho = 1 - (g.score[base] as number);
    const target = Math.log2(Math.max(c, 2));
    let lo = 0;
    let hi = Infinity;
    let sigma = 1;
    for (let iter = 0; iter < 64; iter++) {
      let sum = 0;
      for (let j = 0; j < c; j++) {
        const d = 1 - (g.score[base + j] as number) - rho;
        sum += d > 0 ? Math.exp(-d / sigma) : 1;
      }
      if (Math.abs(sum - target) < 1e-5) break;
      if (sum > target) {
        hi = sigma;
        sigma = (lo + hi) / 2;
      } else {
        lo = sigma;
        sigma = hi === Infinity ? sigma * 2 : (lo + hi) / 2;
      }
    }
    sigma = Math.max(sigma, 1e-3);
    for (let j = 0; j < c; j++) {
      const d = 1 - (g.score[base + j] as number) - rho;
      w[base + j] = d > 0 ? Math.exp(-d / sigma) : 1;
    }
  }
  const heads: number[] = [];
  const tails: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < n; i++) {
    const ci = g.count[i] as number;
    for (let a = 0; a < ci; a++) {
      const j = g.index[i * k + a] as number;
      const wij = w[i * k + a] as number;
      let wji = 0;
      const cj = g.count[j] as number;
      for (let b = 0; b < cj; b++) {
        if (g.index[j * k + b] === i) {
          wji = w[j * k + b] as number;
          break;
        }
      }
      // A mutual pair is emitted once, from its lower end.
      if (wji > 0 && j < i) continue;
      const weight = wij + wji - wij * wji;
      heads.push(i, j);
      tails.push(j, i);
      weights.push(weight, weight);
    }
  }
  return {
    head: Int32Array.from(heads),
    tail: Int32Array.from(tails),
    weight: Float32Array.from(weights),
  };
}

/**
 * First two principal components of the unit term vectors (orthogonal
 * iteration on the implicitly centred matrix), scaled to [-10, 10].
 */
export function principalComponents(v: Vectors, seed: number, iterations = 12): Float64Array {
  const { n } = v;
  const V = v.stems.length;
  const random = mulberry32(seed ^ 0x9e3779b9);
  const mean = new Float64Array(V);
  for (let j = 0; j < v.term.length; j++) {
    const t = v.term[j] as number;
    mean[t] = (mean[t] as number) + (v.weight[j] as number) / Math.max(n, 1);
  }
  let q0 = Float64Array.from({ length: V }, () => random() - 0.5);
  let q1 = Float64Array.from({ length: V }, () => random() - 0.5);
  const z0 = new Float64Array(n);
  const z1 = new Float64Array(n);
  const project = (): void => {
    let m0 = 0;
    let m1 = 0;
    for (let t = 0; t < V; t++) {
      m0 += (mean[t] as number) * (q0[t] as number);
      m1 += (mean[t] as number) * (q1[t] as number);
    }
    for (let d = 0; d < n; d++) {
      let s0 = 0;
      let s1 = 0;
      for (let j = v.ptr[d] as number; j < (v.ptr[d + 1] as number); j++) {
        const t = v.term[j] as number;
        const x = v.weight[j] as number;
        s0 += x * (q0[t] as number);
        s1 += x * (q1[t] as number);
      }
      z0[d] = s0 - m0;
      z1[d] = s1 - m1;
    }
  };
  for (let iter = 0; iter < iterations; iter++) {
    project();
    const y0 = new Float64Array(V);
    const y1 = new Float64Array(V);
    for (let d = 0; d < n; d++) {
      const a0 = z0[d] as number;
      const a1 = z1[d] as number;
      for (let j = v.ptr[d] as number; j < (v.ptr[d + 1] as number); j++) {
        const t = v.term[j] as number;
        const x = v.weight[j] as number;
        y0[t] = (y0[t] as number) + x * a0;
        y1[t] = (y1[t] as number) + x * a1;
      }
    }
    normalise(y0);
    let dot = 0;
    for (let t = 0; t < V; t++) dot += (y0[t] as number) * (y1[t] as number);
    for (let t = 0; t < V; t++) y1[t] = (y1[t] as number) - dot * (y0[t] as number);
    normalise(y1);
    q0 = y0;
    q1 = y1;
  }
  project();
  const out = new Float64Array(2 * n);
  let max = 0;
  for (let d = 0; d < n; d++)
    max = Math.max(max, Math.abs(z0[d] as number), Math.abs(z1[d] as number));
  const scale = max > 0 ? 10 / max : 1;
  for (let d = 0; d < n; d++) {
    out[2 * d] = (z0[d] as number) * scale;
    out[2 * d + 1] = (z1[d] as number) * scale;
  }
  return out;
}

function normalise(x: Float64Array): void {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] as number) ** 2;
  const f = s > 0 ? 1 / Math.sqrt(s) : 0;
  for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) * f;
}

/**
 * Moves `embedding` (2n coordinates, in place) by UMAP's stochastic
 * gradient descent over `graph`. Points in `fixed` (when given) do not move.
 */
export function optimiseLayout(
  embedding: Float64Array,
  graph: FuzzyGraph,
  options: LayoutOptions,
  fixed?: Uint8Array,
): void {
  const n = embedding.length / 2;
  const { head, tail, weight } = graph;
  const m = head.length;
  if (m === 0 || n < 2) return;
  const { epochs, a, b, negativeSamples } = options;
  let maxW = 0;
  for (let e = 0; e < m; e++) maxW = Math.max(maxW, weight[e] as number);
  const perSample = new Float64Array(m);
  const nextSample = new Float64Array(m);
  const perNegative = new Float64Array(m);
  const nextNegative = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const w = weight[e] as number;
    // Edges too weak to be sampled once in the whole run are dropped, as in UMAP.
    const p = w >= maxW / epochs ? maxW / w : -1;
    perSample[e] = p;
    nextSample[e] = p;
    perNegative[e] = p / negativeSamples;
    nextNegative[e] = p / negativeSamples;
  }
  const random = mulberry32(options.seed);
  const clip = (x: number): number => (x > 4 ? 4 : x < -4 ? -4 : x);
  const bIsOne = b === 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const alpha = options.learningRate * (1 - epoch / epochs);
    for (let e = 0; e < m; e++) {
      const p = perSample[e] as number;
      if (p < 0 || (nextSample[e] as number) > epoch) continue;
      const j = head[e] as number;
      const k = tail[e] as number;
      const jx = 2 * j;
      const kx = 2 * k;
      const moveJ = fixed === undefined || fixed[j] === 0;
      const moveK = fixed === undefined || fixed[k] === 0;
      let dx = (embedding[jx] as number) - (embedding[kx] as number);
      let dy = (embedding[jx + 1] as number) - (embedding[kx + 1] as number);
      let d2 = dx * dx + dy * dy;
      if (d2 > 0) {
        const coeff = bIsOne
          ? (-2 * a) / (1 + a * d2)
          : (-2 * a * b * Math.pow(d2, b - 1)) / (1 + a * Math.pow(d2, b));
        const gx = clip(coeff * dx) * alpha;
        const gy = clip(coeff * dy) * alpha;
        if (moveJ) {
          embedding[jx] = (embedding[jx] as number) + gx;
          embedding[jx + 1] = (embedding[jx + 1] as number) + gy;
        }
        if (moveK) {
          embedding[kx] = (embedding[kx] as number) - gx;
          embedding[kx + 1] = (embedding[kx + 1] as number) - gy;
        }
      }
      nextSample[e] = (nextSample[e] as number) + p;
      const pn = perNegative[e] as number;
      const negatives = Math.floor((epoch - (nextNegative[e] as number)) / pn);
      if (negatives > 0) nextNegative[e] = (nextNegative[e] as number) + negatives * pn;
      if (!moveJ) continue;
      for (let s = 0; s < negatives; s++) {
        const r = Math.floor(random() * n);
        if (r === j) continue;
        const rx = 2 * r;
        dx = (embedding[jx] as number) - (embedding[rx] as number);
        dy = (embedding[jx + 1] as number) - (embedding[rx + 1] as number);
        d2 = dx * dx + dy * dy;
        let gx: number;
        let gy: number;
        if (d2 > 0) {
          const coeff = bIsOne
            ? (2 * b) / ((0.001 + d2) * (1 + a * d2))
            : (2 * b) / ((0.001 + d2) * (1 + a * Math.pow(d2, b)));
          gx = clip(coeff * dx) * alpha;
          gy = clip(coeff * dy) * alpha;
        } else {
          gx = 4 * alpha;
          gy = 4 * alpha;
        }
        embedding[jx] = (embedding[jx] as number) + gx;
        embedding[jx + 1] = (embedding[jx + 1] as number) + gy;
      }
    }
  }
}

/**
 * Scales 2n coordinates into [0, 1] keeping the aspect ratio (the longer
 * side spans [0, 1], the shorter is centred). A few far outliers would
 * squeeze everything else into a corner, so the box is taken between the
 * 0.1st and 99.9th percentiles and points outside are clamped to it.
 */
export function normaliseLayout(embedding: Float64Array): Float64Array {
  const n = embedding.length / 2;
  const out = new Float64Array(2 * n);
  if (n === 0) return out;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = embedding[2 * i] as number;
    ys[i] = embedding[2 * i + 1] as number;
  }
  xs.sort();
  ys.sort();
  const lo = Math.floor((n - 1) * 0.001);
  const hi = Math.ceil((n - 1) * 0.999);
  const x0 = xs[lo] as number;
  const x1 = xs[hi] as number;
  const y0 = ys[lo] as number;
  const y1 = ys[hi] as number;
  const span = Math.max(x1 - x0, y1 - y0);
  if (!(span > 0) || !Number.isFinite(span)) {
    out.fill(0.5);
    return out;
  }
  const ox = (span - (x1 - x0)) / 2;
  const oy = (span - (y1 - y0)) / 2;
  const round = (x: number): number => Math.round(Math.min(1, Math.max(0, x)) * 1e5) / 1e5;
  for (let i = 0; i < n; i++) {
    out[2 * i] = round(((embedding[2 * i] as number) - x0 + ox) / span);
    out[2 * i + 1] = round(((embedding[2 * i + 1] as number) - y0 + oy) / span);
  }
  return out;
}
