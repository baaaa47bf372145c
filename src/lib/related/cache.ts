/**
 * The rebuild cache of related papers and the map: plain JSON-serialisable
 * data, so the build can write it to disk as it is.
 *
 * What it keeps, and why:
 * - `vocab` and `bags`: each paper's words (as ids into `vocab`) with counts,
 *   keyed by content digest. Splitting and cleaning text is the costliest
 *   step per paper; a paper whose text did not change is never read again.
 * - `ids`/`digests` with `knn`, `scores` and `terms`: the neighbour lists of the
 *   collection they were computed for. An unchanged collection returns them
 *   as they are; a changed one recomputes only the lists that can change.
 * - `init`: the principal-component start positions of the map.
 * - `layout`: the finished map with the signature of the graph it came from.
 */
import { createHash } from 'node:crypto';
import type { DocWords } from './tokens.ts';

export const CACHE_VERSION = 2;

export interface LayoutCache {
  /** Digest of the graph, seed and options the positions were computed from. */
  signature: string;
  ids: string[];
  /** Content digest of each paper: an edited paper is placed again. */
  digests: string[];
  /** x0, y0, x1, y1, ... in [0, 1], rounded to 5 decimals. */
  xy: number[];
}

export interface RelatedCache {
  version: number;
  /** Every option that changes results; lists made with other options are ignored. */
  params: string;
  /** Words by id; `bags` and `terms` refer to words by their index here. */
  vocab: string[];
  /** Encoded word bag of each paper, by content digest (see `encodeBag`). */
  bags: Record<string, string>;
  /** The collection the lists below were computed for, sorted by id. */
  ids: string[];
  digests: string[];
  /** Neighbours kept per paper in `knn` (for the map), of which the first `k` are shown. */
  graphK: number;
  k: number;
  /** Row `i`'s neighbours: `knn[i*graphK + j]` indexes `ids`, -1 when there are fewer. */
  knn: number[];
  scores: number[];
  /** Shared words (vocabulary ids, -1 padded) of row `i`'s neighbour `j < k`: `terms[(i*k + j)*maxTerms + m]`. */
  terms: number[];
  maxTerms: number;
  /** Map start positions (2 per row). */
  init: number[];
  layout?: LayoutCache;
}

/**
 * Encodes a word bag as one string: entries separated by spaces, each the
 * word's vocabulary id in base 36, then `*a` when it occurs `a` != 1 times
 * in the abstract and `+t` when it occurs `t` > 0 times in the title (both
 * base 36). About 5 bytes per distinct word of a paper.
 */
export function encodeBag(bag: DocWords): string {
  // Parts joined once: repeated `+=` would build a rope of small strings
  // that costs far more memory than the flat result.
  const parts: string[] = new Array<string>(bag.length / 3);
  for (let i = 0; i < bag.length; i += 3) {
    const t = bag[i + 1] as number;
    const a = bag[i + 2] as number;
    let part = (bag[i] as number).toString(36);
    if (a !== 1) part += `*${a.toString(36)}`;
    if (t > 0) part += `+${t.toString(36)}`;
    parts[i / 3] = part;
  }
  return parts.join(' ');
}

/** Value of a base-36 digit character code, or -1. */
function digit36(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  return -1;
}

/**
 * Inverse of `encodeBag`, without allocating substrings. Returns undefined
 * when the text is malformed or names an id outside `[0, vocabSize)`: the
 * bag is then recomputed from the paper's text.
 */
export function decodeBag(text: string, vocabSize: number): DocWords | undefined {
  const n = text.length;
  let entries = n > 0 ? 1 : 0;
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) === 32) entries++;
  const out = new Int32Array(3 * entries);
  let at = 0;
  let i = 0;
  while (i < n) {
    // Fields: 0 id, 1 abstract count (default 1), 2 title count (default 0).
    let id = 0;
    let a = 1;
    let t = 0;
    let field = 0;
    let digits = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) break;
      if (c === 42 || c === 43) {
        // `*` must come before `+`, each at most once, after some digits.
        const next = c === 42 ? 1 : 2;
        if (digits === 0 || next <= field) return undefined;
        field = next;
        if (field === 1) a = 0;
        else t = 0;
        digits = 0;
        continue;
      }
      const d = digit36(c);
      if (d < 0 || ++digits > 5) return undefined;
      if (field === 0) id = id * 36 + d;
      else if (field === 1) a = a * 36 + d;
      else t = t * 36 + d;
    }
    if (digits === 0 || id >= vocabSize) return undefined;
    i++;
    out[at] = id;
    out[at + 1] = t;
    out[at + 2] = a;
    at += 3;
  }
  return out;
}

/** Hex SHA-256 of the given strings, each length-prefixed so boundaries count. */
export function digestOf(parts: Iterable<string>): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(`${p.length}:${p}`);
  return h.digest('hex');
}

/**
 * Whether a value read from disk is a cache this version wrote, down to
 * every index being in range: a damaged cache is ignored, never trusted.
 */
export function isRelatedCache(value: unknown): value is RelatedCache {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Partial<RelatedCache>;
  return (
    c.version === CACHE_VERSION &&
    typeof c.params === 'string' &&
    Array.isArray(c.vocab) &&
    typeof c.bags === 'object' &&
    c.bags !== null &&
    Array.isArray(c.ids) &&
    Array.isArray(c.digests) &&
    Array.isArray(c.knn) &&
    Array.isArray(c.scores) &&
    Array.isArray(c.terms) &&
    Array.isArray(c.init) &&
    typeof c.graphK === 'number' &&
    typeof c.k === 'number' &&
    typeof c.maxTerms === 'number' &&
    c.digests.length === c.ids.length &&
    c.knn.length === c.ids.length * c.graphK &&
    c.scores.length === c.knn.length &&
    c.terms.length === c.ids.length * c.k * c.maxTerms &&
    c.init.length === c.ids.length * 2 &&
    c.ids.every((x) => typeof x === 'string') &&
    c.digests.every((x) => typeof x === 'string') &&
    c.vocab.every((x) => typeof x === 'string') &&
    allIn(c.knn, -1, c.ids.length) &&
    allIn(c.terms, -1, c.vocab.length) &&
    c.scores.every((x) => typeof x === 'number' && x >= 0 && x <= 1) &&
    c.init.every((x) => typeof x === 'number' && Number.isFinite(x))
  );
}

/** Whether every value is an integer in `[lo, hi)`. */
function allIn(values: unknown[], lo: number, hi: number): boolean {
  return values.every((x) => Number.isInteger(x) && (x as number) >= lo && (x as number) < hi);
}
