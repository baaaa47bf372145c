import { beforeAll, describe, expect, test } from 'vitest';
import {
  buildTopicModel,
  discoverTopics,
  OTHER_SLUG,
  type Discovery,
  type TopicModel,
  type TopicPaper,
} from '../../src/lib/topics/index.ts';
import { bundled, hfDaily, paper } from './helpers.ts';

/** Single words that name no topic (the examples and their kin). */
const GENERIC_NAMES = new Set([
  'model',
  'models',
  'method',
  'methods',
  'learning',
  'data',
  'approach',
  'network',
  'networks',
]);

/** The rules every discovered model must meet on a real list. */
function expectGoodTopics(papers: TopicPaper[], model: TopicModel): void {
  const n = papers.length;
  const covered = papers.filter((p) =>
    (model.byPaper.get(p.slug) ?? []).some((a) => a.topic !== OTHER_SLUG),
  ).length;
  expect(covered / n).toBeGreaterThanOrEqual(0.95);
  for (const p of papers) {
    const list = model.byPaper.get(p.slug) ?? [];
    expect(list.length).toBeGreaterThanOrEqual(1);
    expect(list.length).toBeLessThanOrEqual(3);
    for (const a of list) expect(a.reason).not.toBe('');
  }
  const order = new Map(papers.map((p, i) => [p.slug, i]));
  for (const topic of model.topics) {
    expect(topic.papers.length).toBeLessThanOrEqual(n / 3);
    if (topic.slug !== OTHER_SLUG) expect(topic.papers.length).toBeGreaterThanOrEqual(3);
    expect(GENERIC_NAMES.has(topic.name.toLowerCase())).toBe(false);
    expect(topic.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    const positions = topic.papers.map((s) => order.get(s) as number);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  }
  const sizes = model.topics.map((t) => t.papers.length);
  expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
}

describe('discovery on the bundled list', () => {
  let papers: TopicPaper[];
  let first: Discovery;
  beforeAll(async () => {
    papers = await bundled();
    first = discoverTopics(papers);
  });

  test('meets the coverage and size rules, with field phrases for names', () => {
    const model = buildTopicModel(papers);
    expectGoodTopics(papers, model);
    expect(model.topics.length).toBeGreaterThanOrEqual(12);
    const names = model.topics.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Diffusion models',
        'Sparse autoencoders',
        'Learned sparse retrieval',
      ]),
    );
    expect(names.some((name) => /^mixture.of.experts$/i.test(name))).toBe(true);
  });

  test('is deterministic: the same list gives the same topics and reasons', () => {
    const again = discoverTopics(papers);
    expect(again.topics).toEqual(first.topics);
    expect([...again.byPaper]).toEqual([...first.byPaper]);
  });

  test('does not depend on the order of the list', () => {
    const reversed = discoverTopics([...papers].reverse());
    const summary = (d: Discovery) => d.topics.map((t) => `${t.slug}:${t.papers.length}`).sort();
    expect(summary(reversed)).toEqual(summary(first));
  });

  test('keeps its topic slugs when the list changes a little', () => {
    const fewer = discoverTopics(papers.filter((_, i) => i % 20 !== 7));
    const before = new Set(first.topics.map((t) => t.slug));
    const kept = fewer.topics.filter((t) => before.has(t.slug)).length;
    expect(kept / fewer.topics.length).toBeGreaterThanOrEqual(0.7);
  });

  test('explains each assignment by the phrase that made it', () => {
    const paperSlug = papers.find((p) => p.title.startsWith('k-Sparse Autoencoders'))
      ?.slug as string;
    expect(first.byPaper.get(paperSlug)).toContainEqual({
      topic: 'sparse-autoencoders',
      reason: 'title mentions “sparse autoencoders”',
      curated: false,
    });
  });

  test('leaves reserved slugs to curated topics', () => {
    const taken = new Set(['diffusion-models']);
    const d = discoverTopics(papers, { reserved: taken });
    expect(d.topics.some((t) => t.slug === 'diffusion-models')).toBe(false);
  });
});

describe('discovery on another real list (Hugging Face daily papers)', () => {
  test('meets the coverage and size rules', () => {
    const papers = hfDaily();
    expect(papers).toHaveLength(73);
    const model = buildTopicModel(papers);
    expectGoodTopics(papers, model);
    const names = model.topics.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['Large language models', 'Diffusion models']));
  });
});

describe('discovery details', () => {
  test('an acronym counts as its long form once a paper defines it', () => {
    const papers = [
      paper('a', 'Scaling a mixture-of-experts', 'A mixture of experts (MoE) routes tokens.'),
      paper('b', 'Sparse MoE layers for translation', 'MoE layers help.'),
      paper('c', 'Routing in MoEs', 'We study MoE routing.'),
      paper('d', 'Graph neural networks for chemistry', 'Message passing on molecules.'),
      paper('e', 'Graph neural networks for traffic', 'Message passing on roads.'),
      paper('f', 'Graph neural networks for code', 'Message passing on programs.'),
    ];
    const d = discoverTopics(papers, { maxShare: 1 / 2 });
    const moe = d.topics.find((t) => t.slug === 'mixture-of-experts');
    expect(moe?.papers).toEqual(['a', 'b', 'c']);
    expect(d.byPaper.get('b')?.[0]?.reason).toBe('title mentions “mixture-of-experts”');
  });

  test('an empty list has no topics', () => {
    expect(discoverTopics([]).topics).toEqual([]);
  });
});
