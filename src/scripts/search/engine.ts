/**
 * The browser's search engine: the same SearchClient the build and the
 * evaluation use, fetching index files lazily from /search-index/ (nothing
 * is fetched until a visitor focuses a search box or types).
 */
import { SearchClient } from '../../lib/search/client.ts';

import { base } from './base.ts';

export interface Facets {
  hasDates: boolean;
  topics: Record<string, string>;
}

let client: SearchClient | undefined;
let facets: Promise<Facets> | undefined;

// The manifest and facets are revalidated on every visit (they name the
// build's other files, whose names carry a hash of their content and may be
// cached for good): a cached manifest is never paired with another build's files.
const FRESH = new Set(['manifest.json', 'facets.json']);

async function fetchText(path: string): Promise<string> {
  const response = await fetch(
    `${base}search-index/${path}`,
    FRESH.has(path) ? { cache: 'no-cache' } : {},
  );
  if (!response.ok) throw new Error(`search index: ${path} answered ${response.status}`);
  return response.text();
}

export function getClient(): SearchClient {
  client ??= new SearchClient(fetchText);
  return client;
}

export function getFacets(): Promise<Facets> {
  facets ??= fetchText('facets.json').then((text) => JSON.parse(text) as Facets);
  return facets;
}

/** Starts loading what every query needs, e.g. when a search box gets focus. */
export function warmUp(): void {
  void getClient()
    .manifest()
    .catch(() => undefined);
  void getFacets().catch(() => undefined);
}
