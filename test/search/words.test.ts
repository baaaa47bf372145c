import { describe, expect, test } from 'vitest';
import type { SearchDoc } from '../../src/lib/search/types.ts';
import { makeClient, slugs } from './fixtures.ts';

describe('every token a reader types', () => {
  const docs: SearchDoc[] = [
    {
      id: 1,
      slug: 'lp',
      title: 'Sharper Bounds for ℓ_p Sensitivity Sampling',
      abstract: 'Subspace embeddings.',
    },
    {
      id: 2,
      slug: 'lp-glued',
      title: 'Regression in ℓp norms',
      abstract: 'Sensitivity of ℓ1 fits.',
    },
    {
      id: 3,
      slug: 'pruning-3d',
      title: 'Pruning 3D Point Cloud Networks',
      abstract: 'We prune 3-D detectors.',
    },
    {
      id: 4,
      slug: 'gpt4',
      title: 'Evaluating GPT-4 and GPT4o',
      abstract: 'LLMs on L2 regularised tasks.',
    },
    {
      id: 5,
      slug: 'ml-theory',
      title: 'A Theory of ML Systems',
      abstract: 'AI safety and ML theory.',
    },
    {
      id: 6,
      slug: 'other',
      title: 'Sparse Attention',
      abstract: 'Attention that is sparse. Pruning helps.',
    },
    {
      id: 7,
      slug: 'fine-tuning',
      title: 'Parameter-efficient fine-tuning',
      abstract: 'Finetuning adapters.',
    },
  ];
  const index = makeClient(docs);

  test('a query of short and long words finds what each word finds, all words first', async () => {
    // Not only the papers with both (the short word was once glued to its neighbour).
    expect(await slugs(index, 'pruning 3d')).toEqual(['pruning-3d', 'other']);
    expect(await slugs(index, 'safety ai')).toEqual(['ml-theory']);
    expect(await slugs(index, 'attention ml')).toEqual(['other', 'ml-theory']);
  });

  test('words of one or two letters', async () => {
    expect(await slugs(index, 'ai')).toEqual(['ml-theory']);
    expect((await slugs(index, 'ml')).sort()).toEqual(['ml-theory']);
    expect((await slugs(index, 'ml theory'))[0]).toBe('ml-theory');
  });

  test('letter-digit tokens: 3d, l2, gpt4', async () => {
    expect(await slugs(index, '3d')).toEqual(['pruning-3d']);
    expect(await slugs(index, 'l2')).toEqual(['gpt4']);
    expect(await slugs(index, 'gpt4')).toEqual(['gpt4']);
    expect(await slugs(index, 'GPT-4')).toEqual(['gpt4']);
  });

  test('ℓp, ℓ_p and lp are one word', async () => {
    expect((await slugs(index, 'lp')).sort()).toEqual(['lp', 'lp-glued']);
    expect((await slugs(index, 'ℓp')).sort()).toEqual(['lp', 'lp-glued']);
    expect((await slugs(index, 'sensitivity lp')).slice(0, 2).sort()).toEqual(['lp', 'lp-glued']);
  });

  test('acronyms in plural and hyphenated forms', async () => {
    expect(await slugs(index, 'LLM')).toEqual(['gpt4']);
    expect((await slugs(index, 'finetuning')).sort()).toEqual(['fine-tuning']);
    expect((await slugs(index, 'fine-tuning')).sort()).toEqual(['fine-tuning']);
    expect((await slugs(index, 'fine tuning')).sort()).toEqual(['fine-tuning']);
  });

  test('stop words count inside quoted phrases', async () => {
    const phrases = makeClient([
      { id: 1, slug: 'of', title: 'The state of the art', abstract: '' },
      { id: 2, slug: 'for', title: 'The state for an art', abstract: '' },
    ]);
    expect(await slugs(phrases, '"state of the art"')).toEqual(['of']);
    expect(await slugs(phrases, '"state for an art"')).toEqual(['for']);
  });
});

describe('all words first', () => {
  const docs: SearchDoc[] = [
    {
      id: 1,
      slug: 'sparse-only',
      title: 'Sparse sparse sparse',
      abstract: 'Sparse codes, sparse sparse.',
    },
    {
      id: 2,
      slug: 'attention-only',
      title: 'Attention attention',
      abstract: 'Attention everywhere.',
    },
    {
      id: 3,
      slug: 'both',
      title: 'A long survey of many things',
      abstract: 'Some sparse attention at the end.',
    },
  ];
  const index = makeClient(docs);

  test('papers with every word rank above papers with a higher score that lack one', async () => {
    const r = await index.client.search('sparse attention', { complete: true });
    expect(r.hits[0]?.slug).toBe('both');
    expect(r.total).toBe(3);
    expect(r.all).toBe(1);
    expect(r.words).toEqual(['sparse', 'attention']);
  });

  test('a hit that lacks a word says which', async () => {
    const r = await index.client.search('sparse attention', { complete: true });
    const missing = Object.fromEntries(r.hits.map((h) => [h.slug, h.missing]));
    expect(missing).toEqual({
      both: [],
      'sparse-only': ['attention'],
      'attention-only': ['sparse'],
    });
  });

  test('a typo correction or the prefix being typed counts as having the word', async () => {
    const typo = await index.client.search('sparse atention', { complete: true });
    expect(typo.hits[0]?.slug).toBe('both');
    expect(typo.all).toBe(1);
    const typing = await index.client.search('sparse atten');
    expect(typing.hits[0]?.slug).toBe('both');
    expect(typing.hits[0]?.missing).toEqual([]);
  });
});
