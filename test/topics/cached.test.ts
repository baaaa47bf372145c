import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { contentDigestOf } from '../../src/lib/content/digest.ts';
import {
  computeTopicsCached,
  readTopicsCached,
  topicsCacheKey,
  topicsCodeFiles,
} from '../../src/lib/topics/cached.ts';

const papers = [
  {
    slug: 'a',
    title: 'Mixture of experts routing',
    abstract: 'We route tokens to a mixture of experts.',
  },
  { slug: 'b', title: 'Sparse mixture of experts', abstract: 'A sparse mixture of experts layer.' },
  {
    slug: 'c',
    title: 'Experts and routing at scale',
    abstract: 'Mixture of experts models at scale.',
  },
];
const curated = {
  file: 'topics.yaml',
  text: 'topics:\n  - slug: moe\n    name: Mixture of experts\n    description: Routing to experts.\n    phrases: [mixture of experts]\n',
};

describe('the topic-model cache', () => {
  test('returns the same model from the cache, and recomputes when an input changes', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'topics-')), 'cache.json');
    const first = computeTopicsCached(papers, curated, ['by-name'], file);
    expect(first.topics.map((t) => t.slug)).toEqual(['moe']);
    // A tampered cache with the right key is what a second call returns: proof it was read.
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    saved.topics[0].name = 'From the cache';
    writeFileSync(file, JSON.stringify(saved));
    expect(computeTopicsCached(papers, curated, ['by-name'], file).topics[0]?.name).toBe(
      'From the cache',
    );
    const changed = [
      ...papers.slice(0, 2),
      { slug: 'c', title: 'Experts and routing at scale', abstract: 'Changed.' },
    ];
    expect(computeTopicsCached(changed, curated, ['by-name'], file).topics[0]?.name).toBe(
      'Mixture of experts',
    );
  });

  test('the key covers papers, the topics file and reserved slugs', () => {
    const keyed = papers.map((p) => ({ slug: p.slug, digest: contentDigestOf(p) }));
    const base = topicsCacheKey(keyed, curated.text, ['by-name']);
    expect(topicsCacheKey(keyed, curated.text, ['by-name'])).toBe(base);
    expect(topicsCacheKey(keyed, `${curated.text}#`, ['by-name'])).not.toBe(base);
    expect(topicsCacheKey(keyed, curated.text, [])).not.toBe(base);
    expect(topicsCacheKey(keyed.slice(1), curated.text, ['by-name'])).not.toBe(base);
    const edited = { title: 'Mixture of experts routing', abstract: 'We route tokens to experts.' };
    expect(
      topicsCacheKey(
        [{ slug: 'a', digest: contentDigestOf(edited) }, ...keyed.slice(1)],
        curated.text,
        ['by-name'],
      ),
    ).not.toBe(base);
  });

  test("the collection model reads it by the records' content digests, and only for the same papers", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'topics-')), 'cache.json');
    const model = computeTopicsCached(papers, curated, ['by-name'], file);
    const keyed = papers.map((p) => ({ slug: p.slug, digest: contentDigestOf(p) }));
    expect(readTopicsCached(keyed, curated, ['by-name'], file).topics).toEqual(model.topics);
    const other = [...keyed.slice(0, 2), { slug: 'c', digest: 'another abstract' }];
    expect(() => readTopicsCached(other, curated, ['by-name'], file)).toThrow(
      /no topics for this list/,
    );
  });

  test('is keyed by the code that makes topics too (discovery, the text analyser)', () => {
    const files = topicsCodeFiles();
    expect(files).toContain('src/lib/topics/discover.ts');
    expect(files).toContain('src/lib/topics/refine.ts');
    expect(files).toContain('src/lib/text/stem.ts');
    expect(files).toContain('src/lib/related/neighbours.ts');
  });
});
