/**
 * A tiny corpus for the search tests, and a client that reads the built
 * files from memory and records which ones it fetched.
 */
import { buildSearchIndex } from '../../src/lib/search/build.ts';
import { SearchClient } from '../../src/lib/search/client.ts';
import type { SearchDoc, SearchOptions } from '../../src/lib/search/types.ts';

export const DOCS: SearchDoc[] = [
  {
    id: 1,
    slug: 'pruned-transformers',
    title: 'Pruned Transformers Are Fast',
    abstract:
      'We show that structured pruning keeps accuracy. Pruned heads of the transformer are removed after training, and sparse weights stay sparse.',
    authors: [
      'Ada Lovelace',
      'Alan Turing',
      'Grace Hopper',
      'Edsger Dijkstra',
      'Barbara Liskov',
      'Donald Knuth',
    ],
    date: '2023-05-01',
    topics: ['efficiency', 'transformers'],
  },
  {
    id: 2,
    slug: 'diffusion-models',
    title: 'Denoising Diffusion Models for Images',
    abstract:
      'Diffusion models generate images by reversing a noising process. We sample with top-p sampling and study the N:M sparsity of the denoiser.',
    authors: ['Jonathan Ho'],
    date: '2024-02-10',
    topics: ['generative'],
  },
  {
    id: 3,
    slug: 'splade',
    title: 'SPLADE v2: Sparse Lexical and Expansion Model',
    abstract:
      'A sparse retrieval model. SPLADE v2 learns k-sparse expansions for first-stage retrieval with inverted indexes.',
    authors: ['Thibault Formal'],
    date: '2021-09-20',
    topics: ['retrieval'],
  },
  {
    id: 4,
    slug: 'hyvarinen',
    title: 'Independent Component Analysis by Hyvärinen',
    abstract:
      'Estimation of non-Gaussian sources. The method of Hyvärinen separates mixed signals; no diffusion is involved.',
    authors: ['Aapo Hyvärinen'],
    date: '2024-07-07',
    topics: ['statistics'],
  },
  {
    id: 5,
    slug: 'latex',
    title: 'Bounds on $\\ell_p$ norms <b>& friends</b>',
    abstract:
      'We bound $\\|x\\|_p$ for <script>alert(1)</script> vectors. Transformer attention is not studied here; the transformer word appears twice: transformer.',
    date: '2022-01-15',
    topics: ['theory', 'transformers'],
  },
  {
    id: 6,
    slug: 'attention-survey',
    title: 'A Survey of Attention',
    abstract:
      'Attention mechanisms in neural networks. Self-attention lets every token attend to every other token; large language models rely on it.',
    date: '2024-11-30',
    topics: ['transformers'],
  },
  {
    id: 7,
    slug: 'language-model-scaling',
    title: 'Scaling Laws',
    abstract:
      'A large language model improves with data. We measure how the loss of a language model falls when it is large.',
    date: '2020-03-03',
    topics: ['scaling'],
  },
  {
    id: 8,
    slug: 'undated',
    title: 'An Undated Note on Sampling',
    abstract: 'Nucleus sampling picks from the top p of the distribution.',
  },
];

export interface TestIndex {
  client: SearchClient;
  fetched: string[];
  files: Map<string, string>;
}

export function makeClient(
  docs: SearchDoc[] = DOCS,
  options: Partial<SearchOptions> = {},
): TestIndex {
  const built = buildSearchIndex(docs, options);
  const files = new Map(built.files.map((f) => [f.path, f.body]));
  const fetched: string[] = [];
  const client = new SearchClient(async (path) => {
    const body = files.get(path);
    if (body === undefined) throw new Error(`missing ${path}`);
    fetched.push(path);
    return body;
  });
  return { client, fetched, files };
}

/** Slugs of the hits of `query` (submitted, unless `typing`). */
export async function slugs(index: TestIndex, query: string, typing = false): Promise<string[]> {
  const r = await index.client.search(query, { complete: !typing, limit: 50 });
  return r.hits.map((h) => h.slug);
}
