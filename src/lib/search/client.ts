/**
 * Query side, used unchanged by the browser, the evaluation tool and the
 * benchmark: `SearchClient.search` ties the steps together, each in a
 * module of its own:
 *
 * 1. `query.ts` parses the query into clauses (words, joined words, quoted
 *    phrases, exclusions, the word being typed).
 * 2. `plan.ts` turns each clause into groups of weighted index terms (stems,
 *    completions, typo corrections, glued and split forms, word pairs) with
 *    their postings, which `files.ts` fetches lazily through the loader and
 *    caches by bytes (`postings.ts` decodes FlexSearch shard exports).
 * 3. `score.ts` adds up BM25F scores per document; `phrase.ts` checks
 *    quoted phrases.
 * 4. `rank.ts` applies filters, counts facets and keeps the best hits; then
 *    the records of the page of hits are fetched and snippets cut
 *    (`highlight.ts`).
 * 5. `suggest.ts` offers other queries when one finds too little.
 *
 * No DOM and no Node built-ins here.
 */
import { AuthorFiles, type AuthorCodes } from './authors.ts';
import { IndexFiles, type Loader } from './files.ts';
import { compareStrings, type AuthorSuggestion, type Manifest } from './format.ts';
import { hitText, type PhraseMark } from './highlight.ts';
import { Planner, type PlannedClause } from './plan.ts';
import type { TopicCodes } from './postings.ts';
import { parseQuery } from './query.ts';
import { TIERED_UP_TO, TopK, rankCandidates } from './rank.ts';
import { Scorer, clauseHas, type Scratch } from './score.ts';
import { suggest, type Suggestions } from './suggest.ts';
import { isStopword, termOf } from './tokenize.ts';
import type { AuthorFacet, Hit, SearchQueryOptions, SearchResult } from './types.ts';

export type { Loader } from './files.ts';
export type { Suggestions } from './suggest.ts';

/** Authors the facet lists. */
const FACET_AUTHORS = 10;

/** What a query asks of the author files: its `author:` codes, every document's codes, the facet. */
interface AuthorQuery {
  filter: number[] | undefined;
  data: AuthorCodes | undefined;
  facet: boolean;
}

export interface SearchClientOptions {
  /**
   * Bytes of index data (downloaded files and decoded postings) kept in
   * memory; the least recently used are dropped past it. Default 48 MB.
   */
  cacheBytes?: number;
}

export class SearchClient {
  private readonly files: IndexFiles;
  private readonly planner: Planner;
  private readonly scorer: Scorer;
  private readonly authors: AuthorFiles;

  constructor(load: Loader, options: SearchClientOptions = {}) {
    this.files = new IndexFiles(load, options.cacheBytes);
    this.planner = new Planner(this.files);
    this.scorer = new Scorer(this.files);
    this.authors = new AuthorFiles(this.files);
  }

  /** Authors with a page whose names begin with the words of `typed`, most papers first. */
  async suggestAuthors(typed: string, limit = 3): Promise<AuthorSuggestion[]> {
    return this.authors.suggest(await this.manifest(), typed, limit);
  }

  /** Fetches the manifest (the only file every query needs). */
  manifest(): Promise<Manifest> {
    return this.files.manifest();
  }

  /** Estimated bytes of index data held in memory (bounded by `cacheBytes`). */
  get cachedBytes(): number {
    return this.files.cachedBytes;
  }

