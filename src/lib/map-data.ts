/**
 * The map's data, computed from map positions and topics: compact point
 * arrays (fetched by the map page in one small file), per-tile titles and
 * slugs (fetched when the pointer or keyboard reaches a tile), colours.
 * Pure, so the build and the tests share it.
 */

/** Distinct hues that keep 3:1 contrast with both themes' backgrounds. */
export const PALETTE = [
  '#2563eb',
  '#dc2626',
  '#059669',
  '#d97706',
  '#7c3aed',
  '#db2777',
  '#0891b2',
  '#65a30d',
  '#ea580c',
  '#4f46e5',
  '#be123c',
  '#0d9488',
];
export const OTHER_COLOR = '#8a8f98';

export interface MapInput {
  slug: string;
  title: string;
  /** Topic slug the point is coloured by (its strongest topic). */
  topic: string | undefined;
  x: number;
  y: number;
}

export interface MapLegendEntry {
  slug: string;
  name: string;
  color: string;
  count: number;
}

export interface MapData {
  /** Points, tile by tile: `x`, `y` in 0..4095, `t` the legend index (or legend.length for "other"). */
  points: { n: number; x: string; y: string; t: string };
  /** Tiles per side: point i is in tile `tileOf[i]`; tile k holds points `tileStart[k]` to `tileStart[k + 1]`. */
  grid: number;
  tileStart: number[];
  legend: MapLegendEntry[];
}

export interface MapTile {
  start: number;
  slugs: string[];
  titles: string[];
}

const toBase64 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** Tiles per side: one tile for small collections, up to 16×16 for large ones. */
export function gridSize(n: number): number {
  return Math.min(16, Math.max(1, Math.ceil(Math.sqrt(n / 400))));
}

export function buildMapData(
  input: readonly MapInput[],
  topics: readonly { slug: string; name: string }[],
): { data: MapData; tiles: MapTile[] } {
  const counts = new Map<string, number>();
  for (const p of input) if (p.topic) counts.set(p.topic, (counts.get(p.topic) ?? 0) + 1);
  const coloured = topics
    .filter((t) => (counts.get(t.slug) ?? 0) > 0)
    .sort(
      (a, b) => (counts.get(b.slug) ?? 0) - (counts.get(a.slug) ?? 0) || (a.slug < b.slug ? -1 : 1),
    )
    .slice(0, PALETTE.length);
  const legend: MapLegendEntry[] = coloured.map((t, i) => ({
    slug: t.slug,
    name: t.name,
    color: PALETTE[i] as string,
    count: counts.get(t.slug) ?? 0,
  }));
  const legendIndex = new Map(legend.map((l, i) => [l.slug, i]));

  const grid = gridSize(input.length);
  const q = (v: number) => Math.max(0, Math.min(4095, Math.round(v * 4095)));
  const tileKey = (p: MapInput) =>
    Math.min(grid - 1, Math.floor(p.y * grid)) * grid + Math.min(grid - 1, Math.floor(p.x * grid));
  const order = input
    .map((p, i) => ({ p, i, tile: tileKey(p) }))
    .sort((a, b) => a.tile - b.tile || (a.p.slug < b.p.slug ? -1 : 1));
  const xs = new Uint16Array(order.length);
  const ys = new Uint16Array(order.length);
  const ts = new Uint8Array(order.length);
  const tileStart = new Array<number>(grid * grid + 1).fill(0);
  const tiles: MapTile[] = Array.from({ length: grid * grid }, () => ({
    start: 0,
    slugs: [],
    titles: [],
  }));
  order.forEach(({ p, tile }, k) => {
    xs[k] = q(p.x);
    ys[k] = q(p.y);
    ts[k] =
      p.topic !== undefined && legendIndex.has(p.topic)
        ? (legendIndex.get(p.topic) as number)
        : legend.length;
    (tiles[tile] as MapTile).slugs.push(p.slug);
    (tiles[tile] as MapTile).titles.push(p.title);
    tileStart[tile + 1] = k + 1;
  });
  for (let k = 1; k < tileStart.length; k++)
    tileStart[k] = Math.max(tileStart[k] as number, tileStart[k - 1] as number);
  tiles.forEach((t, k) => (t.start = tileStart[k] as number));
  return {
    data: {
      points: {
        n: order.length,
        x: toBase64(new Uint8Array(xs.buffer)),
        y: toBase64(new Uint8Array(ys.buffer)),
        t: toBase64(ts),
      },
      grid,
      tileStart,
      legend,
    },
    tiles,
  };
}

/** A deterministic sample of at most `max` items (every k-th), for small previews. */
export function sample<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const step = items.length / max;
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)] as T);
}

const dotsOf = new WeakMap<readonly object[], string>();

/**
 * A topic minimap's dots (up to 400 of its papers) as SVG markup, on the
 * map's 0-1000 grid. Made once per list: a topic of 11,000 papers has 480
 * pages, and 400 <circle> components cost 7 ms a page. Numbers only, so the
 * markup needs no escaping.
 */
export function minimapDots(
  papers: readonly { slug: string }[],
  positions: ReadonlyMap<string, readonly [number, number]>,
): string {
  let dots = dotsOf.get(papers);
  if (dots === undefined) {
    dots = sample(papers, 400)
      .flatMap((p) => {
        const at = positions.get(p.slug);
        return at
          ? [`<circle cx="${Math.round(at[0] * 1000)}" cy="${Math.round(at[1] * 1000)}" r="14"/>`]
          : [];
      })
      .join('');
    dotsOf.set(papers, dots);
  }
  return dots;
}
