/**
 * The search engine: one module for the build, the browser and the
 * evaluation tools. `build.ts` makes static index files from documents;
 * `SearchClient` fetches them lazily and answers queries.
 */
export type {
  AuthorFacet,
  BuiltSearchIndex,
  Hit,
  Range,
  SearchAuthor,
  SearchDoc,
  SearchIndexFile,
  SearchIndexStats,
  SearchOptions,
  SearchQueryOptions,
  SearchResult,
  SortOrder,
} from './types.ts';
export { buildSearchIndex, DEFAULT_SEARCH_OPTIONS } from './build.ts';
export { SearchClient, type Loader, type SearchClientOptions } from './client.ts';
export { highlightRanges } from './highlight.ts';
export { parseQuery, type Clause, type ParsedQuery } from './query.ts';
export { authorFilters, authorKey } from './author-keys.ts';
export type { AuthorSuggestion } from './format.ts';