  async search(query: string, options: SearchQueryOptions = {}): Promise<SearchResult> {
    const m = await this.manifest();
    const limit = options.limit ?? 20;
    const offset = options.offset ?? 0;
    const sort = options.sort ?? 'relevance';
    const parsed = parseQuery(query, options.complete ?? false);
    const facet = options.authorFacet === true && m.authors !== undefined;
    const names = parsed.authors ?? [];
    const authorDataP =
      names.length > 0 || facet ? this.authors.codes(m) : Promise.resolve(undefined);
    const filter = await Promise.all(names.map((name) => this.authors.resolve(m, name)));
    // An author the index does not know has no papers.
    if (filter.some((code) => code === undefined))
      return {
        total: 0,
        all: 0,
        words: [],
        hits: [],
        facets: { topics: {}, years: {} },
        terms: [],
      };
    const authors: AuthorQuery = {
      filter: filter.length > 0 ? (filter as number[]) : undefined,
      data: await authorDataP,
      facet,
    };

    const topicsP = this.files.topics(m);
    const titleP = sort === 'title' ? this.files.titleRanks(m) : undefined;
    let include = await Promise.all(parsed.include.map((c) => this.planner.plan(m, c, false)));
    const exclude = await Promise.all(parsed.exclude.map((c) => this.planner.plan(m, c, true)));
    const topicData = await topicsP;
    const titleRank = titleP ? await titleP : undefined;

    // ---- synchronous scoring from here on ----
    const s = this.scorer.scratchFor(m);
    this.scorer.resetScratch(s);
    // Short queries: stemming conflates words (`organizers` and `organ`,
    // `understandable` and `understand`); a document with a word exactly as
    // typed gets its idf once more.
    const exact = sort === 'relevance' && include.length <= TIERED_UP_TO;
    this.scorer.scoreAll(m, include, exclude, exact);
    let phraseCount = include.filter((c) => c.phrase).length;
    if (include.length > 0 && phraseCount > 0 && !this.scorer.anyMatch(s, phraseCount)) {
      // No document has the quoted phrase: fall back to its words.
      this.scorer.resetScratch(s);
      include = (
        await Promise.all(include.map((c) => (c.phrase ? this.planner.unquote(m, c) : [c])))
      ).flat();
      phraseCount = 0;
      this.scorer.scoreAll(m, include, exclude, exact);
    }
    return this.collect(m, s, include, phraseCount, options, topicData, titleRank, authors, {
      limit,
      offset,
      sort,
    });
  }

  /** The authors with the most matches; ties go to the lower code, the author with more papers in all. */
  private async authorFacet(m: Manifest, counts: Uint32Array): Promise<AuthorFacet[]> {
    const best: number[] = [];
    const before = (a: number, b: number) =>
      (counts[a] as number) > (counts[b] as number) ||
      ((counts[a] as number) === (counts[b] as number) && a < b);
    for (let code = 0; code < counts.length; code++) {
      if (counts[code] === 0) continue;
      if (best.length === FACET_AUTHORS && !before(code, best[FACET_AUTHORS - 1] as number))
        continue;
      let at = best.length;
      while (at > 0 && before(code, best[at - 1] as number)) at--;
      best.splice(at, 0, code);
      if (best.length > FACET_AUTHORS) best.pop();
    }
    const described = await this.authors.describe(m, best);
    return best.flatMap((code) => {
      const a = described.get(code);
      return a ? [{ ...a, count: counts[code] as number }] : [];
    });
  }

  /**
   * What to offer for a query that finds nothing, or no paper with all its
   * words: a correction, the query less one word, the closest topics.
   */
  async suggest(
    query: string,
    options: Pick<SearchQueryOptions, 'topics' | 'year'> = {},
  ): Promise<Suggestions> {
    const m = await this.manifest();
    return suggest({ files: this.files, search: (q, o) => this.search(q, o) }, m, query, options);
  }

