import { beforeAll, describe, expect, test } from 'vitest';
import {
  buildTopicModel,
  discoverTopics,
  OTHER_SLUG,
  type Discovery,
  type TopicModel,
  type TopicPaper,
} from '../../src/lib/topics/index.ts';
import { coherence, kmeans, lsa, purity, tfidfVectors } from '../../src/lib/topics/quality.ts';
import { arxiv200, arxiv3000, bundled, hfDaily, paper, type ArxivPaper } from './helpers.ts';

/** Names that are no research topic: the examples and their kin. */
const NOT_TOPICS = new Set(
  `model models method methods learning data approach network networks see position suite
  consistency reference event attacks measures limit groups upper bound lower bounds foundation model
  results performance benchmark framework task tasks analysis study`
    .split(/\s+/u)
    .filter(Boolean),
);
const isNotATopic = (name: string) =>
  NOT_TOPICS.has(name.toLowerCase()) ||
  /^(?:upper|lower) bounds?$|^foundation models?$/iu.test(name) ||
  // Two bare words joined by "and" are a group nobody could name ("Speculative and user").
  /^\p{L}+ and \p{L}+$/u.test(name);

/** Share of memberships in topics whose coherence is below 1.5 (leaves, "Other papers" included). */
function lowCoherenceShare(papers: readonly TopicPaper[], d: Discovery): number {
  const row = new Map(papers.map((p, i) => [p.slug, i]));
  const leaves = d.topics.filter((t) => !t.children);
  return coherence(
    tfidfVectors(papers),
    new Map(leaves.map((t) => [t.slug, t.papers.map((s) => row.get(s) as number)])),
  ).lowShare;
}

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
    expect(isNotATopic(topic.name), topic.name).toBe(false);
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
        'Sparse attention',
        'Scaling laws',
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

  test('keeps some topic slugs when the list changes a little', () => {
    const fewer = discoverTopics(papers.filter((_, i) => i % 20 !== 7));
    const before = new Set(first.topics.map((t) => t.slug));
    const kept = fewer.topics.filter((t) => before.has(t.slug)).length;
    // Clusters move when 5% of a 198-paper list goes (a third or more of the
    // topics keep their slug); the registry redirects the rest.
    expect(kept / fewer.topics.length).toBeGreaterThanOrEqual(0.3);
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

describe('discovery on lists it was not written for', () => {
  test('Hugging Face daily papers: coherent topics, named by the field', () => {
    const papers = hfDaily();
    expect(papers).toHaveLength(73);
    const model = buildTopicModel(papers);
    expectGoodTopics(papers, model);
    const d = discoverTopics(papers);
    expect(lowCoherenceShare(papers, d)).toBeLessThanOrEqual(0.05);
    const names = d.topics.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(['Diffusion models', 'World models', 'Instruction tuning']),
    );
  });

  test('200 random arXiv cs papers: coherent topics, purer than LSA + k-means', () => {
    const papers = arxiv200();
    const model = buildTopicModel(papers);
    expectGoodTopics(papers, model);
    const d = discoverTopics(papers);
    expect(lowCoherenceShare(papers, d)).toBeLessThanOrEqual(0.05);
    const leaves = d.topics.filter((t) => t.slug !== OTHER_SLUG);
    const index = new Map(leaves.map((t, i) => [t.slug, i]));
    const main = papers.map((p) => index.get(d.byPaper.get(p.slug)?.[0]?.topic ?? '') ?? -1);
    const cats = papers.map((p) => p.category);
    const ours = purity(main, cats);
    const baseline = purity(kmeans(lsa(tfidfVectors(papers)), leaves.length), cats);
    expect(ours).toBeGreaterThanOrEqual(baseline + 0.02);
  });
});

describe('discovery on a few thousand papers: areas, then topics', () => {
  let papers: ArxivPaper[];
  let d: Discovery;
  beforeAll(() => {
    papers = arxiv3000();
    d = discoverTopics(papers);
  });

  test('groups its topics into 10 to 25 areas, each topic in one', () => {
    const areas = d.topics.filter((t) => t.children);
    const leaves = d.topics.filter((t) => !t.children && t.slug !== OTHER_SLUG);
    expect(areas.length).toBeGreaterThanOrEqual(10);
    expect(areas.length).toBeLessThanOrEqual(25);
    const bySlug = new Map(d.topics.map((t) => [t.slug, t]));
    for (const leaf of leaves) {
      const area = bySlug.get(leaf.parent ?? '');
      expect(area?.children, leaf.slug).toContain(leaf.slug);
    }
    expect(areas.flatMap((a) => a.children ?? []).sort()).toEqual(leaves.map((t) => t.slug).sort());
    for (const area of areas) {
      // An area holds exactly the papers of its topics.
      const union = new Set((area.children ?? []).flatMap((c) => bySlug.get(c)?.papers ?? []));
      expect(new Set(area.papers)).toEqual(union);
      expect(isNotATopic(area.name), area.name).toBe(false);
    }
  });

  test('papers are assigned to topics, never to areas; no topic holds over 3% of the list', () => {
    const areas = new Set(d.topics.filter((t) => t.children).map((t) => t.slug));
    for (const p of papers) {
      const list = d.byPaper.get(p.slug) ?? [];
      expect(list.length).toBeGreaterThanOrEqual(1);
      for (const a of list) expect(areas.has(a.topic)).toBe(false);
    }
    for (const t of d.topics.filter((x) => !x.children))
      expect(t.papers.length).toBeLessThanOrEqual(Math.ceil(0.03 * papers.length) + 3);
    expect(d.covered / papers.length).toBeGreaterThanOrEqual(0.95);
  });

  test('is deterministic and does not depend on the order of the list', () => {
    const again = discoverTopics([...papers].reverse());
    expect(again.topics.map((t) => [t.slug, t.papers.length, t.parent])).toEqual(
      d.topics.map((t) => [t.slug, t.papers.length, t.parent]),
    );
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
