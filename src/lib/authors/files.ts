/**
 * The files each author page has beside it: an RSS feed of their newest
 * papers (`/authors/<slug>/feed.xml`, @astrojs/rss as the other feeds) and a
 * BibTeX file of all their papers (`/authors/<slug>.bib`, the citation
 * module); and the redirect pages of author slugs that moved or lost their
 * page. Pure functions of plain data: the build stages them on its pool (one
 * route per author would cost minutes at 25,000 authors), development serves
 * them through routes that call the same functions.
 */
import { toBibtexFile, type BibtexEntryMemo } from '../cite/index.ts';
import { feedItems, feedText, type FeedPaper } from '../feeds.ts';
import type { SluggedPaper } from '../paper.ts';
import type { AuthorEntry } from '../permalinks/authors.ts';
import { redirectPage } from '../permalinks/redirect-page.ts';
import { authorSearchPath, type Urls } from '../permalinks/urls.ts';
import type { StagedFile } from '../staging.ts';

/** An author's feed lists their newest papers: a person's feed need not be an archive. */
export const AUTHOR_FEED_LIMIT = 10;

/** What feeds and BibTeX read of a paper. */
export type AuthorFilePaper = FeedPaper & {
  title: string;
  doi?: string | undefined;
  categories: string[];
};

export interface PagedAuthor {
  slug: string;
  name: string;
}

export function authorFeed(
  author: PagedAuthor,
  papers: readonly AuthorFilePaper[],
  urls: Urls,
  siteTitle: string,
): Promise<string> {
  return feedText({
    title: `${siteTitle}: papers by ${author.name}`,
    description: `The newest papers by ${author.name} in ${siteTitle}.`,
    site: urls.absolute(`/authors/${author.slug}/`),
    items: feedItems(
      papers,
      (slug) => urls.absolute(`/papers/${slug}/`),
      undefined,
      AUTHOR_FEED_LIMIT,
    ),
    customData: '<language>en</language>',
  });
}

export function authorBibtex(
  author: PagedAuthor,
  papers: readonly AuthorFilePaper[],
  urls: Urls,
  siteTitle: string,
  memo?: BibtexEntryMemo,
): string {
  return toBibtexFile(
    // Citations read only the Paper fields a record has (as citations.ts).
    papers as unknown as SluggedPaper[],
    (p) => urls.absolute(`/papers/${p.slug}/`),
    {
      header: `${siteTitle}: papers by ${author.name} (${papers.length})`,
      ...(memo ? { memo } : {}),
    },
  );
}

/** The pages of author slugs that no longer show an author: redirects, and searches for the name. */
export function* authorRedirectFiles(
  entries: Readonly<Record<string, AuthorEntry>>,
  urls: Urls,
): Iterable<StagedFile> {
  for (const [slug, entry] of Object.entries(entries)) {
    if (entry.status === 'redirect') {
      yield {
        path: `authors/${slug}/index.html`,
        body: redirectPage(
          urls.author(entry.to),
          urls.absolute(`/authors/${entry.to}/`),
          entry.name,
        ),
      };
    } else if (entry.status === 'unlisted') {
      const to = authorSearchPath(entry.name);
      yield {
        path: `authors/${slug}/index.html`,
        body: redirectPage(urls.path(to), urls.absolute(to), `papers by ${entry.name}`),
      };
    }
  }
}

/** Feed and BibTeX of every author with a page; `papers` in list order, authors' papers as indices. */
export async function* authorFiles(
  authors: readonly (PagedAuthor & { papers: readonly number[] })[],
  papers: readonly AuthorFilePaper[],
  urls: Urls,
  siteTitle: string,
): AsyncIterable<StagedFile> {
  const memo: BibtexEntryMemo = new Map();
  for (const author of authors) {
    const theirs = author.papers.flatMap((i) => (papers[i] ? [papers[i]] : []));
    yield {
      path: `authors/${author.slug}/feed.xml`,
      body: await authorFeed(author, theirs, urls, siteTitle),
    };
    yield {
      path: `authors/${author.slug}.bib`,
      body: authorBibtex(author, theirs, urls, siteTitle, memo),
    };
  }
}
