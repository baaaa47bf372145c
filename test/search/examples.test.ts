import { describe, expect, test } from 'vitest';
import { searchExamples } from '../../src/lib/search-examples.ts';
import type { SearchDoc } from '../../src/lib/search/types.ts';
import { makeClient } from './fixtures.ts';

const titles = [
  'Sparse Attention for LLMs',
  'Efficient Sparse Attention Kernels',
  'Pruning LLMs in One Shot',
  'Sparse Training of 3D Detectors',
  'Diffusion Models for 3D Scenes',
  'Mixture of Experts at Scale',
  'Sparse Mixture of Experts Routing',
];
const papers = titles.map((plainTitle) => ({ plainTitle }));
const topics = [
  { name: 'Mixture of experts', papers: ['5', '6'] },
  { name: 'Sparse attention', papers: ['0', '1', '2'] },
];

describe('example searches of the empty search page', () => {
  const examples = searchExamples(papers, topics);

  test('come from the collection: its largest topic, a phrase, an acronym, common words', () => {
    expect(examples).toEqual([
      { what: 'words in any order and form', query: 'sparse attention' },
      { what: 'a phrase, in quotes', query: '"mixture of experts"' },
      { what: 'acronyms and short words', query: 'LLM' },
      { what: 'a word left out', query: 'sparse -attention' },
      { what: 'a typo', query: 'spasre' },
    ]);
  });

  test('each finds papers', async () => {
    const docs: SearchDoc[] = papers.map((p, id) => ({
      id,
      slug: `p${id}`,
      title: p.plainTitle,
      abstract: '',
    }));
    const { client } = makeClient(docs);
    for (const e of examples) {
      const r = await client.search(e.query, { complete: true });
      expect(r.total, e.query).toBeGreaterThan(0);
    }
  });
});
