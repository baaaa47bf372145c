import { describe, expect, test } from 'vitest';
import { authorKey } from '../../src/lib/search/author-keys.ts';
import { buildSearchIndex } from '../../src/lib/search/build.ts';
import { SearchClient } from '../../src/lib/search/client.ts';
import { parseQuery } from '../../src/lib/search/query.ts';
import type { SearchAuthor, SearchDoc } from '../../src/lib/search/types.ts';

/** Authors as the site passes them: a name, a page's slug, papers, every key of their spellings. */
const AUTHORS: SearchAuthor[] = [
  { name: 'Yang Liu', slug: 'yang-liu', count: 3, keys: ['yang liu', 'y liu'] },
  { name: 'Ann Lee', slug: 'ann-lee', count: 2, keys: ['ann lee'] },
  { name: 'Bob Ross', count: 1, keys: ['bob ross'] },
  { name: 'Yann LeCun', slug: 'yann-lecun', count: 1, keys: ['yann lecun'] },
];

const doc = (id: number, title: string, people: number[], date: string): SearchDoc => ({
  id,
  slug: `p${id}`,
  title,
  abstract: `${title}. An abstract.`,
  authors: people.map((p) => AUTHORS[p]?.name ?? ''),
  people,
  date,
});

const DOCS: SearchDoc[] = [
  doc(1, 'Sparse attention', [0, 1], '2024-01-01'),
  doc(2, 'Sparse retrieval', [0, 2], '2023-01-01'),
  doc(3, 'Dense retrieval', [1, 3], '2022-01-01'),
  doc(4, 'Sparse experts', [0], '2021-01-01'),
];

function client() {
  const built = buildSearchIndex(DOCS, {}, AUTHORS);
  const files = new Map(built.files.map((f) => [f.path, f.body]));
  const fetched: string[] = [];
  const c = new SearchClient(async (path) => {
    const body = files.get(path);
    if (body === undefined) throw new Error(`missing ${path}`);
    fetched.push(path);
    return body;
  });
  return { client: c, fetched, files };
}

describe('author: in the query', () => {
  test.each([
    ['author:"Yang Liu" sparse', ['Yang Liu'], 'sparse'],
    ['sparse author:Lee', ['Lee'], 'sparse'],
    ['AUTHOR:"Liu, Yang"', ['Liu, Yang'], ''],
    ['author:"Ann Lee', ['Ann Lee'], ''],
  ])('%s', (query, authors, rest) => {
    const parsed = parseQuery(query, true);
    expect(parsed.authors ?? []).toEqual(authors);
    expect(parsed.include.map((c) => (c.kind === 'word' ? c.word : c.kind))).toEqual(
      rest ? [rest] : [],
    );
  });

  test('keys fold case, accents and "Last, First"', () => {
    expect(authorKey('Liu, Yang')).toBe('yang liu');
    expect(authorKey('  JOSÉ   García ')).toBe('jose garcia');
  });
});

describe('searching by author', () => {
  test('author:"…" keeps their papers, with or without words, under any spelling the site knows', async () => {
    const { client: c } = client();
    const slugsOf = async (q: string) =>
      (await c.search(q, { complete: true, limit: 10, sort: 'date' })).hits.map((h) => h.slug);
    expect(await slugsOf('author:"Yang Liu"')).toEqual(['p1', 'p2', 'p4']);
    expect(await slugsOf('author:"Liu, Yang"')).toEqual(['p1', 'p2', 'p4']);
    expect(await slugsOf('author:"Y. Liu"')).toEqual(['p1', 'p2', 'p4']);
    expect(await slugsOf('retrieval author:"Yang Liu"')).toEqual(['p2']);
    expect(await slugsOf('author:"Yang Liu" author:"Ann Lee"')).toEqual(['p1']);
    expect(await slugsOf('author:"Nobody Here"')).toEqual([]);
  });

  test('the author facet counts the authors of every match, names and pages included', async () => {
    const { client: c, fetched } = client();
    const plain = await c.search('sparse', { complete: true });
    expect(plain.facets.authors).toBeUndefined();
    expect(fetched.some((f) => f.startsWith('f/authors'))).toBe(false);
    const r = await c.search('sparse', { complete: true, authorFacet: true });
    expect(r.facets.authors).toEqual([
      { name: 'Yang Liu', slug: 'yang-liu', papers: 3, count: 3 },
      { name: 'Ann Lee', slug: 'ann-lee', papers: 2, count: 1 },
      { name: 'Bob Ross', slug: '', papers: 1, count: 1 },
    ]);
  });

  test('hits link their authors to their pages', async () => {
    const { client: c } = client();
    const r = await c.search('dense', { complete: true });
    expect(r.hits[0]?.authorSlugs).toEqual(['ann-lee', 'yann-lecun']);
  });

  test('the header suggests authors with a page by the start of their names', async () => {
    const { client: c } = client();
    expect((await c.suggestAuthors('yan')).map((a) => a[1])).toEqual(['yang-liu', 'yann-lecun']);
    expect((await c.suggestAuthors('yang li')).map((a) => a[1])).toEqual(['yang-liu']);
    expect((await c.suggestAuthors('yann lecun')).map((a) => a[1])).toEqual(['yann-lecun']);
    expect((await c.suggestAuthors('lee')).map((a) => a[1])).toEqual(['ann-lee']);
    // Bob Ross has no page: not suggested.
    expect(await c.suggestAuthors('bob')).toEqual([]);
    expect(await c.suggestAuthors('y')).toEqual([]);
  });

  test('an index without authors has no author files, and author: finds nothing', async () => {
    const built = buildSearchIndex(DOCS);
    expect(built.files.some((f) => /^(a|k|n)\/|authors/.test(f.path))).toBe(false);
    const files = new Map(built.files.map((f) => [f.path, f.body]));
    const c = new SearchClient(async (p) => files.get(p) ?? '');
    expect((await c.search('author:"Yang Liu"', { complete: true })).total).toBe(0);
    expect(await c.suggestAuthors('yang')).toEqual([]);
  });
});
