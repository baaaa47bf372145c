/**
 * What to offer when a query finds nothing, or no paper with all its words:
 * the query with its unknown words replaced by the nearest lexicon words
 * ("did you mean"), the query with one word left out where the rest are
 * all in some papers, and the closest topics. Every offer is a query the
 * reader can follow, counted by the same engine, so none leads to nothing.
 */
import type { IndexFiles } from './files.ts';
import { compareStrings, lowerBound, type Manifest } from './format.ts';
import { boundedDistance } from './fuzzy.ts';
import type { Lexicon } from './postings.ts';
import { parseQuery, queryText } from './query.ts';
import { isStopword, termOf, tokenize } from './tokenize.ts';
import type { SearchQueryOptions, SearchResult } from './types.ts';

export interface Suggestions {
  /**
   * The query with its unknown words replaced by lexicon words, when that
   * finds papers with all its words (or any, where the query finds none).
   */
  corrected?: { query: string; total: number; all: number };
  /** The query without one of its words, where the others are all in some papers; most first. */
  dropped: { query: string; word: string; all: number }[];
  /** The query's own matches without the topic and year filters, when there are filters. */
  unfiltered?: number;
  /**
   * Topics of the papers the query finds (else its correction, else its best
   * shorter form), most first; when none finds anything, topics whose name
   * is close to a query word, with their size.
   */
  topics: { slug: string; count: number }[];
}

/** What suggestions need of the engine. */
export interface SuggestEngine {
  files: IndexFiles;
  search(query: string, options: SearchQueryOptions): Promise<SearchResult>;
}

/** Up to this many query words are tried left out (each costs a search). */
const MAX_DROPS = 6;
const TOPICS = 3;

/** Documents of a lexicon word (0: not listed). */
function dfIn(lex: Lexicon, word: string): number {
  const i = lowerBound(lex.words, word);
  return lex.words[i] === word ? (lex.df[i] as number) : 0;
}

/**
 * The lexicon word nearest to an unknown `word`: fewest edits (one for 3-5
 * letters, two from 6), then most documents; a word that splits into two
 * lexicon words (`sparseattention`) is split when no single word is one
 * edit away. Looser than the typo correction of queries, since the reader
 * is asked, not overruled.
 */
export async function nearestWord(
  files: IndexFiles,
  m: Manifest,
  word: string,
): Promise<string | undefined> {
  const max = word.length < 3 ? 0 : word.length < 6 ? 1 : 2;
  const heads = [...new Set([word.slice(0, 1), word.slice(1, 2)])].filter(Boolean);
  const lexicons = await Promise.all(heads.map((c) => files.lexiconFor(m, c)));
  let best: { word: string; dist: number; df: number } | undefined;
  for (const lex of new Set(lexicons)) {
    for (let i = 0; i < lex.words.length; i++) {
      const w = lex.words[i] as string;
      if (Math.abs(w.length - word.length) > max || w === word) continue;
      const dist = boundedDistance(word, w, max);
      if (dist > max) continue;
      const df = lex.df[i] as number;
      if (!best || dist < best.dist || (dist === best.dist && df > best.df))
        best = { word: w, dist, df };
    }
  }
  if (best?.dist === 1) return best.word;
  let split: { words: string; df: number } | undefined;
  if (word.length >= 6) {
    const first = await files.lexiconFor(m, word.slice(0, 1));
    for (let i = 2; i <= word.length - 2; i++) {
      const a = word.slice(0, i);
      const b = word.slice(i);
      const dfA = dfIn(first, a);
      if (dfA === 0 || isStopword(a) || isStopword(b)) continue;
      const dfB = dfIn(await files.lexiconFor(m, b.slice(0, 1)), b);
      const df = Math.min(dfA, dfB);
      if (df > 0 && (!split || df > split.df)) split = { words: `${a} ${b}`, df };
    }
  }
  return split?.words ?? best?.word;
}

