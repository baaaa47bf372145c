import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type RelatedCache,
  type RelatedDoc,
  computeRelated,
  isRelatedCache,
} from '../../src/lib/related/index.ts';
import { Searcher, exactScores, knnGraph } from '../../src/lib/related/neighbours.ts';
import { Vocabulary } from '../../src/lib/related/tokens.ts';
import { buildVectors } from '../../src/lib/related/vectors.ts';
import { doc, topicCorpus } from './corpus.ts';

const HAND_MADE: RelatedDoc[] = [
  doc(
    'diff-1',
    'Diffusion models for image synthesis',
    'We train denoising diffusion models that synthesise images from noise.',
  ),
  doc(
    'diff-2',
    'Faster sampling of diffusion models',
    'A sampler that cuts the denoising steps of diffusion image models.',
  ),
  doc(
    'diff-3',
    'Latent diffusion for video synthesis',
    'Diffusion in a latent space synthesises video frames from noise.',
  ),
  doc(
    'ret-1',
    'Sparse retrieval with learned term weights',
    'Sparse retrieval models score documents by learned term weights in an inverted index.',
  ),
  doc(
    'ret-2',
    'Dense versus sparse retrieval',
    'We compare dense embeddings and sparse term retrieval of documents for question answering.',
  ),
  doc(
    'ret-3',
    'Inverted index compression for retrieval',
    'Compressing the inverted index speeds up retrieval of documents.',
  ),
  doc(
    'rl-1',
    'Reward shaping in reinforcement learning',
    'Shaped rewards help reinforcement learning agents explore sparse reward environments.',
  ),
  doc(
    'rl-2',
    'Offline reinforcement learning from logged rewards',
    'Agents learn policies from logged rewards without exploring.',
  ),
];

function vectorsOf(docs: RelatedDoc[]): ReturnType<typeof buildVectors> {
  const vocab = new Vocabulary();
  return buildVectors(
    docs.map((d) => vocab.docWords(d.title, d.abstract)),
    vocab,
  );
}

describe('computeRelated on a hand-made corpus', () => {
  const { related } = computeRelated(HAND_MADE, { k: 2 });

  test('finds the papers on the same subject', () => {
    const group = (id: string): string => id.split('-')[0] as string;
    for (const d of HAND_MADE) {
      const others = HAND_MADE.filter((x) => x.id !== d.id && group(x.id) === group(d.id));
      const list = related.get(d.id) ?? [];
      // The first neighbours are exactly the other papers of its group (2 or 1 of them).
      const first = list.slice(0, others.length).map((nb) => nb.id);
      expect(first.sort(), d.id).toEqual(others.map((x) => x.id).sort());
    }
  });

  test('explains a match with readable shared words, heaviest first', () => {
    const list = related.get('diff-1') ?? [];
    expect(list[0]?.terms).toContain('diffusion');
    const ret = related.get('ret-1') ?? [];
    expect(ret.flatMap((nb) => nb.terms)).toEqual(expect.arrayContaining(['retrieval']));
    for (const nb of [...related.values()].flat()) {
      expect(nb.terms.length).toBeLessThanOrEqual(4);
      for (const t of nb.terms) expect(t).toMatch(/^[a-z0-9]+$/u);
    }
  });

  test('scores are cosines in [0, 1], best first, never the paper itself', () => {
    for (const [id, list] of related) {
      for (const nb of list) {
        expect(nb.id).not.toBe(id);
        expect(nb.score).toBeGreaterThan(0);
        expect(nb.score).toBeLessThanOrEqual(1);
      }
      for (let i = 1; i < list.length; i++) {
        expect((list[i - 1] as { score: number }).score).toBeGreaterThanOrEqual(
          (list[i] as { score: number }).score,
        );
      }
    }
  });

  test('gives identical papers a score of 1 and breaks ties by id', () => {
    const twins = [
      doc('b', 'Graph coloring heuristics', 'Greedy graph coloring with heuristics.'),
      doc('c', 'Graph coloring heuristics', 'Greedy graph coloring with heuristics.'),
      doc('a', 'Graph coloring heuristics', 'Greedy graph coloring with heuristics.'),
      doc('z', 'Unrelated protein folding', 'Protein structure prediction.'),
    ];
    const r = computeRelated(twins, { k: 3 }).related;
    expect(r.get('c')?.map((nb) => [nb.id, nb.score])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });
});

describe('determinism', () => {
  test('the same papers in any order give identical related lists', () => {
    const { docs } = topicCorpus(15);
    const a = computeRelated(docs);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(docs, { minLength: docs.length, maxLength: docs.length }),
        (shuffled) => {
          const b = computeRelated(shuffled);
          expect([...b.related]).toEqual([...a.related]);
          expect(b.cache).toEqual(a.cache);
        },
      ),
      { numRuns: 5 },
    );
  });
});

