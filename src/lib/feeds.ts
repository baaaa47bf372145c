/**
 * RSS feed items for a set of papers: newest first when the list has dates,
 * list order otherwise, capped so a feed of a 75,000-paper archive stays small.
 */
import rss, { getRssString, type RSSFeedItem, type RSSOptions } from '@astrojs/rss';

export const FEED_LIMIT = 100;

export interface FeedPaper {
  slug: string;
  index: number;
  plainTitle: string;
  plainAbstract: string;
  authors: string[];
  date?: string | undefined;
  topics?: string[];
}

/** The papers a feed lists, in feed order. */
export function feedPapers<P extends FeedPaper>(papers: readonly P[], limit = FEED_LIMIT): P[] {
  const dated = papers.some((p) => p.date);
  const ordered = dated
    ? [...papers].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.index - b.index)
    : [...papers];
  return ordered.slice(0, limit);
}

export function feedItems(
  papers: readonly FeedPaper[],
  absoluteUrl: (slug: string) => string,
  topicName: (slug: string) => string | undefined = () => undefined,
  limit = FEED_LIMIT,
): RSSFeedItem[] {
  return feedPapers(papers, limit).map((p) => {
    const item: RSSFeedItem = {
      title: p.plainTitle,
      link: absoluteUrl(p.slug),
      description: p.plainAbstract,
    };
    if (p.date)
      item.pubDate = new Date(`${p.date.length === 4 ? `${p.date}-01-01` : p.date}T00:00:00Z`);
    if (p.authors.length > 0) item.author = p.authors.join(', ');
    const categories = (p.topics ?? []).map((t) => topicName(t) ?? t);
    if (categories.length > 0) item.categories = categories;
    return item;
  });
}

/** Stands in for an unknown origin while @astrojs/rss (which needs an absolute `site`) writes the feed. */
const NO_ORIGIN = 'https://origin.invalid';

/**
 * An RSS response. When the site's origin is unknown (`site` is then a
 * root-relative path, src/lib/site-url.ts), the feed's links are written
 * root-relative, never as localhost.
 */
export async function feed(options: RSSOptions & { site: string }): Promise<Response> {
  if (!options.site.startsWith('/')) return rss(options);
  const response = await rss({ ...options, site: NO_ORIGIN + options.site });
  return new Response((await response.text()).replaceAll(NO_ORIGIN, ''), {
    headers: response.headers,
  });
}

/** The text of a feed (for files written outside Astro's routes), root-relative links as `feed`'s. */
export async function feedText(options: RSSOptions & { site: string }): Promise<string> {
  if (!options.site.startsWith('/')) return getRssString(options);
  return (await getRssString({ ...options, site: NO_ORIGIN + options.site })).replaceAll(
    NO_ORIGIN,
    '',
  );
}
