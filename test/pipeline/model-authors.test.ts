/**
 * The collection model's authors, read from what the pipeline left for a
 * small list with authors (Astro's content store mocked by the records file,
 * as in model.test.ts).
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';

const work = mkdtempSync(path.join(tmpdir(), 'model-authors-'));
const list = path.join(work, 'papers.jsonl');
copyFileSync('test/fixtures/authors/papers.jsonl', list);
copyFileSync('test/fixtures/authors/papers.authors.yaml', path.join(work, 'authors.yaml'));
vi.stubEnv('PAPERS', list);
vi.stubEnv('CACHE_DIR', path.join(work, 'cache'));
vi.stubEnv('PERMALINKS', path.join(work, 'permalinks.json'));
vi.stubEnv('TOPICS', '');
vi.stubEnv('AUTHORS', '');
vi.stubEnv('BUILD_STAGES_FILE', '');

const { runPipeline } = await import('../../src/lib/pipeline/index.ts');
await runPipeline({ out: path.join(work, 'out'), prepareOnly: true, log: () => undefined });

vi.mock('astro:content', () => import('../helpers/astro-content.ts'));

const { getModel } = await import('../../src/lib/model.ts');
const { authorPage } = await import('../../src/lib/author-page.ts');

describe('the model: authors', () => {
  test('the authors file beside the list is read: its people get their slugs and iDs', async () => {
    const { authors } = await getModel();
    expect(authors.bySlug.get('ann-lee-lab')).toMatchObject({
      name: 'Ann Lee',
      orcid: '0000-0002-1825-0097',
      count: 5,
    });
    expect([...authors.splits.keys()]).toEqual([]);
  });

  test("an author's papers are newest first, and their co-authors counted", async () => {
    const model = await getModel();
    const papers = model.authors.papersOf('ann-lee-lab');
    const dates = papers.map((p) => p.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const coauthors = model.authors.coauthorsOf('ann-lee-lab');
    // José García (papers 1, 2, 8) and Bob Ross (12) with Ann Lee, John Smith (1, 4), ...
    expect(coauthors[0]).toMatchObject({ author: { name: 'José García' }, count: 3 });
    expect(coauthors.map((c) => c.author.name)).not.toContain('Ann Lee');
  });

  test('each printed name links to its author, whatever the spelling', async () => {
    const model = await getModel();
    const paper = model.papers.find((p) => p.authors.includes('JOSÉ GARCÍA'));
    if (!paper) throw new Error('no paper prints JOSÉ GARCÍA');
    expect(model.authorHrefs(paper)).toEqual([
      '/authors/jurgen-muller/',
      '/authors/ann-lee-lab/',
      '/authors/jose-garcia/',
    ]);
    const colon = model.papers.find((p) => p.authors.includes(':'));
    expect(colon && model.authorHrefs(colon)[2]).toBeUndefined();
  });

  test('the A-Z index sorts by family name, and an author page has what it shows', async () => {
    const model = await getModel();
    expect(model.authors.letters.get('g')?.map((a) => a.name)).toEqual(['José García']);
    const families = model.authors.paged.map((a) => a.family);
    expect(families).toEqual([...families].sort((a, b) => a.localeCompare(b, 'en')));
    const page = authorPage(model, 'jose-garcia');
    expect(page?.years).toEqual(['2024', '2024']);
    expect(page?.topics.reduce((n, t) => n + t.count, 0)).toBeGreaterThanOrEqual(3);
    expect(authorPage(model, 'nobody')).toBeUndefined();
  });
});
