/**
 * What an author page shows besides its paper cards, computed once per
 * author: their co-authors and topics (the most shared first, capped), the
 * years they published in. The page and its cache key both read it.
 */
import type { Model, ModelPaper } from './model.ts';
import type { AuthorView } from './site-authors.ts';
import type { Topic } from './site-topics.ts';

/** Co-authors and topics an author page lists; the rest are counted. */
export const SHOWN_COAUTHORS = 20;
export const SHOWN_TOPICS = 12;

export interface AuthorPage {
  author: AuthorView;
  papers: ModelPaper[];
  coauthors: { author: AuthorView; count: number }[];
  moreCoauthors: number;
  topics: { topic: Topic; count: number }[];
  /** First and last year of their dated papers. */
  years: [string, string] | undefined;
}

export function authorPage(model: Model, slug: string): AuthorPage | undefined {
  const author = model.authors.bySlug.get(slug);
  if (!author) return undefined;
  const papers = model.authors.papersOf(slug);
  const coauthors = model.authors.coauthorsOf(slug);
  const years = papers.flatMap((p) => (p.date ? [p.date.slice(0, 4)] : [])).sort();
  return {
    author,
    papers,
    coauthors: coauthors.slice(0, SHOWN_COAUTHORS),
    moreCoauthors: Math.max(0, coauthors.length - SHOWN_COAUTHORS),
    topics: model.authorTopics(slug).slice(0, SHOWN_TOPICS),
    years: years.length > 0 ? [years[0] as string, years[years.length - 1] as string] : undefined,
  };
}

/** Everything the page shows but its cards, for its cache key. */
export function authorPageFrame(page: AuthorPage): unknown {
  return [
    page.author,
    page.coauthors.map((c) => [c.author.slug ?? null, c.author.name, c.count]),
    page.moreCoauthors,
    page.topics.map((t) => [t.topic.slug, t.topic.name, t.count]),
    page.years,
  ];
}
