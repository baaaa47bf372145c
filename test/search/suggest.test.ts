import { describe, expect, test } from 'vitest';
import type { SearchDoc } from '../../src/lib/search/types.ts';
import { makeClient } from './fixtures.ts';

const docs: SearchDoc[] = [
  {
    id: 1,
    slug: 'sparse-attention',
    title: 'Sparse attention for long documents',
    abstract: 'Attention over long inputs.',
    date: '2023-01-01',
    topics: ['attention'],
  },
  {
    id: 2,
    slug: 'pruning',
    title: 'Pruning neural networks',
    abstract: 'We prune weights.',
    date: '2023-02-01',
    topics: ['pruning'],
  },
  {
    id: 3,
    slug: 'sparse-pruning',
    title: 'Sparse pruning at scale',
    abstract: 'Pruning sparse models.',
    date: '2024-02-01',
    topics: ['pruning'],
  },
  {
    id: 4,
    slug: 'point-clouds',
    title: '3D point clouds',
    abstract: 'Detection in 3D scenes.',
    date: '2024-03-01',
    topics: ['vision'],
  },
  {
    id: 5,
    slug: 'safe-rl',
    title: 'Safe reinforcement learning',
    abstract: 'Agents that stay safe.',
    date: '2024-04-01',
    topics: ['robotics'],
  },
];

describe('suggestions when a search finds too little', () => {
  const { client } = makeClient(docs);

  test('did you mean: the nearest lexicon word for an unknown one', async () => {
    // Two edits: more than the query's own typo budget, fine for a question.
    expect((await client.suggest('safety')).corrected).toEqual({
      query: 'safe',
      total: 1,
      all: 1,
    });
    // Short words get one edit, and the rest of the query is kept as typed.
    expect((await client.suggest('Sparce Atention')).corrected?.query).toBe('sparse attention');
  });

  test('did you mean: words written together are split', async () => {
    expect((await client.suggest('sparseattention')).corrected).toEqual({
      query: 'sparse attention',
      total: 2,
      all: 1,
    });
  });

  test('no correction is offered that finds nothing more', async () => {
    expect((await client.suggest('xqzvw')).corrected).toBeUndefined();
  });

  test('the query less one word, where the others are all in some papers', async () => {
    const r = await client.search('pruning 3d', { complete: true });
    expect(r.all).toBe(0);
    expect(r.total).toBe(3);
    expect((await client.suggest('pruning 3d')).dropped).toEqual([
      { query: 'pruning', word: '3d', all: 2 },
      { query: '3d', word: 'pruning', all: 1 },
    ]);
    // Exclusions and phrases stay in the shorter queries.
    const s = await client.suggest('"sparse pruning" 3d -attention');
    expect(s.dropped.map((d) => d.query)).toEqual(['"sparse pruning" -attention', '3d -attention']);
  });

  test('topics of what the query finds, else of its correction, else by name', async () => {
    expect((await client.suggest('pruning 3d')).topics).toEqual([
      { slug: 'pruning', count: 2 },
      { slug: 'vision', count: 1 },
    ]);
    expect((await client.suggest('sparseattention')).topics).toEqual([
      { slug: 'attention', count: 1 },
      { slug: 'pruning', count: 1 },
    ]);
    // Nothing found, but a topic is named like the word: its size is given.
    expect((await client.suggest('robotic')).topics).toEqual([{ slug: 'robotics', count: 1 }]);
  });

  test('the same query without its filters', async () => {
    const s = await client.suggest('pruning', { year: 2024, topics: ['vision'] });
    expect(s.unfiltered).toBe(2);
    expect((await client.suggest('pruning')).unfiltered).toBeUndefined();
  });
});
