/**
 * Author names as the index looks them up, shared by the build and the
 * client: a name's key (folded words, "Last, First" turned round), the
 * bucket file a key is in, and the prefixes of a name's words. The site
 * passes each author's keys (src/lib/authors/names.ts makes the same keys,
 * with LaTeX and initials handled too); a query's `author:"…"` is keyed here.
 * Small on purpose: the search page's script imports it without the engine.
 */
import { fold } from '../text/fold.ts';

/** `Liu, Yang` / `YANG  LIU` / `Yang Liu` -> `yang liu`. */
export function authorKey(name: string): string {
  const parts = name.split(',');
  const turned = parts.length === 2 ? `${parts[1] ?? ''} ${parts[0] ?? ''}` : name;
  return fold(turned)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Which of `buckets` key files holds `key` (FNV-1a of its code units). */
export function bucketOf(key: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % Math.max(1, buckets);
}

/** Characters of a name word that pick its prefix file. */
export const PREFIX_CHARS = 2;

/** The prefix files a key's words are listed in. */
export function prefixesOf(key: string): string[] {
  return [
    ...new Set(
      key
        .split(' ')
        .filter(Boolean)
        .map((w) => w.slice(0, PREFIX_CHARS)),
    ),
  ];
}

/** Whether every typed word begins some word of `key` (`yan li` suggests `yang liu`). */
export function keyMatches(key: string, typed: readonly string[]): boolean {
  const words = key.split(' ');
  return typed.every((t) => words.some((w) => w.startsWith(t)));
}

// `author:"Yang Liu"` (the closing quote may be missing while typing) or `author:Liu`.
const AUTHOR = /(^|\s)author:(?:"([^"]*)"?|([^\s"]+))/giu;

/** The `author:` names of a query, and the query without them. */
export function authorFilters(query: string): { authors: string[]; rest: string } {
  const authors: string[] = [];
  const rest = query.replace(AUTHOR, (_, space: string, quoted?: string, bare?: string) => {
    const name = (quoted ?? bare ?? '').trim();
    if (name) authors.push(name);
    return space;
  });
  return { authors, rest };
}