  private async collect(
    m: Manifest,
    s: Scratch,
    include: PlannedClause[],
    phraseCount: number,
    options: SearchQueryOptions,
    topicData: TopicCodes,
    titleRank: Uint32Array | undefined,
    authors: AuthorQuery,
    { limit, offset, sort }: { limit: number; offset: number; sort: string },
  ): Promise<SearchResult> {
    // Short queries rank documents with more of the clauses first (the
    // others still match: requiring every word costs recall, see the eval).
    const tiered = include.length > 1 && include.length <= TIERED_UP_TO;

    // One pass over the candidates: match test, filters, facet counts and
    // the best `offset + limit` by the sort key.
    const topicFilter = options.topics?.length
      ? new Set(options.topics.map((t) => m.topics.indexOf(t)).filter((i) => i >= 0))
      : undefined;
    const yearPos =
      options.year === undefined ? -2 : m.years.findIndex(([y]) => y === options.year);
    const { total } = s;
    const topicCounts = new Uint32Array(m.topics.length);
    const yearCounts = new Uint32Array(m.years.length);
    const authorCounts = authors.facet && m.authors ? new Uint32Array(m.authors.count) : undefined;
    const byDate = sort === 'date' || (sort === 'relevance' && include.length === 0);
    const byTitle = !byDate && sort === 'title' && titleRank !== undefined;
    const top = new TopK(offset + limit);
    const { matched, all } = rankCandidates({
      s,
      n: m.n,
      all: include.length === 0,
      phraseCount,
      tiered,
      byDate,
      titleRank: byTitle ? titleRank : undefined,
      topicFilter,
      yearPos,
      topicData,
      topicCounts,
      yearCounts,
      authorFilter: authors.filter,
      authorData: authors.data,
      authorCounts,
      top,
      need: include.length,
    });
    const page = top.ids.slice(offset);
    const pageScores = page.map((d) => total[d] as number);
    const missing = page.map((d) =>
      include.length > 1 ? include.filter((c) => !clauseHas(c, d)).map((c) => c.label) : [],
    );
    this.scorer.resetScratch(s);
    // ---- end of synchronous part ----

    // Terms that matched somewhere, with their weights, for highlighting;
    // a quoted phrase is highlighted where it occurs whole, not word by word.
    const termWeight = new Map<string, number>();
    const plain = new Set<string>();
    const phrases: PhraseMark[] = [];
    for (const c of include) {
      let sum = 0;
      for (const [term, w] of c.marks) {
        termWeight.set(term, Math.max(termWeight.get(term) ?? 0, w));
        if (!c.phrase) plain.add(term);
        sum += w;
      }
      if (c.phrase && c.source?.kind === 'phrase') {
        const words = [...c.source.words, ...(c.source.stops ?? [])];
        words.sort((a, b) => a.offset - b.offset);
        phrases.push({
          key: c.label,
          terms: words.map((w) => (isStopword(w.word) ? w.word : termOf(w.word))),
          offsets: words.map((w) => w.offset),
        });
        termWeight.set(c.label, sum);
      }
    }
    const terms = [...termWeight.keys()].filter((t) => !t.startsWith('"'));
    const weight = (t: string): number => termWeight.get(t) ?? 0;

    const records = await Promise.all(page.map((d) => this.files.record(m, d)));
    const texts = records.map((r) => hitText(r[2], r[7], plain, weight, phrases));
    const hits: Hit[] = records.map((r, i) => {
      const [id, slug, title, names, authorCount, date, topics, , authorSlugs] = r;
      const year = /^\d{4}/u.test(date) ? Number(date.slice(0, 4)) : undefined;
      const text = texts[i] as (typeof texts)[number];
      const hit: Hit = {
        id,
        slug,
        title,
        authors: names,
        authorCount,
        authorSlugs: authorSlugs ?? names.map(() => ''),
        topics,
        score: pageScores[i] ?? 0,
        titleMatches: text.titleMatches,
        missing: missing[i] ?? [],
        snippet: text.snippet,
        marks: text.forms,
      };
      if (date) hit.date = date;
      if (year !== undefined) hit.year = year;
      return hit;
    });

    const facets: SearchResult['facets'] = { topics: {}, years: {} };
    m.topics.forEach((t, i) => {
      if (topicCounts[i]) facets.topics[t] = topicCounts[i] as number;
    });
    m.years.forEach(([y], i) => {
      if (yearCounts[i]) facets.years[String(y)] = yearCounts[i] as number;
    });
    if (authorCounts) facets.authors = await this.authorFacet(m, authorCounts);
    return {
      total: matched,
      all: include.length === 0 ? matched : all,
      words: include.map((c) => c.label),
      hits,
      facets,
      terms: terms.sort(compareStrings),
    };
  }
}
