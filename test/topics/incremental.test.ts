import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildTopicModel } from '../../src/lib/topics/assign.ts';
import { computeTopicsCached } from '../../src/lib/topics/cached.ts';
import type { TopicModel, TopicPaper } from '../../src/lib/topics/index.ts';
import { arxiv3000 } from './helpers.ts';

const RESERVED = ['by-name'];
const cacheFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'topics-inc-')), 'cache.json');
const drift = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { drift: number }).drift;
const edit = (p: TopicPaper): TopicPaper => ({
  ...p,
  abstract: `${p.abstract} We add one sentence, as a curator fixing a typo would.`,
});

/** Every topic's list is what the assignments say; an area holds its topics' papers. */
function expectConsistent(model: TopicModel, papers: readonly TopicPaper[]) {
  const bySlug = new Map(model.topics.map((t) => [t.slug, t]));
  for (const p of papers) {
    const mine = model.byPaper.get(p.slug) ?? [];
    expect(mine.length, p.slug).toBeGreaterThan(0);
    for (const a of mine) expect(bySlug.get(a.topic)?.papers).toContain(p.slug);
  }
  for (const t of model.topics) {
    expect(t.papers.length).toBeGreaterThan(0);
    if (t.children === undefined) continue;
    const union = new Set(t.children.flatMap((c) => bySlug.get(c)?.papers ?? []));
    expect(new Set(t.papers)).toEqual(union);
  }
}

describe('topics kept across a small edit (3,000 arXiv papers, two levels)', () => {
  let papers: TopicPaper[];
  let file: string;
  let full: TopicModel;
  beforeAll(() => {
    papers = arxiv3000().map(({ slug, title, abstract }) => ({ slug, title, abstract }));
    file = cacheFile();
    full = computeTopicsCached(papers, undefined, RESERVED, file);
  });

  test('only the edited and new papers move; removed papers leave every list', () => {
    const edited = [
      edit(papers[0] as TopicPaper),
      ...papers.slice(1, 500),
      ...papers.slice(501),
      { ...(papers[10] as TopicPaper), slug: 'a-new-paper-with-the-text-of-another' },
    ];
    const removed = (papers[500] as TopicPaper).slug;
    const kept = computeTopicsCached(edited, undefined, RESERVED, file);
    expect(drift(file)).toBe(3);
    expect(kept.topics.filter((t) => !t.children).length).toBeGreaterThan(20);
    expect(new Set(kept.topics.map((t) => t.slug))).toEqual(
      new Set(full.topics.map((t) => t.slug)),
    );
    for (const p of edited.slice(1, -1))
      expect(kept.byPaper.get(p.slug), p.slug).toEqual(full.byPaper.get(p.slug));
    for (const t of kept.topics) expect(t.papers).not.toContain(removed);
    // A typo fixed does not move a paper; its reason is said again.
    const placed = kept.byPaper.get((papers[0] as TopicPaper).slug) ?? [];
    expect(placed).toHaveLength(1);
    expect(placed[0]?.topic).toBe(full.byPaper.get((papers[0] as TopicPaper).slug)?.[0]?.topic);
    expect(placed[0]?.reason).toMatch(/^(title mentions|abstract is about|shares) “/);
    expectConsistent(kept, edited);
  });

  test('papers only removed and reordered keep everyone else where they were', () => {
    const own = cacheFile();
    const first = computeTopicsCached(papers, undefined, RESERVED, own);
    const gone = new Set([(papers[3] as TopicPaper).slug, (papers[4] as TopicPaper).slug]);
    const left = papers.filter((p) => !gone.has(p.slug)).reverse();
    const model = computeTopicsCached(left, undefined, RESERVED, own);
    expect(drift(own)).toBe(2);
    for (const p of left) expect(model.byPaper.get(p.slug)).toEqual(first.byPaper.get(p.slug));
    for (const t of model.topics) for (const slug of gone) expect(t.papers).not.toContain(slug);
    // Lists follow the new order.
    const topic = model.topics.find((t) => t.papers.length > 2) as TopicModel['topics'][number];
    const at = new Map(left.map((p, i) => [p.slug, i]));
    const positions = topic.papers.map((s) => at.get(s) as number);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expectConsistent(model, left);
  });

  test('new papers join topics of their own field as often as discovery places papers', () => {
    // 2 % of the list left out of the first build, then added: compared by
    // arXiv category with each topic's most common one (measured: 0.68
    // for the added papers, 0.64 for the rest; 10,000 papers: 0.70, 0.69).
    const all = arxiv3000();
    const added = new Set(all.filter((_, i) => i % 50 === 7).map((p) => p.slug));
    const own = cacheFile();
    const strip = ({ slug, title, abstract }: TopicPaper) => ({ slug, title, abstract });
    computeTopicsCached(all.filter((p) => !added.has(p.slug)).map(strip), undefined, RESERVED, own);
    const model = computeTopicsCached(all.map(strip), undefined, RESERVED, own);
    expect(drift(own)).toBe(added.size);
    const category = new Map(all.map((p) => [p.slug, p.category]));
    const major = new Map(
      model.topics.map((t) => {
        const counts = new Map<string, number>();
        for (const s of t.papers)
          counts.set(category.get(s) ?? '', (counts.get(category.get(s) ?? '') ?? 0) + 1);
        return [t.slug, [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]];
      }),
    );
    const rate = (list: typeof all) =>
      list.filter((p) => major.get(model.byPaper.get(p.slug)?.[0]?.topic ?? '') === p.category)
        .length / list.length;
    const newRate = rate(all.filter((p) => added.has(p.slug)));
    const keptRate = rate(all.filter((p) => !added.has(p.slug)));
    expect(keptRate).toBeGreaterThan(0.5);
    expect(newRate).toBeGreaterThanOrEqual(keptRate - 0.05);
    expectConsistent(model, all);
  });

  test('changes add up, and past 2 % of the list topics are discovered afresh', () => {
    const own = cacheFile();
    computeTopicsCached(papers, undefined, RESERVED, own);
    const first = papers.map((p, i) => (i < 40 ? edit(p) : p));
    computeTopicsCached(first, undefined, RESERVED, own);
    expect(drift(own)).toBe(40);
    const second = first.map((p, i) => (i >= 100 && i < 140 ? edit(p) : p));
    const fresh = computeTopicsCached(second, undefined, RESERVED, own);
    expect(drift(own)).toBe(0);
    expect(fresh.topics).toEqual(
      buildTopicModel(second, undefined, { reserved: new Set(RESERVED) }).topics,
    );
  });

  test('a list with a topics file is matched afresh', () => {
    const own = cacheFile();
    const small = papers.slice(0, 100);
    const curated = {
      file: 'topics.yaml',
      text: 'topics:\n  - slug: learning\n    name: Learning\n    description: Learning.\n    phrases: [learning]\n',
    };
    computeTopicsCached(small, curated, RESERVED, own);
    computeTopicsCached([edit(small[0] as TopicPaper), ...small.slice(1)], curated, RESERVED, own);
    expect(drift(own)).toBe(0);
  });
});