describe('pruned search', () => {
  test('equals exhaustive cosine ranking when every term is indexed', () => {
    const { docs } = topicCorpus(12, 7);
    const v = vectorsOf(docs);
    const k = 5;
    const g = knnGraph(v, { k, indexTerms: 1000, queryTerms: 1000, candidates: 1000 });
    for (let q = 0; q < v.n; q++) {
      const exact = exactScores(v, q);
      const order = Array.from(exact.keys())
        .filter((d) => d !== q && (exact[d] as number) > 0)
        .sort((x, y) => (exact[y] as number) - (exact[x] as number) || x - y)
        .slice(0, k);
      expect(Array.from(g.index.subarray(q * k, q * k + (g.count[q] as number)))).toEqual(order);
    }
  });

  test('finds most true neighbours with the default pruning', () => {
    const { docs } = topicCorpus(40, 3);
    const v = vectorsOf(docs);
    const k = 5;
    const g = knnGraph(v, { k, indexTerms: 8, queryTerms: 8, candidates: 20 });
    let hits = 0;
    for (let q = 0; q < v.n; q++) {
      const exact = exactScores(v, q);
      exact[q] = -1;
      const truth = new Set(
        Array.from(exact.keys())
          .sort((x, y) => (exact[y] as number) - (exact[x] as number) || x - y)
          .slice(0, k),
      );
      for (let j = 0; j < (g.count[q] as number); j++)
        if (truth.has(g.index[q * k + j] as number)) hits++;
    }
    expect(hits / (v.n * k)).toBeGreaterThan(0.8);
  });

  test('Searcher.query agrees with the graph row it would recompute', () => {
    const { docs } = topicCorpus(10, 5);
    const v = vectorsOf(docs);
    const options = { k: 5, indexTerms: 1000, queryTerms: 1000, candidates: 1000 };
    const g = knnGraph(v, options);
    const s = new Searcher(v, options);
    const idx = new Int32Array(5);
    const sc = new Float32Array(5);
    for (let q = 0; q < v.n; q++) {
      const c = s.query(q, idx, sc, 0);
      expect(Array.from(idx.subarray(0, c))).toEqual(
        Array.from(g.index.subarray(q * 5, q * 5 + c)),
      );
    }
  });
});

