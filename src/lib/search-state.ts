/**
 * A search as a URL: `/search/?q=...&topic=a&topic=b&year=2024&sort=date&page=2`.
 * Pure, so the search page, the header box and the tests agree on it.
 */
import { authorFilters, authorKey } from './search/author-keys.ts';
import type { SortOrder } from './search/types.ts';

export interface SearchState {
  q: string;
  topics: string[];
  year: number | undefined;
  sort: SortOrder;
  page: number;
}

export const PAGE_SIZE = 20;
const SORTS: readonly SortOrder[] = ['relevance', 'title', 'date'];

export function emptyState(): SearchState {
  return { q: '', topics: [], year: undefined, sort: 'relevance', page: 1 };
}

/** Reads a search from URL parameters, ignoring what is malformed. */
export function parseState(params: URLSearchParams): SearchState {
  const year = Number(params.get('year'));
  const sort = params.get('sort') as SortOrder | null;
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').slice(0, 500),
    topics: [...new Set(params.getAll('topic').filter((t) => /^[a-z0-9-]{1,120}$/.test(t)))].sort(),
    year: Number.isInteger(year) && year >= 1000 && year <= 2999 ? year : undefined,
    sort: sort && SORTS.includes(sort) ? sort : 'relevance',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The query string of a search (defaults left out, so links stay short). */
export function stateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const t of [...state.topics].sort()) params.append('topic', t);
  if (state.year !== undefined) params.set('year', String(state.year));
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return stateToParams(a).toString() === stateToParams(b).toString();
}

/**
 * `query` with `author:"name"` added, or removed when it is there (under any
 * spelling with the same key): the author facet keeps its filter in the
 * query, and so in the URL.
 */
export function toggleAuthor(query: string, name: string): string {
  const key = authorKey(name);
  const { authors, rest } = authorFilters(query);
  const kept = authors.filter((a) => authorKey(a) !== key);
  const next = kept.length === authors.length ? [...authors, name] : kept;
  const clauses = next.map((a) => `author:"${a.replace(/"/g, '')}"`);
  return [...clauses, rest.replace(/\s+/g, ' ').trim()].filter(Boolean).join(' ');
}
