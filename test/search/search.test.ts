import { Index } from 'flexsearch';
import { describe, expect, test } from 'vitest';
import { buildSearchIndex } from '../../src/lib/search/build.ts';
import { FORMS_KEY, shardIndexOptions } from '../../src/lib/search/format.ts';
import { SearchClient } from '../../src/lib/search/client.ts';
import { highlightRanges } from '../../src/lib/search/highlight.ts';
import type { SearchDoc, SearchIndexFile } from '../../src/lib/search/types.ts';
import { DOCS, makeClient, slugs } from './fixtures.ts';

/** One FlexSearch `Index` holding every shard of a built index, imported as the client does. */
function importShards(files: SearchIndexFile[]): Index {
  const { resolution } = JSON.parse(files[0]?.body ?? '{}') as { resolution: number };
  const index = new Index(shardIndexOptions(resolution));
  for (const f of files) {
    if (!f.path.startsWith('t/') || !f.body) continue;
    for (const line of f.body.split('\n')) {
      const tab = line.indexOf('\t');
      if (line.slice(0, tab) !== FORMS_KEY) index.import(line.slice(0, tab), line.slice(tab + 1));
    }
  }
  return index;
}

/** The documents of an index entry, over all impact slots. */
function documentsOf(index: Index, entry: string): number[] {
  return index
    .search(entry, { resolve: false })
    .result.flatMap((ids) => ids ?? [])
    .map(Number)
    .sort((a, b) => a - b);
}

describe('query understanding', () => {
  const index = makeClient();

  test('case and accent folding: HYVARINEN finds Hyvärinen', async () => {
    expect(await slugs(index, 'HYVARINEN')).toEqual(['hyvarinen']);
    expect(await slugs(index, 'hyvärinen')).toEqual(['hyvarinen']);
  });

  test('stemming: pruning finds pruned', async () => {
    expect(await slugs(index, 'pruning')).toEqual(['pruned-transformers']);
    expect(await slugs(index, 'prunes')).toEqual(['pruned-transformers']);
  });

  test('prefix while typing: spar finds sparse', async () => {
    const typing = await slugs(index, 'spar', true);
    expect(typing).toContain('splade');
    expect(typing).toContain('pruned-transformers');
    // A submitted query does not complete words.
    expect(await slugs(index, 'spar')).toEqual([]);
  });

  test('prefix longer than the stem: diffusi finds diffusion', async () => {
    expect(await slugs(index, 'diffusi', true)).toContain('diffusion-models');
  });

  test('typo of 5+ letters: difusion finds diffusion', async () => {
    expect((await slugs(index, 'difusion'))[0]).toBe('diffusion-models');
  });

  test('typos while typing (the last word a prefix): difusion finds diffusion', async () => {
    expect((await slugs(index, 'difusion', true))[0]).toBe('diffusion-models');
    // A misspelt start of a word: one edit from the start of `diffusion`.
    expect(await slugs(index, 'difusi', true)).toContain('diffusion-models');
    expect(await slugs(index, 'trasnf', true)).toContain('pruned-transformers');
    // Submitted, `difusi` is a word of its own: no word is one edit from it.
    expect(await slugs(index, 'difusi')).toEqual([]);
  });

  test('typo by swapped letters: trasnformer finds transformer', async () => {
    expect(await slugs(index, 'trasnformer')).toContain('pruned-transformers');
  });

  test('no typo tolerance under 5 letters', async () => {
    expect(await slugs(index, 'spsrse')).not.toEqual([]);
    expect(await slugs(index, 'modl')).toEqual([]);
  });

  test('hyphens and colons: top-p, N:M, k-sparse', async () => {
    // The hyphenated, the glued and the spaced forms all match, a lone `p` does not.
    expect((await slugs(index, 'top-p')).sort()).toEqual(['diffusion-models', 'undated']);
    expect((await slugs(index, 'topp')).sort()).toEqual(['diffusion-models']);
    expect(await slugs(index, 'N:M')).toEqual(['diffusion-models']);
    expect(await slugs(index, 'k-sparse')).toEqual(['splade']);
  });

  test('spaced and joined forms: SPLADE v2, top p', async () => {
    expect((await slugs(index, 'SPLADE v2'))[0]).toBe('splade');
    expect((await slugs(index, 'splade-v2'))[0]).toBe('splade');
    // "top p" written apart also finds top-p, and the undated note's "top p".
    expect(await slugs(index, 'top p')).toEqual(
      expect.arrayContaining(['diffusion-models', 'undated']),
    );
  });

  test('quoted phrase requires the words in order', async () => {
    const loose = await slugs(index, 'large language model');
    expect(loose).toEqual(expect.arrayContaining(['attention-survey', 'language-model-scaling']));
    const phrase = await slugs(index, '"large language model"');
    expect(phrase).toEqual(expect.arrayContaining(['attention-survey', 'language-model-scaling']));
    const reversed = await slugs(index, '"model language"');
    // No document has the reversed phrase: the query falls back to its words.
    expect(reversed.length).toBeGreaterThan(0);
    expect(await slugs(index, '"language model falls"')).toEqual(['language-model-scaling']);
  });

  test('-word excludes', async () => {
    expect(await slugs(index, 'diffusion')).toEqual(
      expect.arrayContaining(['diffusion-models', 'hyvarinen']),
    );
    expect(await slugs(index, 'diffusion -Hyvärinen')).toEqual(['diffusion-models']);
    expect(await slugs(index, 'diffusion -"diffusion is involved"')).toEqual(['diffusion-models']);
  });

  test('a query of only exclusions lists everything else', async () => {
    const r = await index.client.search('-diffusion', { complete: true, limit: 50 });
    expect(r.total).toBe(DOCS.length - 2);
  });
});

