import { describe, expect, test } from 'vitest';
import {
  buildMapData,
  gridSize,
  minimapDots,
  OTHER_COLOR,
  PALETTE,
  sample,
} from '../../src/lib/map-data.ts';

const points = Array.from({ length: 1000 }, (_, i) => ({
  slug: `p${i}`,
  title: `Paper ${i}`,
  topic: i % 20 === 0 ? undefined : `t${i % 15}`,
  x: ((i * 37) % 1000) / 999,
  y: ((i * 91) % 1000) / 999,
}));
const topics = Array.from({ length: 15 }, (_, i) => ({ slug: `t${i}`, name: `Topic ${i}` }));

describe('buildMapData', () => {
  const { data, tiles } = buildMapData(points, topics);

  test('every point is in exactly one tile, and tiles are contiguous ranges', () => {
    expect(data.points.n).toBe(1000);
    expect(tiles.reduce((n, t) => n + t.slugs.length, 0)).toBe(1000);
    expect(new Set(tiles.flatMap((t) => t.slugs)).size).toBe(1000);
    tiles.forEach((t, k) => expect(t.start).toBe(data.tileStart[k]));
    expect(data.tileStart.at(-1)).toBe(1000);
  });

  test('colours the largest topics and leaves the rest as other', () => {
    expect(data.legend).toHaveLength(PALETTE.length);
    const counts = data.legend.map((l) => l.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(OTHER_COLOR).not.toBe(PALETTE[0]);
  });

  test('is deterministic', () => {
    expect(buildMapData([...points].reverse(), topics)).toEqual(buildMapData(points, topics));
  });

  test('a small collection is one tile', () => {
    expect(gridSize(198)).toBe(1);
    expect(gridSize(74728)).toBe(14);
  });
});

describe('sample', () => {
  test('keeps at most max items, spread evenly, the same every time', () => {
    expect(sample([1, 2, 3], 5)).toEqual([1, 2, 3]);
    expect(
      sample(
        Array.from({ length: 10 }, (_, i) => i),
        5,
      ),
    ).toEqual([0, 2, 4, 6, 8]);
  });
});

describe('minimapDots', () => {
  const papers = Array.from({ length: 1000 }, (_, i) => ({ slug: `p${i}` }));
  const positions = new Map(papers.map((p, i) => [p.slug, [i / 1000, 0.5] as [number, number]]));

  test('draws at most 400 papers, on the 0-1000 grid, skipping papers without a place', () => {
    const dots = minimapDots(papers, positions);
    expect(dots.match(/<circle /g)).toHaveLength(400);
    expect(dots.startsWith('<circle cx="0" cy="500" r="14"/>')).toBe(true);
    const few = [{ slug: 'p10' }, { slug: 'nowhere' }];
    expect(minimapDots(few, positions)).toBe('<circle cx="10" cy="500" r="14"/>');
  });

  test('is made once per list: the same list gives the same markup without recomputing', () => {
    const list = [{ slug: 'p1' }];
    const first = minimapDots(list, positions);
    positions.set('p1', [0.9, 0.9]);
    expect(minimapDots(list, positions)).toBe(first);
    expect(minimapDots([{ slug: 'p1' }], positions)).toBe('<circle cx="900" cy="900" r="14"/>');
  });
});
