/**
 * Author permalinks. An author keeps their slug for good: the registry
 * records each published slug with the key of the name it belongs to
 * (authors/names.ts), and a later build gives the slug back to that key.
 * A slug whose author was merged into another (the authors file, or an
 * initial joined to a full name) or renamed (a new `slug` in the file)
 * redirects; a name the authors file splits lists the people it became; an
 * author without a page any more (too few papers, or gone from the list) is
 * sent to a search for their name. Published slugs are never given to
 * another name.
 */
import slugify from '@sindresorhus/slugify';
import { capSlug, shortHash } from '../ingest/slug.ts';
import { fold } from '../text/fold.ts';

export type AuthorEntry =
  | { status: 'live'; name: string; key: string }
  | { status: 'redirect'; to: string; name: string; key: string }
  | { status: 'split'; into: string[]; name: string; key: string }
  | { status: 'unlisted'; name: string; key: string };

export interface PagedAuthor {
  key: string;
  /** Keys of every spelling the author gathers. */
  members: readonly string[];
  name: string;
  /** A slug the authors file asks for. */
  slug?: string | undefined;
}

export interface SplitName {
  key: string;
  name: string;
  /** Keys of the people it was split into (those with pages). */
  parts: readonly string[];
}

/** The slug a name asks for: folded, transliterated, hyphenated, at most 80 characters. */
export function authorSlug(name: string, key: string): string {
  const slug = capSlug(slugify(fold(name), { decamelize: false }));
  return slug === '' ? `author-${shortHash(key, 8)}` : slug;
}

/** The authors file asks for a slug another author published: URLs are permanent. */
export class AuthorSlugError extends Error {
  override readonly name = 'AuthorSlugError';
}

const RANK = { live: 0, unlisted: 1, split: 2, redirect: 3 } as const;

export function resolveAuthorPermalinks(
  paged: readonly PagedAuthor[],
  splits: readonly SplitName[],
  previous: Readonly<Record<string, AuthorEntry>>,
  reserved: readonly string[] = [],
): { entries: Record<string, AuthorEntry>; slugOf: Map<string, string>; notes: string[] } {
  // The slug each key had, its live one first.
  const published = new Map<string, string>();
  for (const [slug, e] of Object.entries(previous).sort(
    ([a, x], [b, y]) => RANK[x.status] - RANK[y.status] || (a < b ? -1 : 1),
  ))
    if (!published.has(e.key)) published.set(e.key, slug);

  const used = new Set([...reserved, ...Object.keys(previous)]);
  const assigned = new Set<string>();
  const slugOf = new Map<string, string>();
  const take = (author: PagedAuthor, slug: string) => {
    slugOf.set(author.key, slug);
    assigned.add(slug);
    used.add(slug);
  };
  const ordered = [...paged].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const author of ordered) {
    if (author.slug === undefined) continue;
    // Own properties only: a slug may be `constructor`.
    const owner = Object.hasOwn(previous, author.slug) ? previous[author.slug] : undefined;
    if (
      (owner && !author.members.includes(owner.key)) ||
      assigned.has(author.slug) ||
      reserved.includes(author.slug)
    )
      throw new AuthorSlugError(
        `The authors file gives "${author.name}" the slug "${author.slug}", which belongs to ${owner ? `"${owner.name}"` : 'another page'}: author URLs are permanent, choose another slug.`,
      );
    take(author, author.slug);
  }
  for (const author of ordered) {
    if (slugOf.has(author.key)) continue;
    const mine = published.get(author.key);
    if (mine !== undefined && !assigned.has(mine)) {
      take(author, mine);
      continue;
    }
    const base = authorSlug(author.name, author.key);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${capSlug(base, 74)}-${n}`;
    take(author, slug);
  }

  const entries = new Map<string, AuthorEntry>();
  const slugOfMember = new Map<string, string>();
  for (const author of paged) {
    const slug = slugOf.get(author.key) as string;
    entries.set(slug, { status: 'live', name: author.name, key: author.key });
    for (const m of author.members) if (!slugOfMember.has(m)) slugOfMember.set(m, slug);
  }
  const splitOf = new Map(splits.map((s) => [s.key, s]));
  const notes: string[] = [];
  let unlisted = 0;
  for (const [slug, before] of Object.entries(previous)) {
    if (entries.has(slug)) continue;
    const { name, key } = before;
    const to = slugOfMember.get(key);
    const split = splitOf.get(key);
    const into = split?.parts.flatMap((k) => (slugOf.has(k) ? [slugOf.get(k) as string] : []));
    let entry: AuthorEntry;
    if (to !== undefined) entry = { status: 'redirect', to, name, key };
    else if (into && into.length > 0) entry = { status: 'split', into, name, key };
    else entry = { status: 'unlisted', name, key };
    entries.set(slug, entry);
    if (JSON.stringify(entry) === JSON.stringify(before)) continue;
    if (entry.status === 'redirect')
      notes.push(`author: /authors/${slug}/ now redirects to /authors/${entry.to}/`);
    else if (entry.status === 'split')
      notes.push(`author: /authors/${slug}/ now lists the people "${name}" was split into`);
    else unlisted += 1;
  }
  if (unlisted > 0)
    notes.push(
      `author: ${unlisted} published author page${unlisted === 1 ? '' : 's'} now lead${unlisted === 1 ? 's' : ''} to a search for the name (too few papers for a page, or gone from the list)`,
    );
  const sorted = Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : 1)));
  return { entries: sorted, slugOf, notes };
}