/** `query` with each unknown word replaced by its nearest lexicon word (unchanged: none). */
async function corrected(
  files: IndexFiles,
  m: Manifest,
  query: string,
): Promise<string | undefined> {
  const { tokens } = tokenize(query);
  let out = query;
  let changed = false;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i] as (typeof tokens)[number];
    const negated =
      query[t.start - 1] === '-' && (t.start === 1 || /\s/u.test(query[t.start - 2] ?? ''));
    if (t.word.length < 3 || isStopword(t.word) || negated) continue;
    if (await files.postings(m, termOf(t.word))) continue;
    const near = await nearestWord(files, m, t.word);
    if (!near) continue;
    out = out.slice(0, t.start) + near + out.slice(t.end);
    changed = true;
  }
  return changed ? out : undefined;
}

/** Topics whose name has a word close to one of `words` (stems equal, or one begins the other). */
function topicsByName(m: Manifest, words: readonly string[]): string[] {
  const stems = words.filter((w) => w.length >= 2 && !isStopword(w)).map(termOf);
  const close = (a: string, b: string): boolean =>
    a === b ||
    (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a))) ||
    (Math.min(a.length, b.length) >= 5 && boundedDistance(a, b, 1) <= 1);
  return m.topics
    .map((slug) => {
      const names = slug
        .split('-')
        .filter((w) => !isStopword(w))
        .map(termOf);
      return { slug, score: stems.filter((s) => names.some((n) => close(s, n))).length };
    })
    .filter((t) => t.score > 0)
    .sort((a, b) => b.score - a.score || compareStrings(a.slug, b.slug))
    .map((t) => t.slug);
}

function topTopics(result: SearchResult): { slug: string; count: number }[] {
  return Object.entries(result.facets.topics)
    .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))
    .slice(0, TOPICS)
    .map(([slug, count]) => ({ slug, count }));
}

/** Suggestions for `query` under `options`' filters (see `Suggestions`). */
export async function suggest(
  engine: SuggestEngine,
  m: Manifest,
  query: string,
  options: Pick<SearchQueryOptions, 'topics' | 'year'> = {},
): Promise<Suggestions> {
  const { files } = engine;
  const count = (q: string, o: SearchQueryOptions = options) =>
    engine.search(q, { ...o, complete: true, limit: 0 });
  const parsed = parseQuery(query, true);
  const own = await count(query);
  const out: Suggestions = { dropped: [], topics: [] };

  const fixed = await corrected(files, m, query);
  const fixedResult = fixed === undefined ? undefined : await count(fixed);
  // Worth offering when it finds papers with all its words, or anything at all instead of nothing.
  if (
    fixed !== undefined &&
    fixedResult &&
    (fixedResult.all > 0 || (own.total === 0 && fixedResult.total > 0))
  )
    out.corrected = { query: fixed, total: fixedResult.total, all: fixedResult.all };

  const { include, exclude } = parsed;
  let bestDrop: SearchResult | undefined;
  if (include.length >= 2 && include.length <= MAX_DROPS) {
    for (let i = 0; i < include.length; i++) {
      const rest = include.filter((_, j) => j !== i);
      const q = queryText(rest, exclude);
      const r = await count(q);
      if (r.all === 0) continue;
      out.dropped.push({
        query: q,
        word: queryText([include[i] as (typeof include)[number]]),
        all: r.all,
      });
      if (!bestDrop || r.all > bestDrop.all) bestDrop = r;
    }
    out.dropped.sort((a, b) => b.all - a.all || compareStrings(a.query, b.query));
  }

  if ((options.topics?.length ?? 0) > 0 || options.year !== undefined) {
    const r = await count(query, {});
    if (r.total > 0) out.unfiltered = r.total;
  }

  const source = [own, fixedResult, bestDrop].find((r) => r && r.total > 0);
  if (source) out.topics = topTopics(source);
  else {
    const words = tokenize(`${query} ${fixed ?? ''}`).tokens.map((t) => t.word);
    const named = topicsByName(m, words).slice(0, TOPICS);
    if (named.length) {
      const sizes = (await count('', {})).facets.topics;
      out.topics = named.map((slug) => ({ slug, count: sizes[slug] ?? 0 }));
    }
  }
  return out;
}