describe('rebuild cache', () => {
  const { docs, topicOf } = topicCorpus(25, 11);
  const cold = computeRelated(docs);
  const cache = JSON.parse(JSON.stringify(cold.cache)) as RelatedCache;

  test('is plain JSON and an unchanged collection is served from it', () => {
    expect(isRelatedCache(cache)).toBe(true);
    const warm = computeRelated([...docs].reverse(), { cache });
    expect(warm.stats.mode).toBe('cached');
    expect(warm.stats.recomputed).toBe(0);
    expect([...warm.related]).toEqual([...cold.related]);
    expect(Array.from(warm.graph.index)).toEqual(Array.from(cold.graph.index));
  });

  test('one edited paper recomputes only the lists it can affect', () => {
    // graphs-000 becomes a speech paper.
    const speech = docs.find((d) => d.id === 'speech-000') as RelatedDoc;
    const edited = docs.map((d) =>
      d.id === 'graphs-000'
        ? { ...d, title: speech.title, abstract: `${speech.abstract} vocoder`, digest: 'edited' }
        : d,
    );
    const warm = computeRelated(edited, { cache });
    expect(warm.stats.mode).toBe('incremental');
    expect(warm.stats.recomputed).toBeLessThan(docs.length / 2);
    expect(warm.stats.bagsReused).toBe(docs.length - 1);
    const mine = warm.related.get('graphs-000') ?? [];
    expect(mine.map((nb) => topicOf.get(nb.id))).toEqual(mine.map(() => 'speech'));
    // No graph paper keeps pointing at it unless it still ranks there on the new text.
    expect(warm.related.get('speech-000')?.[0]?.id).toBe('graphs-000');
    // The result matches a cold build of the edited collection almost everywhere.
    const fresh = computeRelated(edited);
    let same = 0;
    for (const [id, list] of fresh.related) {
      if (
        JSON.stringify(list.map((nb) => nb.id)) ===
        JSON.stringify(warm.related.get(id)?.map((nb) => nb.id))
      )
        same++;
    }
    expect(same / docs.length).toBeGreaterThan(0.9);
  });

  test('removed papers disappear from every list', () => {
    const fewer = docs.filter((d) => d.id !== 'vision-003' && d.id !== 'proofs-010');
    const warm = computeRelated(fewer, { cache });
    expect(warm.stats.mode).toBe('incremental');
    const ids = new Set(fewer.map((d) => d.id));
    for (const list of warm.related.values())
      for (const nb of list) expect(ids.has(nb.id)).toBe(true);
    expect(warm.related.has('vision-003')).toBe(false);
  });

  test('a damaged cache is ignored', () => {
    const damaged = JSON.parse(JSON.stringify(cold.cache)) as RelatedCache;
    damaged.knn[3] = 1e6;
    expect(isRelatedCache(damaged)).toBe(false);
    expect(computeRelated(docs, { cache: damaged }).stats.mode).toBe('full');
  });

  test('holds no negative zero, so a JSON round trip keeps the map signature', () => {
    expect(cold.cache.init.some((x) => Object.is(x, -0))).toBe(false);
    expect(cold.cache.scores.some((x) => Object.is(x, -0))).toBe(false);
  });

  test('other options or a foreign object are not trusted', () => {
    expect(computeRelated(docs, { cache, k: 3 }).stats.mode).toBe('full');
    const junk = { version: 1, ids: 'x' } as unknown as RelatedCache;
    expect(computeRelated(docs, { cache: junk }).stats.mode).toBe('full');
  });
});

describe('hostile input', () => {
  test('never throws on arbitrary titles and abstracts', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ maxLength: 300 })),
          {
            maxLength: 12,
          },
        ),
        (pairs) => {
          const input = pairs.map(([t, a], i) => doc(`d${i}`, t, a));
          const { related } = computeRelated(input);
          expect(related.size).toBe(input.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('papers with no usable words get an empty list', () => {
    const input = [
      doc('empty', '', ''),
      doc('math', '$\\alpha + \\beta$', '$$x^2$$ https://example.com 2024 the of and'),
      doc('a', 'Graph coloring', 'Greedy graph coloring.'),
      doc('b', 'Graph coloring again', 'Graph coloring with greedy rules.'),
    ];
    const { related } = computeRelated(input);
    expect(related.get('empty')).toEqual([]);
    expect(related.get('math')).toEqual([]);
    expect(related.get('a')?.[0]?.id).toBe('b');
  });

  test('odd digests are plain cache keys', () => {
    const input = [
      { ...doc('a', 'Graph coloring', 'Greedy graph coloring.'), digest: '__proto__' },
      { ...doc('b', 'Graph coloring again', 'Graph coloring rules.'), digest: 'constructor' },
    ];
    const cold = computeRelated(input);
    const cache = JSON.parse(JSON.stringify(cold.cache)) as RelatedCache;
    const edited = [
      input[0] as RelatedDoc,
      { ...doc('b', 'Graph coloring', 'Greedy graph coloring.'), digest: 'x' },
    ];
    const warm = computeRelated(edited, { cache });
    expect(warm.stats.bagsReused).toBe(1);
    expect(warm.related.get('a')?.[0]?.score).toBe(1);
  });

  test('duplicate ids are an error', () => {
    expect(() => computeRelated([doc('x', 'a', 'b'), doc('x', 'c', 'd')])).toThrow(/duplicate/u);
  });
});
