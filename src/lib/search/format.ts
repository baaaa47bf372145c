/**
 * The on-disk format of the index, shared by the build and the client.
 *
 * The inverted index is FlexSearch's: the index entries (terms and frequent
 * word pairs) are split by name into shards, each one a FlexSearch `Index`
 * built at build time with `add` and saved with its own `export`; the client
 * recreates the `Index` with the same options (`shardIndexOptions`), `import`s
 * the exported chunks and looks entries up with `search(entry, {resolve:
 * false})`. Next to it sit files of our own for what FlexSearch cannot hold.
 *
 * Files (paths relative to the index root):
 * - `manifest.json`: collection size, ranking constants, the first entry of
 *   every shard and positions file, the first word of every lexicon file,
 *   year ranges and topic names, and the content hashes that are part of
 *   every other file's name (`t/3.k2x9qa.txt`; see `indexPath`): the
 *   manifest is the one file fetched fresh, the rest may be cached for good.
 *   Below, names are written without their hash.
 * - `t/<n>.txt`: shard `n`. First the FlexSearch export of the shard's
 *   `Index`, one `key<TAB>data` line per chunk exactly as `Index.export`
 *   handed it over (e.g. `1.map`; the `reg` chunk, a list of every document
 *   id of the shard that a search never reads, is left out). An entry is a
 *   term (the stem of a word, or a glued compound) or a word pair `a_b`
 *   (`a_<gap>_b` when stop words sit between them: `state_3_art`); pairs are
 *   entries when frequent, so that common quoted phrases are answered from
 *   postings alone. Each document of an entry sits in the FlexSearch score
 *   slot of its quantised BM25F impact (slot 0 = highest impact; the
 *   `Index` resolution is the number of levels).
 *   Then, when some term of the shard is written otherwise than its name,
 *   one line of our own: `forms<TAB>` and space-separated
 *   `term:forms[:masks]`, where `forms` lists the words of the term, most
 *   frequent first, up to five, comma-separated, each written after the
 *   term (`s` for `models` of `model`, empty for the term itself) or as
 *   `=word` when it does not start with it (`=study` of `studi`); with more
 *   than one form, `masks` has one digit (below) per document of the term,
 *   in ascending document order: bit i set when the document contains
 *   forms[i], bit 5 when it has another form. Ranking uses them to put the
 *   word as typed first.
 * - `p/<n>.txt`: word positions of the terms of a range of entries, fetched
 *   only by quoted phrases whose word pairs are not indexed and whose words
 *   are together in more than `TEXT_CHECKS` documents (large collections
 *   only; terms of at most `TEXT_CHECKS` documents have none).
 *   One line per term: `term<SPACE>positions`, where positions lists, for
 *   each document of the term in ascending order, the count then the
 *   ascending differences of its positions, in the digits below.
 * - `l/<n>.txt`: lexicon file, `word<SPACE>df` lines sorted by word, for
 *   prefix completion and typo correction; files split only between first
 *   letters, so one file holds every word of a letter.
 * - `d/<n>.json`: document records `[id, slug, title, authors, authorCount,
 *   date, topics, abstract, authorSlugs?]` for internal ids `n*docChunk ..`.
 * - `f/topics.txt`: topic codes of every document (facet counts), and
 *   `f/title.txt`: title rank of every document (sort by title, on demand).
 * - With authors (build/authors.ts): `f/authors.txt`, the author codes of
 *   every document (author facet and `author:` filter, on demand);
 *   `a/<n>.json`, the author table by code; `k/<n>.json`, name keys to
 *   codes in buckets by hash; `n/<n>.json`, authors with a page by the
 *   first letters of their names' words (header suggestions).
 *
 * Internal document ids follow date order (undated first), so sorting by
 * date is sorting by id and a year is a range of ids. FlexSearch holds these
 * internal ids.
 */
import type { IndexOptions } from 'flexsearch';

export const FORMAT_VERSION = 5;

/**
 * The order of the lexicon's words and of names in the index files: UTF-16
 * code units, as `<` compares (not `localeCompare`), so the build that sorts
 * and the client that searches agree.
 */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The first position in `words` (sorted by `compareStrings`) not before `key`. */