describe('ranking', () => {
  test('title matches rank above abstract matches', async () => {
    const index = makeClient();
    // "transformer" is in the title of pruned-transformers once and three times in the latex abstract.
    expect((await slugs(index, 'transformers'))[0]).toBe('pruned-transformers');
  });

  test('rare terms weigh more than common ones', async () => {
    const docs: SearchDoc[] = [
      { id: 1, slug: 'common-twice', title: 'x', abstract: 'model model data' },
      { id: 2, slug: 'rare', title: 'y', abstract: 'model zebra data' },
      ...Array.from({ length: 20 }, (_, i) => ({
        id: 10 + i,
        slug: `filler${i}`,
        title: 'z',
        abstract: 'model data',
      })),
    ];
    const index = makeClient(docs);
    expect((await slugs(index, 'model zebra'))[0]).toBe('rare');
  });

  test('documents with more of the query words come first', async () => {
    const index = makeClient();
    const ranked = await slugs(index, 'sparse retrieval model');
    expect(ranked[0]).toBe('splade');
  });

  test('the word as typed beats a word that only shares its stem', async () => {
    const docs: SearchDoc[] = [
      { id: 1, slug: 'organ', title: 'Organ transplants', abstract: 'The organ of a donor.' },
      { id: 2, slug: 'organizers', title: 'Workshop notes', abstract: 'Notes by the organizers.' },
    ];
    const index = makeClient(docs);
    // Porter stems both to `organ`; the typed form decides within the page.
    expect(await slugs(index, 'organizers')).toEqual(['organizers', 'organ']);
    expect(await slugs(index, 'organ')).toEqual(['organ', 'organizers']);
  });

  test('scores are positive and descending', async () => {
    const index = makeClient();
    const r = await index.client.search('model', { complete: true });
    const scores = r.hits.map((h) => h.score);
    expect(scores.every((s) => s > 0)).toBe(true);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe('sharding', () => {
  const many: SearchDoc[] = Array.from({ length: 300 }, (_, i) => ({
    id: i,
    slug: `d${i}`,
    title: `Paper ${i} about ${['alpha', 'beta', 'gamma', 'delta', 'omega'][i % 5]}`,
    abstract: `Word${i} and term${i * 7} with zeta${i % 11} and common text.`,
  }));

  test('a large collection is split into many shards', () => {
    const built = buildSearchIndex(many, { shardChars: 2000 });
    expect(built.stats.shards).toBeGreaterThan(5);
  });

  test('a query loads only the shards of its terms', async () => {
    const index = makeClient(many, { shardChars: 2000 });
    await index.client.search('omega', { complete: true, limit: 0 });
    const shards = index.fetched.filter((p) => p.startsWith('t/'));
    expect(shards).toHaveLength(1);
    // The manifest and topic data are fetched once, records only for hits.
    expect(index.fetched.filter((p) => p.startsWith('d/'))).toEqual([]);
    const before = index.fetched.length;
    await index.client.search('omega', { complete: true, limit: 0 });
    expect(index.fetched.length).toBe(before);
  });

  test('hits fetch only the records they show', async () => {
    const index = makeClient(many, { shardChars: 2000, docChunk: 4 });
    const r = await index.client.search('omega', { complete: true, limit: 3 });
    expect(r.total).toBe(60);
    expect(index.fetched.filter((p) => p.startsWith('d/')).length).toBeLessThanOrEqual(3);
  });

  test('typing a prefix loads one lexicon file', async () => {
    const index = makeClient(many, { shardChars: 2000, lexiconChars: 200 });
    await index.client.search('gam', { limit: 0 });
    expect(index.fetched.filter((p) => p.startsWith('l/'))).toHaveLength(1);
  });

  test('large collections answer common phrases from word-pair postings', async () => {
    const index = makeClient(many, { positionsMinDocs: 100 });
    expect([...index.files.keys()].some((p) => p.startsWith('p/'))).toBe(true);
    const r = await index.client.search('"about omega"', { complete: true, limit: 100 });
    expect(r.total).toBe(60);
    expect(r.terms).toEqual(['about', 'omega']);
    // `about_omega` is an index entry: no positions needed.
    expect(index.fetched.filter((p) => p.startsWith('p/'))).toEqual([]);
    const none = await index.client.search('"omega about" -alpha', { complete: true, limit: 100 });
    // No document has the phrase: falls back to its words (`about` is in all 300), minus alpha.
    expect(none.total).toBe(240);
  });
});

describe('phrases of rare word pairs', () => {
  // 60 documents have both words apart, 2 have "beta alpha" as a phrase and
  // 1 has "beta of the alpha"; pairs seen in fewer than 5 documents are not
  // index entries.
  const docs: SearchDoc[] = [
    ...Array.from({ length: 60 }, (_, i) => ({
      id: i,
      slug: `apart${i}`,
      title: `Report ${i}`,
      abstract: `The alpha method and item${i} and then the beta method.`,
    })),
    { id: 100, slug: 'phrase1', title: 'Beta alpha', abstract: 'On beta alpha.' },
    { id: 101, slug: 'phrase2', title: 'Note', abstract: 'We study beta alpha twice: beta alpha.' },
    { id: 102, slug: 'gap', title: 'Gap', abstract: 'The beta of the alpha.' },
  ];
  const options = { positionsMinDocs: 10, pairMinDf: 5 };

  test('many candidates: checked with the position files', async () => {
    const index = makeClient(docs, options);
    const r = await index.client.search('"beta alpha"', { complete: true, limit: 10 });
    expect(r.hits.map((h) => h.slug).sort()).toEqual(['phrase1', 'phrase2']);
    expect(r.total).toBe(2);
    expect(index.fetched.some((p) => p.startsWith('p/'))).toBe(true);
    // Stop words in between are gaps of their own.
    const gap = await index.client.search('"beta of the alpha"', { complete: true });
    expect(gap.hits.map((h) => h.slug)).toEqual(['gap']);
  });

  test('few candidates: checked in their records, without positions', async () => {
    const index = makeClient(docs, options);
    const r = await index.client.search('"study beta alpha"', { complete: true, limit: 10 });
    expect(r.hits.map((h) => h.slug)).toEqual(['phrase2']);
    expect(index.fetched.some((p) => p.startsWith('p/'))).toBe(false);
  });

  test('frequent pairs are index entries, rare ones are not', () => {
    const built = buildSearchIndex(docs, options);
    const index = importShards(built.files);
    expect(documentsOf(index, 'alpha_method')).toHaveLength(60);
    expect(documentsOf(index, 'beta_alpha')).toEqual([]);
  });
});

describe('the word as typed', () => {
  test('ranks first among the words of its stem, beyond the first page', async () => {
    const docs: SearchDoc[] = [
      ...Array.from({ length: 30 }, (_, i) => ({
        id: i,
        slug: `organ${i}`,
        title: `Organ study ${i}`,
        abstract: 'The organ of a donor, organ after organ.',
      })),
      { id: 99, slug: 'organizers', title: 'Workshop', abstract: 'Notes by the organizers.' },
    ];
    const index = makeClient(docs);
    const r = await index.client.search('organizers', { complete: true, limit: 1 });
    expect(r.hits.map((h) => h.slug)).toEqual(['organizers']);
    expect(r.total).toBe(31);
  });
});

describe('memory', () => {
  test('the client keeps index data within its byte budget', async () => {
    const many: SearchDoc[] = Array.from({ length: 400 }, (_, i) => ({
      id: i,
      slug: `m${i}`,
      title: `Paper ${i} on topic${i % 40}`,
      abstract: `Words word${i} and more${i % 13} text of some length to fill the records.`,
    }));
    const built = buildSearchIndex(many, { shardChars: 1000, docChunk: 8 });
    const files = new Map(built.files.map((f) => [f.path, f.body]));
    const client = new SearchClient(async (p) => files.get(p) ?? '', { cacheBytes: 20_000 });
    for (let i = 0; i < 40; i++) {
      const r = await client.search(`topic${i}`, { complete: true, limit: 5 });
      expect(r.total).toBe(10);
      expect(client.cachedBytes).toBeLessThanOrEqual(20_000 + 20_000);
    }
  });
});

describe('filters, facets and sorting', () => {
  const index = makeClient();

  test('facet counts cover all matches', async () => {
    const r = await index.client.search('transformer', { complete: true, limit: 1 });
    expect(r.total).toBe(2);
    expect(r.hits).toHaveLength(1);
    expect(r.facets.topics).toEqual({ efficiency: 1, transformers: 2, theory: 1 });
    expect(r.facets.years).toEqual({ '2023': 1, '2022': 1 });
  });

  test('topic filter keeps topic facets of the other topics', async () => {
    const r = await index.client.search('transformer', { complete: true, topics: ['theory'] });
    expect(r.hits.map((h) => h.slug)).toEqual(['latex']);
    expect(r.facets.topics).toEqual({ efficiency: 1, transformers: 2, theory: 1 });
    expect(r.facets.years).toEqual({ '2022': 1 });
  });

  test('year filter', async () => {
    const r = await index.client.search('', { year: 2024 });
    expect(r.hits.map((h) => h.slug).sort()).toEqual([
      'attention-survey',
      'diffusion-models',
      'hyvarinen',
    ]);
    expect(r.facets.years).toEqual({ '2020': 1, '2021': 1, '2022': 1, '2023': 1, '2024': 3 });
  });

  test('sort by date: newest first, undated last', async () => {
    const r = await index.client.search('', { sort: 'date', limit: 50 });
    expect(r.hits.map((h) => h.date ?? '')).toEqual([
      '2024-11-30',
      '2024-07-07',
      '2024-02-10',
      '2023-05-01',
      '2022-01-15',
      '2021-09-20',
      '2020-03-03',
      '',
    ]);
  });

  test('sort by title: A to Z, case and accents folded', async () => {
    const r = await index.client.search('', { sort: 'title', limit: 3 });
    expect(r.hits.map((h) => h.title)).toEqual([
      'A Survey of Attention',
      'An Undated Note on Sampling',
      'Bounds on $\\ell_p$ norms <b>& friends</b>',
    ]);
  });

  test('paging with offset', async () => {
    const all = await index.client.search('', { sort: 'date', limit: 50 });
    const page = await index.client.search('', { sort: 'date', limit: 2, offset: 3 });
    expect(page.hits.map((h) => h.slug)).toEqual(all.hits.slice(3, 5).map((h) => h.slug));
  });

  test('hits carry what the list shows', async () => {
    const r = await index.client.search('pruned', { complete: true });
    expect(r.hits[0]).toMatchObject({
      id: 1,
      slug: 'pruned-transformers',
      title: 'Pruned Transformers Are Fast',
      authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov'],
      authorCount: 6,
      date: '2023-05-01',
      year: 2023,
      topics: ['efficiency', 'transformers'],
    });
  });
});

describe('snippets and highlights', () => {
  const index = makeClient();

  test('title and snippet matches are offsets of the matched words', async () => {
    const r = await index.client.search('pruning', { complete: true });
    const hit = r.hits[0];
    expect(hit).toBeDefined();
    if (!hit) return;
    expect(hit.titleMatches.map(([s, e]) => hit.title.slice(s, e))).toEqual(['Pruned']);
    expect(hit.snippet.matches.map(([s, e]) => hit.snippet.text.slice(s, e))).toEqual([
      'pruning',
      'Pruned',
    ]);
  });

  test('a long abstract is cut around the best match', () => {
    const long: SearchDoc = {
      id: 1,
      slug: 'long',
      title: 'Long',
      abstract: `${'filler words here. '.repeat(40)}The zebra appears once. ${'more filler. '.repeat(40)}`,
    };
    return makeClient([long])
      .client.search('zebra', { complete: true })
      .then((r) => {
        const s = r.hits[0]?.snippet;
        expect(s?.text.startsWith('…')).toBe(true);
        expect(s?.text.endsWith('…')).toBe(true);
        expect(s?.matches.map(([a, b]) => s.text.slice(a, b))).toEqual(['zebra']);
      });
  });

  test('compounds and hostile text stay plain text with offsets', async () => {
    const r = await index.client.search('script norms', { complete: true });
    const hit = r.hits.find((h) => h.slug === 'latex');
    expect(hit?.title).toBe('Bounds on $\\ell_p$ norms <b>& friends</b>');
    expect(hit?.titleMatches.map(([s, e]) => hit.title.slice(s, e))).toEqual(['norms']);
    expect(hit?.snippet.text).toContain('<script>alert(1)</script>');
    const t = await index.client.search('top-p', { complete: true });
    const d = t.hits.find((h) => h.slug === 'diffusion-models');
    expect(d?.snippet.matches.map(([s, e]) => d.snippet.text.slice(s, e))).toEqual(['top-p']);
  });

  test('highlightRanges marks the words of a text matching index terms', () => {
    const text = 'Pruning pruned nets; top-p sampling';
    expect(highlightRanges(text, ['prune', 'topp']).map(([s, e]) => text.slice(s, e))).toEqual([
      'Pruning',
      'pruned',
      'top-p',
    ]);
  });

  test('result terms list what matched', async () => {
    const r = await index.client.search('pruning difusion', { complete: true });
    expect(r.terms).toEqual(expect.arrayContaining(['prune', 'diffus']));
  });
});

describe('FlexSearch is the index', () => {
  test('shard files are FlexSearch exports: a fresh Index imports them and finds the documents', () => {
    const built = buildSearchIndex(DOCS);
    const shards = built.files.filter((f) => f.path.startsWith('t/'));
    expect(shards.length).toBeGreaterThan(0);
    for (const f of shards) {
      for (const line of f.body.split('\n')) {
        // FlexSearch's own export keys, and our forms line beside them.
        expect(line.slice(0, line.indexOf('\t'))).toMatch(/^(?:\d+\.(?:map|ctx)|forms)$/u);
      }
    }
    const index = importShards(built.files);
    const manifest = JSON.parse(built.files[0]?.body ?? '{}') as { resolution: number };
    // `diffus`: in the title and abstract of one paper, the abstract of another.
    const slots = index.search('diffus', { resolve: false }).result;
    expect(slots.length).toBeLessThanOrEqual(manifest.resolution);
    const ranked = slots.flatMap((ids) => ids ?? []);
    const idOf = (slug: string): number =>
      [...DOCS]
        .sort(
          (a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.title.localeCompare(b.title),
        )
        .findIndex((d) => d.slug === slug);
    // Impact-ordered: the paper with the word in its title sits in a higher slot.
    expect(ranked).toEqual([idOf('diffusion-models'), idOf('hyvarinen')]);
  });

  test('the client answers from the imported FlexSearch index only', async () => {
    const built = buildSearchIndex(DOCS);
    const files = new Map(built.files.map((f) => [f.path, f.body]));
    // Emptying the FlexSearch chunks of the shards leaves the client without postings.
    const gutted = new Map(
      [...files].map(([p, body]) => [
        p,
        p.startsWith('t/')
          ? body
              .split('\n')
              .filter((l) => !/^\d+\.map\t/u.test(l))
              .join('\n')
          : body,
      ]),
    );
    const client = new SearchClient(async (p) => gutted.get(p) ?? '');
    expect((await client.search('diffusion', { complete: true })).total).toBe(0);
    const whole = new SearchClient(async (p) => files.get(p) ?? '');
    expect((await whole.search('diffusion', { complete: true })).total).toBe(2);
  });
});

describe('build output', () => {
  test('is deterministic and independent of input order', () => {
    const a = buildSearchIndex(DOCS);
    const b = buildSearchIndex([...DOCS].reverse());
    expect(b.files).toEqual(a.files);
  });

  test('keeps every file small text with relative paths', () => {
    const built = buildSearchIndex(DOCS);
    for (const f of built.files) {
      expect(f.path).toMatch(/^(manifest|[a-z]\/(\d+|topics|title)\.[0-9a-z]{6})\.(json|txt)$/u);
      expect(typeof f.body).toBe('string');
    }
    expect(built.stats.docs).toBe(DOCS.length);
    expect(built.files[0]?.path).toBe('manifest.json');
  });

  test('names every file but the manifest by a hash of its content', () => {
    const small = { shardChars: 300 };
    const before = buildSearchIndex(DOCS, small);
    const changed = DOCS.map((d) =>
      d.slug === 'splade' ? { ...d, abstract: `${d.abstract} Zyxwvut.` } : d,
    );
    const after = buildSearchIndex(changed, small);
    const paths = (b: typeof before) => new Set(b.files.map((f) => f.path));
    const same = [...paths(before)].filter((p) => paths(after).has(p));
    // Same name, same text: a browser may keep any file it has under its name.
    const bodies = new Map(before.files.map((f) => [f.path, f.body]));
    for (const f of after.files)
      if (bodies.has(f.path) && f.path !== 'manifest.json') expect(f.body).toBe(bodies.get(f.path));
    // The changed abstract renames the records, the lexicon and some shard; the rest keep their names.
    expect(same.some((p) => p.startsWith('t/'))).toBe(true);
    expect(same.some((p) => p.startsWith('d/'))).toBe(false);
    expect(buildSearchIndex(DOCS, small).files.map((f) => f.path)).toEqual(
      before.files.map((f) => f.path),
    );
  });

  test('the client fetches only files the manifest names', async () => {
    const index = makeClient(DOCS);
    await index.client.search('sparse', { complete: true });
    const manifest = JSON.parse(index.files.get('manifest.json') ?? '{}') as {
      hashes: { t: string };
    };
    const shards = index.fetched.filter((p) => p.startsWith('t/'));
    expect(shards.length).toBeGreaterThan(0);
    for (const p of shards) expect(manifest.hashes.t).toContain(p.split('.')[1]);
  });

  test('an empty collection builds and answers nothing', async () => {
    const index = makeClient([]);
    const r = await index.client.search('anything', { complete: true });
    expect(r).toEqual({
      total: 0,
      all: 0,
      words: ['anything'],
      hits: [],
      facets: { topics: {}, years: {} },
      terms: [],
    });
  });
});
