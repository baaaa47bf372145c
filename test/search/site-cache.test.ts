import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSearchIndex } from '../../src/lib/search/index.ts';
import {
  buildSearchCached,
  indexCodeFiles,
  readSearchCacheKey,
  searchDocs,
  searchDocsKey,
} from '../../src/lib/site-search.ts';

const papers = [
  {
    slug: 'moe',
    plainTitle: 'Sparse mixture of experts',
    plainAbstract: 'Routing tokens to experts.',
    authors: ['A. Author'],
    date: '2025-01-02',
  },
  {
    slug: 'diffusion',
    plainTitle: 'Diffusion models for video',
    plainAbstract: 'Video generation with diffusion.',
    authors: [],
  },
];
const topics: Record<string, string[]> = { moe: ['experts'], diffusion: [] };
const docs = searchDocs(papers, (slug) => topics[slug] ?? []);

describe("the site's search documents", () => {
  test('are numbered by list position and carry topics; a missing date stays absent', () => {
    expect(docs.map((d) => [d.id, d.slug, d.topics])).toEqual([
      [0, 'moe', ['experts']],
      [1, 'diffusion', []],
    ]);
    expect(docs[0]?.date).toBe('2025-01-02');
    expect('date' in (docs[1] ?? {})).toBe(false);
  });
});

describe('the search index cache', () => {
  const fresh = () => path.join(mkdtempSync(path.join(tmpdir(), 'search-')), 'index.jsonl');

  test('builds once, then returns the cached files, which equal a fresh build', () => {
    const file = fresh();
    const first = buildSearchCached(docs, file);
    expect(first.built).toBe(true);
    const second = buildSearchCached(docs, file);
    expect(second.built).toBe(false);
    expect(second.index.files).toEqual(buildSearchIndex(docs).files);
  });

  test('reads the file (a tampered body comes back) and rebuilds when a document changes', () => {
    const file = fresh();
    buildSearchCached(docs, file);
    const lines = readFileSync(file, 'utf8').split('\n');
    const [p] = JSON.parse(lines[1] ?? '') as [string, string];
    lines[1] = JSON.stringify([p, 'tampered']);
    writeFileSync(file, lines.join('\n'));
    expect(buildSearchCached(docs, file).index.files[0]?.body).toBe('tampered');
    const changed = docs.map((d, i) => (i === 1 ? { ...d, abstract: 'Changed.' } : d));
    expect(searchDocsKey(changed)).not.toBe(searchDocsKey(docs));
    const rebuilt = buildSearchCached(changed, file);
    expect(rebuilt.built).toBe(true);
    expect(rebuilt.index.files.some((f) => f.body === 'tampered')).toBe(false);
  });

  test('is keyed by the code that makes the index too (the text analyser, the build side)', () => {
    const files = indexCodeFiles();
    expect(files).toContain('src/lib/text/scan.ts');
    expect(files).toContain('src/lib/search/build/scan.ts');
    expect(files).toContain('src/lib/search/tokenize.ts');
    // The query side does not change the files.
    expect(files).not.toContain('src/lib/search/client.ts');
  });

  test('its key is read from the header line alone, however long, without the body', () => {
    const file = fresh();
    buildSearchCached(docs, file);
    expect(readSearchCacheKey(file)).toBe(searchDocsKey(docs));
    const long = { key: 'k1', stats: { note: 'x'.repeat(200_000) } };
    writeFileSync(file, `${JSON.stringify(long)}\nnot json at all\n`);
    expect(readSearchCacheKey(file)).toBe('k1');
  });

  test('a damaged cache file costs a rebuild, not an error', () => {
    const file = fresh();
    writeFileSync(file, '{"key": broken');
    expect(buildSearchCached(docs, file).built).toBe(true);
  });
});
