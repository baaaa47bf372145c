/**
 * Cache keys for Astro's incremental build: a digest of everything a paper
 * page or a list page (papers, a topic, a month) shows. A rebuild reuses the
 * previous page when its key is unchanged, so a key must change whenever
 * anything on the page does: the paper itself, its neighbours' and related
 * papers' titles, its topics, its citation key and image, and the site
 * settings every page shows.
 * (Code changes are Astro's part: it hashes each route's modules.)
 */
import { createHash } from 'node:crypto';

export interface KeyedPaper {
  slug: string;
  titleHtml: string;
  contentDigest: string;
}

export interface PageKeyView<P extends KeyedPaper> {
  /** Site settings every page shows (title, description, URLs, header links). */
  site: unknown;
  paper(slug: string): P | undefined;
  neighbours(slug: string): { prev: P | undefined; next: P | undefined };
  topics(slug: string): unknown[];
  related(slug: string): { paper: P; terms: string[] }[];
  citeKey(slug: string): string | undefined;
  image(slug: string): string;
  /** What a slug that no longer has a paper shows (a redirect, a removal notice). */
  gone(slug: string): unknown;
  /**
   * Fields of a paper its pages do not show (where it was read from, its
   * position in the list): left out, so that moving or renaming the list file
   * does not re-render every page.
   */
  hidden: readonly string[];
  /**
   * Fields the loader derives from the fields `contentDigest` covers (the
   * cleaned title and abstract): their plain text, HTML and whether they hold
   * math. The key holds that digest instead of their text, most of a paper's
   * bytes; `site` must then hold the digest of the deriving code.
   */
  derived: readonly string[];
}

const digest = (value: unknown) =>
  createHash('sha1').update(JSON.stringify(value)).digest('base64url');

const titleOf = (p: KeyedPaper | undefined) => (p ? [p.slug, p.titleHtml] : null);

export function createPageKeys<P extends KeyedPaper>(view: PageKeyView<P>) {
  const site = digest(view.site);
  const left = new Set([...view.hidden, ...view.derived]);
  // A paper shows on its page and as a card on several list pages (all
  // papers, its topics, its month): its digest is made once. Keys first,
  // then values: a field left out is never read (derived ones are getters).
  const cards = new Map<string, string>();
  const card = (paper: P) => {
    let key = cards.get(paper.slug);
    if (key === undefined) {
      const shown = Object.keys(paper)
        .filter((k) => !left.has(k))
        .map((k) => [k, paper[k as keyof P]]);
      key = digest([shown, view.topics(paper.slug)]);
      cards.set(paper.slug, key);
    }
    return key;
  };
  return {
    /** The key of `/papers/<slug>/`. */
    page(slug: string): string {
      const paper = view.paper(slug);
      if (!paper) return digest([site, slug, view.gone(slug)]);
      const { prev, next } = view.neighbours(slug);
      return digest([
        site,
        card(paper), // the paper and its topics
        titleOf(prev),
        titleOf(next),
        view.related(slug).map((r) => [titleOf(r.paper), r.terms]),
        view.citeKey(slug) ?? null,
        view.image(slug),
      ]);
    },
    /**
     * The key of a page listing `papers` as cards; `frame` is everything else
     * the page shows (its position among the pages, counts, a topic's
     * description, related topics and minimap).
     */
    list(frame: unknown, papers: readonly P[]): string {
      return digest([site, frame, papers.map(card)]);
    },
  };
}

/**
 * `path` (an entry of `getStaticPaths`) with its `cacheKey` made when first
 * read: Astro reads it once per page, when it lists the pages, and a
 * `getStaticPaths` called only for props never pays for it.
 */
export function withCacheKey<T extends object>(
  path: T,
  key: () => string,
): T & { cacheKey: string } {
  let made: string | undefined;
  return Object.defineProperty(path, 'cacheKey', {
    get: () => (made ??= key()),
    enumerable: true,
  }) as T & { cacheKey: string };
}
