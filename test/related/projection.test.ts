import { describe, expect, test } from 'vitest';
import { computeLayout, computeRelated } from '../../src/lib/related/index.ts';
import { fuzzyGraph } from '../../src/lib/related/projection.ts';
import { doc, topicCorpus } from './corpus.ts';

const { docs, topicOf } = topicCorpus(30, 21);
const related = computeRelated(docs);
const layout = computeLayout(related.graph);

/** Share of papers whose nearest point on the map is a paper of the same topic. */
function nearestSameTopic(positions: Map<string, [number, number]>): number {
  const entries = [...positions];
  let same = 0;
  for (const [id, [x, y]] of entries) {
    let best = '';
    let bestD = Infinity;
    for (const [other, [ox, oy]] of entries) {
      if (other === id) continue;
      const d = (x - ox) ** 2 + (y - oy) ** 2;
      if (d < bestD) {
        bestD = d;
        best = other;
      }
    }
    if (topicOf.get(best) === topicOf.get(id)) same++;
  }
  return same / entries.length;
}

describe('computeLayout', () => {
  test('places every paper inside the unit square', () => {
    expect(layout.positions.size).toBe(docs.length);
    for (const [x, y] of layout.positions.values()) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(1);
    }
  });

  test('puts papers on the same topic next to each other', () => {
    expect(nearestSameTopic(layout.positions)).toBeGreaterThan(0.9);
  });

  test('is deterministic: same seed and papers in any order give the same map', () => {
    const again = computeLayout(computeRelated([...docs].reverse()).graph);
    expect([...again.positions]).toEqual([...layout.positions]);
    const other = computeLayout(related.graph, { seed: 7 });
    expect([...other.positions]).not.toEqual([...layout.positions]);
    expect(nearestSameTopic(other.positions)).toBeGreaterThan(0.9);
  });

  test('reuses a cached map of the same graph and keeps known papers in place when one is added', () => {
    const cache = JSON.parse(JSON.stringify(layout.cache)) as typeof layout.cache;
    const same = computeLayout(related.graph, { cache });
    expect(same.stats.mode).toBe('cached');
    expect([...same.positions]).toEqual([...layout.positions]);

    const added = doc(
      'speech-new',
      'speech recognition with a neural vocoder',
      'acoustic phoneme speaker waveform spectrogram prosody speech audio recognition',
    );
    const more = computeRelated([...docs, added], { cache: related.cache });
    const next = computeLayout(more.graph, { cache });
    expect(next.stats.mode).toBe('incremental');
    expect(next.stats.placed).toBe(1);
    for (const [id, xy] of layout.positions) expect(next.positions.get(id)).toEqual(xy);
    // The new paper lands among speech papers.
    topicOf.set('speech-new', 'speech');
    const [x, y] = next.positions.get('speech-new') as [number, number];
    const nearest = [...layout.positions]
      .map(([id, [ox, oy]]) => ({ id, d: (x - ox) ** 2 + (y - oy) ** 2 }))
      .sort((a, b) => a.d - b.d)
      .slice(0, 5);
    expect(nearest.filter((p) => topicOf.get(p.id) === 'speech').length).toBeGreaterThanOrEqual(4);
  });

  test('re-places an edited paper among its new neighbours', () => {
    const cache = JSON.parse(JSON.stringify(layout.cache)) as typeof layout.cache;
    const vision = docs.find((d) => d.id === 'vision-000') as (typeof docs)[number];
    const edited = docs.map((d) =>
      d.id === 'graphs-001' ? { ...vision, id: 'graphs-001', digest: 'edited' } : d,
    );
    const next = computeLayout(computeRelated(edited, { cache: related.cache }).graph, { cache });
    expect(next.stats.mode).toBe('incremental');
    expect(next.stats.placed).toBe(1);
    const [x, y] = next.positions.get('graphs-001') as [number, number];
    const nearest = [...layout.positions]
      .filter(([id]) => id !== 'graphs-001')
      .map(([id, [ox, oy]]) => ({ id, d: (x - ox) ** 2 + (y - oy) ** 2 }))
      .sort((a, b) => a.d - b.d)
      .slice(0, 5);
    expect(nearest.filter((p) => topicOf.get(p.id) === 'vision').length).toBeGreaterThanOrEqual(4);
  });

  test('a cache read back from JSON gives the same map without recomputing', () => {
    const cache = JSON.parse(
      JSON.stringify({ ...related.cache, layout: layout.cache }),
    ) as typeof related.cache;
    const warm = computeRelated([...docs].reverse(), { cache });
    const map = computeLayout(warm.graph, { cache: cache.layout });
    expect(map.stats.mode).toBe('cached');
    expect([...map.positions]).toEqual([...layout.positions]);
  });

  test('handles empty and tiny collections', () => {
    expect(computeLayout(computeRelated([]).graph).positions.size).toBe(0);
    const one = computeLayout(computeRelated([doc('a', 'graph coloring', 'greedy')]).graph);
    const [x, y] = one.positions.get('a') as [number, number];
    expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  });
});

describe('fuzzyGraph', () => {
  test('is symmetric with weights in (0, 1]', () => {
    const g = fuzzyGraph(related.graph);
    const weight = new Map<string, number>();
    for (let e = 0; e < g.head.length; e++)
      weight.set(`${g.head[e]}-${g.tail[e]}`, g.weight[e] as number);
    for (const [key, w] of weight) {
      const [a, b] = key.split('-');
      expect(weight.get(`${b}-${a}`)).toBe(w);
      expect(w).toBeGreaterThan(0);
      expect(w).toBeLessThanOrEqual(1);
    }
  });
});
