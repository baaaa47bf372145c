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
  };
}
