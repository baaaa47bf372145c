import { describe, expect, test } from 'vitest';
import {
  assignColours,
  bounds,
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

describe('assignColours', () => {
  test('gives every topic its own colour while colours last', () => {
    const centres = Array.from({ length: PALETTE.length }, (_, i) => [i / 10, 0.5] as const);
    expect(new Set(assignColours(centres)).size).toBe(PALETTE.length);
  });

  test('neighbouring topics never get colours that look alike', () => {
    // Blue's look-alike (sky blue) is next in the palette; a topic beside the first must not get it.
    const colours = assignColours([
      [0.1, 0.1],
      [0.9, 0.9],
      [0.12, 0.1],
    ]);
    expect(colours[0]).toBe('#0072b2');
    expect(colours[2]).not.toBe('#56b4e9');
    expect(colours[2]).not.toBe(colours[0]);
  });
});

describe('bounds', () => {
  test('is the extent of the points', () => {
    const xs = Uint16Array.from([100, 300, 200]);
    const ys = Uint16Array.from([1000, 1500, 4000]);
    expect(bounds(xs, ys, 3)).toEqual({ x0: 100, y0: 1000, w: 200, h: 3000 });
  });
  test('is never empty', () => {
    expect(bounds(new Uint16Array(0), new Uint16Array(0), 0)).toEqual({
      x0: 0,
      y0: 0,
      w: 4095,
      h: 4095,
    });
    expect(bounds(Uint16Array.from([5]), Uint16Array.from([7]), 1)).toEqual({
      x0: 5,
      y0: 7,
      w: 1,
      h: 1,
    });
  });
});
