/**
 * The on-disk format of the index, shared by the build and the client.
 *
 * Files (paths relative to the index root):
 * - `manifest.json`: collection size, ranking constants, the first term of
 *   every postings shard, the first word of every lexicon file, year ranges,
 *   topic names and the other file names.
 * - `t/<n>.txt`: postings shard `n`, a FlexSearch `Index` export (one
 *   `key<TAB>data` line per exported chunk; the id register is left out, a
 *   search does not use it). Each posting sits in the FlexSearch score slot
 *   of its quantised BM25F impact: slot 0 = highest impact.
 * - `p/<n>.txt`: word positions for the terms of shard `n`, fetched only by
 *   phrase queries (large collections only: in small ones a phrase is
 *   checked in the records of the documents that have all its words).
 * - `l/<n>.txt`: lexicon file, `word<SPACE>df` lines sorted by word, for
 *   prefix completion and typo correction; files split only between first
 *   letters, so one file holds every word of a letter.
 * - `d/<n>.json`: document records `[id, slug, title, authors, authorCount,
 *   date, topics, abstract]` for internal ids `n*docChunk ..`.
 * - `topics.txt`: topic codes of every document (facet counts), and
 *   `title.txt`: title rank of every document (sort by title, on demand).
 *
 * Internal document ids follow date order (undated first), so sorting by
 * date is sorting by id and a year is a range of ids.
 */
import type { IndexOptions } from 'flexsearch';

export const FORMAT_VERSION = 1;

export interface Manifest {
  version: number;
  /** Number of documents. */
  n: number;
  /** k1 of the BM25F impacts (an impact is at most k1 + 1). */
  k1: number;
  /** FlexSearch resolution = number of impact levels. */
  resolution: number;
  /** First term of each postings shard, ascending; shard i is `t/i.txt`. */
  shards: string[];
  /** First word of each lexicon file, ascending; file i is `l/i.txt`. */
  lexicon: string[];
  docChunk: number;
  /** `[year, first internal id]`, ascending; ids before the first are undated. */
  years: [number, number][];
  /** Topic slugs; `topics.txt` refers to them by index. */
  topics: string[];
  /** Width of one rank in `title.txt`. */
  titleRankWidth: number;
  /** Whether `p/<n>.txt` position files exist (else phrases are checked in the records). */
  positions: boolean;
}

/** One document record in `d/<n>.json`. */
export type DocRecord = [
  id: number,
  slug: string,
  title: string,
  authors: string[],
  authorCount: number,
  date: string,
  topics: string[],
  abstract: string,
];

/** Gap between the title's word positions and the abstract's (no phrase spans it). */
export const FIELD_GAP = 16;

/** FlexSearch options of a postings shard (the build adds its `score` callback). */
export function shardIndexOptions(resolution: number): IndexOptions {
  return {
    tokenize: 'strict',
    resolution,
    // Terms are tokenised, folded and stemmed by tokenize.ts before they
    // reach FlexSearch: its encoder only splits the prepared term list.
    encode: splitTerms,
    fastupdate: false,
  };
}

function splitTerms(text: string): string[] {
  return text.split(' ');
}

/** Impact level (FlexSearch slot) -> impact (the middle of the level), the inverse of `slotOf`. */
export function impactOf(slot: number, k1: number, resolution: number): number {
  return (1 - (slot + 0.5) / resolution) * (k1 + 1);
}

/** Impact -> level: slot 0 holds impacts just under k1 + 1. */
export function slotOf(impact: number, k1: number, resolution: number): number {
  const s = Math.floor((1 - impact / (k1 + 1)) * resolution);
  return Math.min(resolution - 1, Math.max(0, s));
}

/** Lucene's BM25 idf. */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Shard holding `term`: the last shard whose first term is <= term. */
export function shardOf(boundaries: readonly string[], term: string): number {
  let lo = 0;
  let hi = boundaries.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((boundaries[mid] as string) <= term) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Base-36 integers, for compact position lists. */
export function b36(n: number): string {
  return n.toString(36);
}

/** Letters for topic codes in `topics.txt` (no quote, backslash or space). */
export const CODE_ALPHABET =
  '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&()*+,-./:;<=>?@[]^_`{|}~';

/** Width of a code for `count` different values. */
export function codeWidth(count: number): number {
  let w = 1;
  let cap = CODE_ALPHABET.length;
  while (cap < count) {
    w++;
    cap *= CODE_ALPHABET.length;
  }
  return w;
}

export function encodeCode(value: number, width: number): string {
  let s = '';
  for (let i = 0; i < width; i++) {
    s = CODE_ALPHABET[value % CODE_ALPHABET.length] + s;
    value = Math.floor(value / CODE_ALPHABET.length);
  }
  return s;
}

const CODE_VALUE = new Map([...CODE_ALPHABET].map((c, i) => [c, i]));

export function decodeCode(text: string, start: number, width: number): number {
  let v = 0;
  for (let i = 0; i < width; i++) {
    v = v * CODE_ALPHABET.length + (CODE_VALUE.get(text[start + i] ?? '0') ?? 0);
  }
  return v;
}
