import { describe, expect, test } from 'vitest';
import { twinJson, type TwinPaper } from '../../src/lib/twins.ts';

const paper: TwinPaper = {
  slug: 'sparse-moe',
  title: 'Sparse $k$-experts',
  plainTitle: 'Sparse k-experts',
  abstract: 'We route <b>tokens</b>.',
  plainAbstract: 'We route <b>tokens</b>.',
  authors: ['A. Author'],
  links: [],
  categories: ['cs.LG'],
};
const absolute = (p: string) => `https://lab.example/papers-site${p}`;

describe("a paper's JSON twin", () => {
  test('gives absolute URLs for the paper and its topics, and null for what the list lacks', () => {
    const twin = JSON.parse(
      twinJson(
        paper,
        [{ slug: 'moe', name: 'Mixture of experts', reason: 'listed by hand' }],
        absolute,
      ),
    );
    expect(twin).toMatchObject({
      slug: 'sparse-moe',
      url: 'https://lab.example/papers-site/papers/sparse-moe/',
      title: 'Sparse k-experts',
      titleTex: 'Sparse $k$-experts',
      date: null,
      arxiv: null,
      topics: [
        {
          slug: 'moe',
          name: 'Mixture of experts',
          url: 'https://lab.example/papers-site/topics/moe/',
          reason: 'listed by hand',
        },
      ],
    });
  });

  test('keeps untrusted text as data: JSON escapes it, nothing is interpreted', () => {
    const text = twinJson(paper, [], absolute);
    expect(JSON.parse(text).abstract).toBe('We route <b>tokens</b>.');
    expect(text).toBe(twinJson(paper, [], absolute));
  });
});
