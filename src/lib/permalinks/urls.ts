/**
 * Every URL the site links to, in one place, so that a sub-path deployment
 * (`BASE_PATH`) and the absolute origin (`SITE_URL`) are respected everywhere.
 * Paths are the permalink contract: change them only with redirects.
 */

export interface Urls {
  /** A site path (`/papers/x/`) with the base path prefixed. */
  path(sitePath: string): string;
  /**
   * The absolute URL of a site path, for canonical links, feeds and sharing;
   * root-relative (`path`) when the site's origin is unknown (src/lib/site-url.ts).
   */
  absolute(sitePath: string): string;
  /** The absolute URL, or undefined when the origin is unknown: for what must be absolute. */
  absoluteOnly(sitePath: string): string | undefined;
  home(): string;
  papers(page?: number): string;
  paper(slug: string): string;
  topics(): string;
  topic(slug: string, page?: number): string;
  search(query?: string): string;
  authors(): string;
  author(slug: string, page?: number): string;
  /** A page of the A–Z author index (`a`–`z`, `other`). */
  authorLetter(letter: string, page?: number): string;
  /** The search for an author's papers by name (authors without a page of their own). */
  authorSearch(name: string): string;
}

/** The site path of the search for an author's papers (`author:"Name"`), before the base path. */
export function authorSearchPath(name: string): string {
  return `/search/?q=${encodeURIComponent(`author:"${name.replace(/"/g, '')}"`)}`;
}

export function createUrls(basePath: string, siteUrl: string | undefined): Urls {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  const withBase = (sitePath: string) => base + sitePath.replace(/^\/+/, '');
  const enc = encodeURIComponent;
  const origin = siteUrl?.replace(/\/+$/, '');
  const absoluteOnly = (sitePath: string) =>
    origin === undefined ? undefined : origin + withBase(sitePath);
  return {
    path: withBase,
    absolute: (sitePath) => absoluteOnly(sitePath) ?? withBase(sitePath),
    absoluteOnly,
    home: () => withBase('/'),
    papers: (page = 1) => withBase(page > 1 ? `/papers/page/${page}/` : '/papers/'),
    paper: (slug) => withBase(`/papers/${enc(slug)}/`),
    topics: () => withBase('/topics/'),
    topic: (slug, page = 1) =>
      withBase(page > 1 ? `/topics/${enc(slug)}/page/${page}/` : `/topics/${enc(slug)}/`),
    search: (query) => withBase(query ? `/search/?q=${enc(query)}` : '/search/'),
    authors: () => withBase('/authors/'),
    author: (slug, page = 1) =>
      withBase(page > 1 ? `/authors/${enc(slug)}/page/${page}/` : `/authors/${enc(slug)}/`),
    authorLetter: (letter, page = 1) =>
      withBase(
        page > 1
          ? `/authors/letter/${enc(letter)}/page/${page}/`
          : `/authors/letter/${enc(letter)}/`,
      ),
    authorSearch: (name) => withBase(authorSearchPath(name)),
  };
}
