/**
 * The site's authors, for the collection model: what the pipeline decided
 * (src/lib/authors/site.ts: identity, pages, slugs) joined with the papers
 * and topics, computed once per build and shared by every route. An
 * author's co-authors and topics are counted when a page first asks.
 */
import { indexLetter } from './authors/names.ts';
import {
  authorsDataFile,
  readAuthorsData,
  type SiteAuthor,
  type SiteAuthorsData,
} from './authors/site.ts';
import type { StoredPaper } from './content/schema.ts';
import type { AuthorEntry } from './permalinks/authors.ts';
import { config } from './site.ts';

export interface AuthorView extends SiteAuthor {
  id: number;
}

/** A name as the paper prints it, and the author it is. */
export interface PrintedAuthor {
  name: string;
  author: AuthorView | undefined;
}

export interface SiteAuthorsView<P> {
  /** What the pipeline wrote (the search index reads every author and each paper's). */
  data: SiteAuthorsData;
  /** Every author, with or without a page. */
  all: readonly AuthorView[];
  /** Authors with a page, A–Z by family name. */
  paged: readonly AuthorView[];
  bySlug: ReadonlyMap<string, AuthorView>;
  /** Paged authors by index letter (`a`–`z`, `other`), A–Z. */
  letters: ReadonlyMap<string, AuthorView[]>;
  /** Authors with at least this many papers have a page, and why (pages.ts). */
  min: number;
  rule: 'setting' | 'all' | 'share';
  /** Slugs of names the authors file split, with the people they became. */
  splits: ReadonlyMap<string, { name: string; into: AuthorView[] }>;
  authorsOf(paper: P): PrintedAuthor[];
  /** An author's papers, newest first when the list has dates. */
  papersOf(slug: string): P[];
  /** Co-authors, most shared papers first. */
  coauthorsOf(slug: string): { author: AuthorView; count: number }[];
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** `ordered`: the papers in the order lists show them. */
export function buildSiteAuthors<P extends Pick<StoredPaper, 'index' | 'slug' | 'authors'>>(
  ordered: readonly P[],
  entries: Readonly<Record<string, AuthorEntry>>,
): SiteAuthorsView<P> {
  const file = authorsDataFile(config.cacheDir, config.permalinks);
  const data = readAuthorsData(file);
  if (data.papers !== ordered.length)
    throw new Error(
      `${file}: made for ${data.papers} papers, the collection has ${ordered.length}. Build again with \`npm run build\`.`,
    );
  // Ids given in place: a copy of every author (175,173 at 74,728 papers) in each rendering thread is memory for nothing.
  const all = data.authors as AuthorView[];
  all.forEach((a, id) => (a.id = id));
  const idsOf = (p: P): number[] => data.byPaper[p.index] ?? [];
  const papersOf = new Map<number, P[]>();
  for (const a of all) if (a.slug !== undefined) papersOf.set(a.id, []);
  for (const p of ordered)
    for (const id of idsOf(p)) {
      const list = papersOf.get(id);
      // One person printed twice on a paper (two spellings the authors file merges) lists it once.
      if (list && list[list.length - 1] !== p) list.push(p);
    }
  const paged = all
    .filter((a) => a.slug !== undefined)
    .sort((a, b) => collator.compare(a.family, b.family) || collator.compare(a.name, b.name));
  const bySlug = new Map(paged.map((a) => [a.slug as string, a]));
  const letters = new Map<string, AuthorView[]>();
  for (const a of paged) {
    const letter = indexLetter(a.family);
    const list = letters.get(letter);
    if (list) list.push(a);
    else letters.set(letter, [a]);
  }
  const splits = new Map<string, { name: string; into: AuthorView[] }>();
  for (const [slug, e] of Object.entries(entries))
    if (e.status === 'split')
      splits.set(slug, {
        name: e.name,
        into: e.into.flatMap((s) => (bySlug.has(s) ? [bySlug.get(s) as AuthorView] : [])),
      });

  const theirPapers = (slug: string) => {
    const a = bySlug.get(slug);
    return a ? (papersOf.get(a.id) ?? []) : [];
  };
  const coauthors = new Map<string, { author: AuthorView; count: number }[]>();
  return {
    data,
    all,
    paged,
    bySlug,
    letters,
    min: data.min,
    rule: data.rule,
    splits,
    authorsOf: (paper) =>
      paper.authors.map((name, i) => {
        const id = idsOf(paper)[i] ?? -1;
        return { name, author: all[id] };
      }),
    papersOf: theirPapers,
    coauthorsOf(slug) {
      let list = coauthors.get(slug);
      if (list) return list;
      const self = bySlug.get(slug)?.id;
      const counts = new Map<number, number>();
      for (const p of theirPapers(slug))
        for (const id of new Set(idsOf(p)))
          if (id !== self && id >= 0) counts.set(id, (counts.get(id) ?? 0) + 1);
      list = [...counts]
        .map(([id, count]) => ({ author: all[id] as AuthorView, count }))
        .sort((a, b) => b.count - a.count || collator.compare(a.author.name, b.author.name));
      coauthors.set(slug, list);
      return list;
    },
  };
}