export function lowerBound(words: readonly string[], key: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Manifest {
  version: number;
  /** Number of documents. */
  n: number;
  /** k1 of the BM25F impacts (an impact is at most k1 + 1). */
  k1: number;
  /** Number of impact levels (the resolution of the shards' FlexSearch `Index`). */
  resolution: number;
  /** First entry of each shard, ascending; shard i is `t/i.txt`. */
  shards: string[];
  /** First term of each positions file, ascending; file i is `p/i.txt` (empty: none). */
  positions: string[];
  /** Whether frequent word pairs are index entries (`a_b`). */
  pairs: boolean;
  /** Largest position difference of an indexed pair (stop words in between). */
  pairMaxGap: number;
  /** First word of each lexicon file, ascending; file i is `l/i.txt`. */
  lexicon: string[];
  docChunk: number;
  /** `[year, first internal id]`, ascending; ids before the first are undated. */
  years: [number, number][];
  /** Topic slugs; `topics.txt` refers to them by index. */
  topics: string[];
  /** Width of one rank in `title.txt`. */
  titleRankWidth: number;
  /** The author files, when the collection has authors. */
  authors?: AuthorManifest;
  /** Content hashes in the files' names: see `indexPath`. */
  hashes: FileHashes;
}

/**
 * Content hashes of the index files, which are part of their names, so that
 * a browser may cache every file but the manifest for good: a manifest
 * fetched fresh only ever names files of its own build. `t`, `p` and `l`
 * hold one hash of `HASH_CHARS` characters per file, concatenated in file
 * order; the document records share one hash of them all (a hash each
 * would put ~4,700 more into the manifest at 75,000 papers).
 */
export interface FileHashes {
  t: string;
  p: string;
  l: string;
  d: string;
  topics: string;
  title: string;
  /** Author table, key buckets and name prefixes (one hash a file), and the author codes. */
  a?: string;
  k?: string;
  n?: string;
  authors?: string;
}

/** What the manifest says of the author files (build/authors.ts). */
export interface AuthorManifest {
  /** Authors (codes `0 .. count - 1`, most papers first). */
  count: number;
  /** Characters of a code in `authors.txt`. */
  width: number;
  /** Authors per table file `a/<n>.json`. */
  chunk: number;
  /** Key bucket files `k/<n>.json`. */
  buckets: number;
  /** Name-word prefixes; file `n/<i>.json` lists the authors of `prefixes[i]`. */
  prefixes: string[];
}

/** An author with a page, as the header search suggests them: name, slug, papers, name key. */
export type AuthorSuggestion = [name: string, slug: string, papers: number, key: string];

/** Characters of a file's content hash. */
export const HASH_CHARS = 6;

export type FileKind = 't' | 'p' | 'l' | 'd' | 'topics' | 'title' | 'a' | 'k' | 'n' | 'authors';

/** Kinds with a hash per file, concatenated in the manifest. */
export const PER_FILE_KINDS = ['t', 'p', 'l', 'a', 'k', 'n'] as const;
const perFile = (kind: FileKind) => (PER_FILE_KINDS as readonly string[]).includes(kind);
/** Kinds of one file, under `f/`. */
const SINGLE = new Set<FileKind>(['topics', 'title', 'authors']);

const EXT: Record<FileKind, string> = {
  t: 'txt',
  p: 'txt',
  l: 'txt',
  d: 'json',
  topics: 'txt',
  title: 'txt',
  a: 'json',
  k: 'json',
  n: 'json',
  authors: 'txt',
};

/**
 * The path of an index file of `kind` (number `i` of its kind), before
 * hashing (`t/3.txt`) or, given the hash, as served (`t/3.k2x9qa.txt`).
 */
export function filePath(kind: FileKind, i: number, hash = ''): string {
  // Every hashed file sits in a folder, so that hosts can cache `*/` for good.
  const name = SINGLE.has(kind) ? `f/${kind}` : `${kind}/${i}`;
  return `${name}${hash ? `.${hash}` : ''}.${EXT[kind]}`;
}

/** The served path of an index file, from the manifest's hashes. */
export function indexPath(m: Manifest, kind: FileKind, i = 0): string {
  const h = m.hashes[kind] ?? '';
  return filePath(kind, i, perFile(kind) ? h.slice(i * HASH_CHARS, (i + 1) * HASH_CHARS) : h);
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
  /** The page slug of each of `authors` (`''`: no page); absent when none has one. */
  authorSlugs?: string[],
];

/**
 * A quoted phrase whose word pairs are not all indexed is checked in the
 * records of the documents that have all its words when there are at most
 * this many (they are usually the hits shown anyway), else with positions;
 * so terms in at most this many documents need no positions.
 */
export const TEXT_CHECKS = 24;

/** Gap between the title's word positions and the abstract's (no phrase spans it). */
export const FIELD_GAP = 16;

/** Key of our own line in a shard file (FlexSearch's keys are `<n>.<name>`). */
export const FORMS_KEY = 'forms';

/** A word of `term` as written in the forms line: what follows the term, or `=word`. */
export function formCode(term: string, word: string): string {
  return word.startsWith(term) ? word.slice(term.length) : `=${word}`;
}

/** The word of a form code of `term`, the inverse of `formCode`. */
export function formOf(term: string, code: string): string {
  return code.startsWith('=') ? code.slice(1) : term + code;
}

/**
 * FlexSearch options of a shard's `Index`, the same at build time (plus a
 * `score` callback placing each document in its impact slot) and in the
 * client, which must recreate the `Index` as it was before `import`: the
 * options are not part of an export.
 */
export function shardIndexOptions(resolution: number): IndexOptions {
  return {
    tokenize: 'strict',
    resolution,
    // Entries are tokenised, folded and stemmed by tokenize.ts before they
    // reach FlexSearch, so its encoder takes them as they are: the build
    // adds a document's list of entries (FlexSearch 0.8 hands non-string
    // content to a custom encoder unchanged, see its issue #432), and the
    // client searches one entry at a time.
    encode: entriesOf,
    fastupdate: false,
  };
}

/** The encoder of a shard's `Index`: an entry list as is, a string of space-separated entries split. */
export function entriesOf(content: string | readonly string[]): string[] {
  if (typeof content !== 'string') return content as string[];
  return content.indexOf(' ') < 0 ? [content] : content.split(' ');
}

/** The entry of a word pair: `a_b`, or `a_<gap>_b` across stop words. */
export function pairEntry(a: string, b: string, gap: number): string {
  return gap === 1 ? `${a}_${b}` : `${a}_${gap}_${b}`;
}

/** Impact level -> impact (the middle of the level), the inverse of `slotOf`. */
export function impactOf(slot: number, k1: number, resolution: number): number {
  return (1 - (slot + 0.5) / resolution) * (k1 + 1);
}

/** Impact -> level: level 0 holds impacts just under k1 + 1. */
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

/**
 * Digits of the postings and positions files: 64 characters, none of them
 * a space or a line break. A number is written in base 32, most significant
 * digit first; its last digit is taken from the upper half of the alphabet,
 * which ends it (0-31: one digit, 32-1023: two, and so on).
 */
export const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';

/** Character code -> digit value (-1: not a digit). */
export const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i;

/** Character codes of the digits, for writing bytes. */
export const DIGIT_CODES = Uint8Array.from(DIGITS, (c) => c.charCodeAt(0));

/** Appends `value` (>= 0) as variable-length digits to `out` at `at`; returns the new end. */
export function writeNumber(out: Uint8Array, at: number, value: number): number {
  if (value < 32) {
    out[at] = DIGIT_CODES[32 + value] as number;
    return at + 1;
  }
  let digits = 1;
  for (let v = value >>> 5; v >= 32; v >>>= 5) digits++;
  for (let d = digits; d > 0; d--) out[at++] = DIGIT_CODES[(value >>> (5 * d)) & 31] as number;
  out[at] = DIGIT_CODES[32 + (value & 31)] as number;
  return at + 1;
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

const CODE_VALUE = new Int16Array(128).fill(0);
for (let i = 0; i < CODE_ALPHABET.length; i++) CODE_VALUE[CODE_ALPHABET.charCodeAt(i)] = i;

export function decodeCode(text: string, start: number, width: number): number {
  let v = 0;
  for (let i = 0; i < width; i++) {
    v = v * CODE_ALPHABET.length + (CODE_VALUE[text.charCodeAt(start + i) & 127] as number);
  }
  return v;
}
