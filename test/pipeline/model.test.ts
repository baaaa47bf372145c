/**
 * The collection model, read from what the pipeline left (Astro's content
 * store mocked by the records file, as Starlight's routing tests mock theirs).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';

const work = mkdtempSync(path.join(tmpdir(), 'model-test-'));
const list = path.join(work, 'list.txt');
const lines = readFileSync('src/content/papers.txt', 'utf8').split('\n');
writeFileSync(list, `${lines.slice(0, 160).join('\n')}\n`);
vi.stubEnv('PAPERS', list);
vi.stubEnv('CACHE_DIR', path.join(work, 'cache'));
vi.stubEnv('PERMALINKS', path.join(work, 'permalinks.json'));
vi.stubEnv('BUILD_STAGES_FILE', '');

const { runPipeline } = await import('../../src/lib/pipeline/index.ts');
const { config } = await import('../../src/config.ts');
const { readEntries, recordsFile } = await import('../../src/lib/pipeline/records-file.ts');
await runPipeline({ out: path.join(work, 'out'), prepareOnly: true, log: () => undefined });

vi.mock('astro:content', () => import('../helpers/astro-content.ts'));

const { getModel } = await import('../../src/lib/model.ts');

describe('the collection model', () => {
  test('holds every paper in list order, with its abstract joined back', async () => {
    const model = await getModel();
    const entries = readEntries(recordsFile(config.cacheDir, config.permalinks));
    expect(model.papers.map((p) => p.slug)).toEqual(entries.map((e) => e.slug));
    for (const p of model.papers) expect(p.plainAbstract.length).toBeGreaterThan(20);
  });

  test('gives every paper one to three topics, and each topic its papers', async () => {
    const model = await getModel();
    for (const p of model.papers) {
      const topics = model.topicsOf(p.slug);
      expect(topics.length).toBeGreaterThanOrEqual(1);
      expect(topics.length).toBeLessThanOrEqual(3);
      for (const { topic } of topics)
        expect(model.topicPapers(topic.slug).map((q) => q.slug)).toContain(p.slug);
    }
  });

  test('related papers are other papers of the collection', async () => {
    const model = await getModel();
    const withRelated = model.papers.filter((p) => model.relatedOf(p.slug).length > 0);
    expect(withRelated.length).toBeGreaterThan(model.papers.length / 2);
    for (const p of withRelated)
      for (const r of model.relatedOf(p.slug)) {
        expect(r.paper.slug).not.toBe(p.slug);
        expect(model.bySlug.get(r.paper.slug)).toBe(r.paper);
      }
  });

  test('neighbours walk the list, and page keys change with what a page shows', async () => {
    const model = await getModel();
    const [first, second] = model.ordered.map((p) => p.slug);
    if (!first || !second) throw new Error('the list has fewer than two papers');
    expect(model.neighbours(first)).toEqual({ prev: undefined, next: model.bySlug.get(second) });
    expect(model.neighbours(second).prev).toBe(model.bySlug.get(first));
    expect(model.pageKey(first)).toBe(model.pageKey(first));
    expect(model.pageKey(first)).not.toBe(model.pageKey(second));
  });
});
