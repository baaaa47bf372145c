/**
 * The client's author files (format.ts, build/authors.ts): each document's
 * author codes, loaded only when a query filters by author or the search
 * page shows the author facet; names by code for the facet; a name's code
 * for `author:"…"`; and authors with a page whose names begin with what was
 * typed, for the header search. Each file is fetched once, through the
 * client's loader and cache (files.ts).
 */
import { authorKey, bucketOf, keyMatches, PREFIX_CHARS } from './author-keys.ts';
import { decodeCode, indexPath, type AuthorSuggestion, type Manifest } from './format.ts';
import type { IndexFiles } from './files.ts';
import type { AuthorFacet } from './types.ts';

/** Each document's author codes: `codes[start[d] .. start[d + 1])`. */
export interface AuthorCodes {
  start: Uint32Array;
  codes: Uint32Array;
}

/** `f/authors.txt` of `n` documents, codes `width` characters wide. */
export function parseAuthorCodes(text: string, n: number, width: number): AuthorCodes {
  const start = new Uint32Array(n + 1);
  let chars = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 32) chars++;
  const codes = new Uint32Array(chars / width);
  let c = 0;
  let i = 0;
  for (let d = 0; d < n; d++) {
    start[d] = c;
    while (i < text.length && text.charCodeAt(i) !== 32) {
      codes[c++] = decodeCode(text, i, width);
      i += width;
    }
    i++;
  }
  start[n] = c;
  return { start, codes };
}

export class AuthorFiles {
  private readonly files: IndexFiles;
  private codesP: Promise<AuthorCodes> | undefined;

  constructor(files: IndexFiles) {
    this.files = files;
  }

  /** Every document's author codes (empty when the index has no authors). */
  codes(m: Manifest): Promise<AuthorCodes> {
    const a = m.authors;
    const p =
      this.codesP ??
      (a
        ? this.files
            .text(indexPath(m, 'authors'))
            .then((text) => parseAuthorCodes(text, m.n, a.width))
        : Promise.resolve({ start: new Uint32Array(m.n + 1), codes: new Uint32Array(0) }));
    this.codesP = p;
    p.catch(() => (this.codesP = undefined));
    return p;
  }

  /** The code of the author `name` names (any spelling the site knows), or undefined. */
  async resolve(m: Manifest, name: string): Promise<number | undefined> {
    const key = authorKey(name);
    if (!m.authors || !key) return undefined;
    const bucket = await this.files.json<Record<string, number>>(
      indexPath(m, 'k', bucketOf(key, m.authors.buckets)),
    );
    return Object.hasOwn(bucket, key) ? bucket[key] : undefined;
  }

  /** Names, page slugs and paper counts of `codes`, for the facet. */
  async describe(m: Manifest, codes: readonly number[]): Promise<Map<number, AuthorFacet>> {
    const out = new Map<number, AuthorFacet>();
    const a = m.authors;
    if (!a) return out;
    const chunks = [...new Set(codes.map((c) => Math.floor(c / a.chunk)))];
    const tables = await Promise.all(
      chunks.map((i) => this.files.json<[string, string, number][]>(indexPath(m, 'a', i))),
    );
    const byChunk = new Map(chunks.map((c, i) => [c, tables[i]]));
    for (const code of codes) {
      const row = byChunk.get(Math.floor(code / a.chunk))?.[code % a.chunk];
      if (row) out.set(code, { name: row[0], slug: row[1], papers: row[2], count: 0 });
    }
    return out;
  }

  /** Authors with a page whose name's words begin with the words of `typed`, most papers first. */
  async suggest(m: Manifest, typed: string, limit = 3): Promise<AuthorSuggestion[]> {
    const words = authorKey(typed).split(' ').filter(Boolean);
    const first = words[0];
    const a = m.authors;
    if (!a || !first || first.length < PREFIX_CHARS) return [];
    const i = a.prefixes.indexOf(first.slice(0, PREFIX_CHARS));
    if (i < 0) return [];
    const list = await this.files.json<AuthorSuggestion[]>(indexPath(m, 'n', i));
    // Most papers first (the file's order), but the name exactly as typed before all.
    const key = words.join(' ');
    const exact = list.filter((entry) => entry[3] === key);
    const found = [...exact];
    for (const entry of list) {
      if (found.length >= limit) break;
      if (entry[3] !== key && keyMatches(entry[3], words)) found.push(entry);
    }
    return found.slice(0, limit);
  }
}
