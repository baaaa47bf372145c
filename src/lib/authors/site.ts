/**
 * The site's authors, as the build pipeline leaves them for the collection
 * model: identity (identity.ts) plus who gets a page (pages.ts) and at which
 * slug (permalinks/authors.ts), in one file per list. The pipeline computes
 * it once (`siteAuthors`) and writes it; the model only reads it.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../atomic-write.ts';
import { listCacheFile } from '../list-cache.ts';
import { resolveAuthorPermalinks, type AuthorEntry } from '../permalinks/authors.ts';
import type { AuthorIdentity } from './identity.ts';
import { authorPageMinimum, type PageMinimum } from './pages.ts';

/** Paths under /authors/ that are pages of their own, never author slugs. */
export const RESERVED_AUTHOR_SLUGS = ['letter'];

export interface SiteAuthor {
  name: string;
  /** Their page's slug, when they have a page. */
  slug?: string;
  /** Folded family name, for the A–Z index. */
  family: string;
  /** Number of papers. */
  count: number;
  orcid?: string;
  homepage?: string;
  /** Perhaps several people (several.ts). */
  several?: true;
  /** Keys of the other spellings this author gathers (merged initials, the authors file's aliases). */
  aliases?: string[];
}

export interface SiteAuthorsData extends PageMinimum {
  version: 1;
  /** Number of papers, to check the file against the records. */
  papers: number;
  authors: SiteAuthor[];
  /** Per paper (in list order), per printed name: the index in `authors`, or -1. */
  byPaper: number[][];
  /** Initial-only forms joined to a full name. */
  joined: number;
}

export interface SiteAuthors {
  data: SiteAuthorsData;
  /** The registry's author entries after this build. */
  entries: Record<string, AuthorEntry>;
  notes: string[];
  /** Authors with pages: slug, name and their papers (indices in list order). */
  paged: { slug: string; name: string; papers: number[] }[];
}

/** Who gets a page, at which slug; the data the model reads. */
export function siteAuthors(
  identity: AuthorIdentity,
  options: {
    papers: number;
    otherPages: number;
    setting: number | undefined;
    previous: Readonly<Record<string, AuthorEntry>>;
  },
): SiteAuthors {
  const { authors } = identity;
  const minimum = authorPageMinimum(
    authors.map((a) => a.papers.length),
    options,
  );
  // The authors file's people always get a page.
  const withPage = authors.filter((a) => a.named || a.papers.length >= minimum.min);
  const { entries, slugOf, notes } = resolveAuthorPermalinks(
    withPage,
    identity.splits.map((s) => ({
      key: s.key,
      name: s.name,
      parts: s.parts.flatMap((id) => (authors[id] ? [authors[id].key] : [])),
    })),
    options.previous,
    RESERVED_AUTHOR_SLUGS,
  );
  const data: SiteAuthorsData = {
    version: 1,
    papers: options.papers,
    ...minimum,
    authors: authors.map((a) => {
      const slug = slugOf.get(a.key);
      return {
        name: a.name,
        ...(slug === undefined ? {} : { slug }),
        family: a.family,
        count: a.papers.length,
        ...(a.orcid ? { orcid: a.orcid } : {}),
        ...(a.homepage ? { homepage: a.homepage } : {}),
        ...(a.several ? { several: true as const } : {}),
        ...(a.members.length > 1 ? { aliases: a.members.filter((k) => k !== a.key) } : {}),
      };
    }),
    byPaper: identity.byPaper,
    joined: identity.joined.length,
  };
  const paged = withPage.map((a) => ({
    slug: slugOf.get(a.key) as string,
    name: a.name,
    papers: a.papers,
  }));
  return { data, entries, notes, paged };
}

/** Where the authors of the list whose registry is `registryFile` are kept. */
export function authorsDataFile(cacheDir: string, registryFile: string): string {
  return listCacheFile(cacheDir, 'authors', registryFile, 'json');
}

export function writeAuthorsData(file: string, data: SiteAuthorsData): void {
  writeFileAtomic(file, JSON.stringify(data));
}

export function readAuthorsData(file: string): SiteAuthorsData {
  const data = JSON.parse(readFileSync(file, 'utf8')) as SiteAuthorsData;
  if (data.version !== 1) throw new Error(`${file}: not an authors file of this version`);
  return data;
}
