/**
 * Public types of the search engine. The same module is used by the build
 * (making the static index files), by the browser and by the evaluation and
 * benchmark tools, so what is measured is what visitors get.
 */

/** One paper as the search index sees it. Every string is plain text. */
export interface SearchDoc {
  /** The caller's own id, returned unchanged in hits. */
  id: number;
  slug: string;
  title: string;
  abstract: string;
  authors?: string[];
  /**
   * Who the authors are: for `authors[i]`, an index into the authors given
   * to the build (`SearchAuthor`), or -1. Drives the author facet, the
   * `author:` filter and links from hits to author pages.
   */
  people?: number[];
  /** ISO date `YYYY-MM-DD` (a bare `YYYY` or `YYYY-MM` also works). */
  date?: string;
  /** Topic slugs. */
  topics?: string[];
}

/** An author as the site knows them. */
export interface SearchAuthor {
  name: string;
  /** Their page's slug, when they have a page. */
  slug?: string | undefined;
  /** Number of papers. */
  count: number;
  /** Keys of every spelling of their name (see author-keys.ts), their own first. */
  keys: string[];
}

/** An author in the facet: name, page slug (`''`: none), papers in all and among the matches. */
export interface AuthorFacet {
  name: string;
  slug: string;
  papers: number;
  count: number;
}

/** Build-time knobs. The ranking ones are baked into the index files. */
export interface SearchOptions {
  /** BM25 term-frequency saturation. */
  k1: number;
  /** BM25 length normalisation of the title field. */
  bTitle: number;
  /** BM25 length normalisation of the abstract field. */
  bAbstract: number;
  /** Weight of a title occurrence against an abstract one (BM25F). */
  titleWeight: number;
  /**
   * Number of impact levels a posting is quantised to (at most 64): the
   * resolution of the shards' FlexSearch `Index`, one score slot a level.
   */
  resolution: number;
  /**
   * Target size in characters of one shard, a FlexSearch `Index` export (a
   * single huge entry gets a shard of its own).
   */
  shardChars: number;
  /** Target size in characters of one lexicon file (files only split between first letters). */
  lexiconChars: number;
  /**
   * Documents per doc-record file; `0` picks 4, or more from ~19,000
   * documents on so that records take at most ~4,700 files (16 at 74,728):
   * a page of 20 hits fetches up to 20 record files.
   */
  docChunk: number;
  /** Authors kept per document record. */
  maxAuthors: number;
  /**
   * Smallest document frequency of a word listed in the lexicon (which serves
   * prefix completion and typo correction); `0` picks 1 for small collections
   * and 2 from 5,000 documents on. Rarer words remain searchable exactly.
   */
  lexiconMinDf: number;
  /**
   * Collections of at least this many documents get word-pair entries and
   * position files for phrase queries; smaller ones check phrases in the
   * document records, which keeps their whole index small.
   */
  positionsMinDocs: number;
  /** Target size in characters of one position file. */
  positionChars: number;
  /**
   * Smallest document frequency of an indexed word pair (a quoted phrase of
   * indexed pairs is answered without positions); `0` picks n / 1500, at
   * least 8 (in a small collection a phrase is checked in the few records
   * that have its words, and each pair costs index bytes).
   */
  pairMinDf: number;
  /** Largest distance of an indexed pair (2 = one stop word between). */
  pairMaxGap: number;
}

/** One file of the built index, to be served under `/search-index/<path>`. */
export interface SearchIndexFile {
  path: string;
  body: string;
}

export interface SearchIndexStats {
  docs: number;
  /** Distinct index terms (stems and hyphen compounds). */
  terms: number;
  /** Word pairs indexed as entries of their own (for quoted phrases). */
  pairs: number;
  /** (entry, document) pairs, entries being terms and word pairs. */
  postings: number;
  /** Words listed in the lexicon. */
  lexiconWords: number;
  shards: number;
  files: number;
  /** Characters of all files, and of each kind of file. */
  chars: { total: number; index: number; docs: number };
  buildMs: number;
}

export interface BuiltSearchIndex {
  files: SearchIndexFile[];
  stats: SearchIndexStats;
}

export type SortOrder = 'relevance' | 'title' | 'date';

export interface SearchQueryOptions {
  /** Keep documents with at least one of these topic slugs. */
  topics?: string[];
  /** Keep documents of this year. */
  year?: number;
  /** Count the authors of the matches (`facets.authors`): fetches every document's author codes. */
  authorFacet?: boolean;
  /** `relevance` (default), `title` (A-Z) or `date` (newest first). */
  sort?: SortOrder;
  /** Hits returned (default 20). */
  limit?: number;
  offset?: number;
  /**
   * `true` for a submitted query: every word is complete. `false` (default)
   * while typing: the last word is also a prefix unless the query ends in a
   * space or a quote.
   */
  complete?: boolean;
}

/** `[start, end)` character offsets into a string. */
export type Range = [number, number];

export interface Hit {
  /** The `SearchDoc.id` given at build time. */
  id: number;
  slug: string;
  title: string;
  /** The first authors (up to `maxAuthors`). */
  authors: string[];
  /** How many authors the paper has in all. */
  authorCount: number;
  /** The page slug of each of `authors` (`''`: no page). */
  authorSlugs: string[];
  date?: string;
  year?: number;
  topics: string[];
  /** Relevance score (0 when the query has no words, e.g. a pure filter). */
  score: number;
  /** Matched words in `title`. */
  titleMatches: Range[];
  /** Query words (as written, folded; a phrase in quotes) the paper does not contain. */
  missing: string[];
  /** A piece of the abstract around the best match, and the matched words in it. */
  snippet: { text: string; matches: Range[] };
  /**
   * The matched words and phrases as written in the title and the whole
   * abstract, lower-cased (`tickets`, `pruned`, `state-of-the-art`): what
   * the paper page highlights.
   */
  marks: string[];
}

export interface SearchResult {
  /** Documents that match the query and filters (any of its words). */
  total: number;
  /**
   * Of those, the documents that contain every query word, in some form the
   * engine accepts (stem, typo correction, completion of the word typed):
   * they rank first in queries of up to four words.
   */
  all: number;
  /** The query's words (folded; phrases in quotes), as `Hit.missing` names them. */
  words: string[];
  hits: Hit[];
  /**
   * Counts over all matches: `topics` with the year filter applied (not the
   * topic one), `years` with the topic filter applied (not the year one).
   */
  facets: {
    topics: Record<string, number>;
    years: Record<string, number>;
    /** The most frequent authors of the matches (with `authorFacet`), most first. */
    authors?: AuthorFacet[];
  };
  /** Index terms that matched (stems and compounds); see `highlightRanges`. */
  terms: string[];
}
