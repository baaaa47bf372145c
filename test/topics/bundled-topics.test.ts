import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildTopicModel, parseTopicsFile } from '../../src/lib/topics/index.ts';
import { bundled } from './helpers.ts';

const file = 'src/content/topics.yaml';

describe('the curated topics shipped for the bundled list', () => {
  test('has 12 to 30 topics, every paper in one, none above a third or under 3', async () => {
    const papers = await bundled();
    const curated = parseTopicsFile(
      readFileSync(path.resolve(import.meta.dirname, '../..', file), 'utf8'),
      file,
    );
    const model = buildTopicModel(papers, curated);
    expect(model.warnings).toEqual([]);
    expect(model.topics.every((t) => t.curated)).toBe(true);
    expect(model.topics.length).toBeGreaterThanOrEqual(12);
    expect(model.topics.length).toBeLessThanOrEqual(30);
    for (const topic of model.topics) {
      expect(topic.papers.length).toBeGreaterThanOrEqual(3);
      expect(topic.papers.length).toBeLessThanOrEqual(papers.length / 3);
    }
    for (const p of papers) {
      const list = model.byPaper.get(p.slug) ?? [];
      expect(list.length, p.title).toBeGreaterThanOrEqual(1);
      expect(list.length).toBeLessThanOrEqual(3);
      expect(list.every((a) => a.curated)).toBe(true);
    }
  });
});
