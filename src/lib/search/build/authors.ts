/**
 * The author files of the index (see format.ts), when the site gives
 * authors: every document's author codes (`f/authors.txt`: the author facet
 * and the `author:` filter), the author table by code (`a/<n>.json`: name,
 * page slug, papers), the code of each name key in buckets by a hash of the
 * key (`k/<n>.json`: `author:"…"` looks one up), and the authors with a page
 * by the first letters of their names' words (`n/<n>.json`: the header
 * search suggests them). Codes follow the number of papers, most first, so
 * the authors a facet shows are in the first table files.
 */
import { bucketOf, prefixesOf } from '../author-keys.ts';
import {
  codeWidth,
  compareStrings,
  encodeCode,
  type AuthorManifest,
  type AuthorSuggestion,
} from '../format.ts';
import type { SearchAuthor, SearchDoc, SearchIndexFile } from '../types.ts';

/** Authors per table file. */
export const AUTHOR_CHUNK = 1000;
/** Name keys per bucket file, about. */
const KEYS_PER_BUCKET = 400;

export function authorFiles(
  sorted: readonly SearchDoc[],
  authors: readonly SearchAuthor[],
  files: SearchIndexFile[],
): AuthorManifest | undefined {
  if (authors.length === 0) return undefined;
  const order = authors
    .map((a, id) => ({ a, id }))
    .sort((x, y) => y.a.count - x.a.count || compareStrings(x.a.name, y.a.name) || x.id - y.id);
  const codeOf = new Int32Array(authors.length);
  order.forEach(({ id }, code) => (codeOf[id] = code));
  const width = codeWidth(authors.length);

  files.push({
    path: 'authors.txt',
    body: sorted
      .map((d) =>
        [...new Set(d.people ?? [])]
          .filter((id) => id >= 0 && id < authors.length)
          .map((id) => encodeCode(codeOf[id] as number, width))
          .join(''),
      )
      .join(' '),
  });

  for (let c = 0; c * AUTHOR_CHUNK < order.length; c++)
    files.push({
      path: `a/${c}.json`,
      body: JSON.stringify(
        order
          .slice(c * AUTHOR_CHUNK, (c + 1) * AUTHOR_CHUNK)
          .map(({ a }) => [a.name, a.slug ?? '', a.count]),
      ),
    });

  const keyCount = authors.reduce((n, a) => n + a.keys.length, 0);
  const buckets = Math.max(1, Math.ceil(keyCount / KEYS_PER_BUCKET));
  const bucketed = Array.from({ length: buckets }, () => new Map<string, number>());
  // A key two authors share (two spellings the site kept apart) goes to the one with more papers.
  order.forEach(({ a }, code) => {
    for (const key of a.keys) {
      const bucket = bucketed[bucketOf(key, buckets)] as Map<string, number>;
      if (!bucket.has(key)) bucket.set(key, code);
    }
  });
  bucketed.forEach((bucket, i) =>
    files.push({ path: `k/${i}.json`, body: JSON.stringify(Object.fromEntries(bucket)) }),
  );

  const byPrefix = new Map<string, AuthorSuggestion[]>();
  for (const { a } of order) {
    if (!a.slug) continue;
    const key = a.keys[0] ?? '';
    for (const prefix of prefixesOf(key)) {
      const list = byPrefix.get(prefix);
      const entry: AuthorSuggestion = [a.name, a.slug, a.count, key];
      if (list) list.push(entry);
      else byPrefix.set(prefix, [entry]);
    }
  }
  const prefixes = [...byPrefix.keys()].sort(compareStrings);
  prefixes.forEach((prefix, i) =>
    files.push({ path: `n/${i}.json`, body: JSON.stringify(byPrefix.get(prefix)) }),
  );

  return { count: authors.length, width, chunk: AUTHOR_CHUNK, buckets, prefixes };
}
