/**
 * The map's data, computed from map positions and topics: compact point
 * arrays (fetched by the map page in one small file), per-tile titles and
 * slugs (fetched when the pointer or keyboard reaches a tile), colours.
 * Pure, so the build and the tests share it.
 */

/**
 * Okabe and Ito's colour-blind-safe qualitative palette (without black, which
 * vanishes in the dark theme) and Tol's wine: eight hues people with any
 * common colour-vision deficiency tell apart. More topics than colours share
 * "other" grey: a ninth hue would be confused with one of these. Dots get a
 * thin ring in the text colour, so yellow reads on white and wine on black.
 */
export const PALETTE = [
  '#0072b2', // blue
  '#e69f00', // orange
  '#009e73', // bluish green
  '#cc79a7', // reddish purple
  '#56b4e9', // sky blue
  '#d55e00', // vermilion
  '#f0e442', // yellow
  '#882255', // wine
];
/**
 * Pairs of the palette that look alike under some colour-vision deficiency
 * (blue/sky, orange/vermilion/yellow, purple/wine, green/sky): topics that sit
 * next to each other on the map never get both of a pair when another colour is free.
 */
const ALIKE: readonly [number, number][] = [
  [0, 4],
  [1, 5],
  [1, 6],
  [5, 6],
  [3, 7],
  [2, 4],
  [3, 5],
];

/**
 * Colours for topics (largest first), so that neighbouring topics differ:
 * each takes the free colour least like those of the topics nearest to it.
 */
export function assignColours(centres: readonly (readonly [number, number])[]): string[] {
  const alike = (a: number, b: number) =>
    a === b || ALIKE.some(([p, q]) => (p === a && q === b) || (p === b && q === a));
  const chosen: number[] = [];
  centres.forEach((centre, i) => {
    // Earlier topics, nearest first: the two nearest are this topic's neighbours.
    const near = chosen
      .map((colour, j) => ({
        colour,
        d: Math.hypot((centres[j]?.[0] ?? 0) - centre[0], (centres[j]?.[1] ?? 0) - centre[1]),
      }))
      .sort((a, b) => a.d - b.d)
      .slice(0, 2);
    const free = PALETTE.map((_, c) => c).filter((c) => !chosen.includes(c));
    const pick =
      free.find((c) => near.every((n) => !alike(c, n.colour))) ?? free[0] ?? i % PALETTE.length;
    chosen.push(pick);
  });
  return chosen.map((c) => PALETTE[c] as string);
}
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
  const sums = new Map<string, [number, number, number]>();
  for (const p of input) {
    if (!p.topic) continue;
    const s = sums.get(p.topic) ?? [0, 0, 0];
    sums.set(p.topic, [s[0] + p.x, s[1] + p.y, s[2] + 1]);
  }
  const colours = assignColours(
    coloured.map((t) => {
      const [x, y, n] = sums.get(t.slug) ?? [0.5, 0.5, 1];
      return [x / n, y / n] as const;
    }),
  );
  const legend: MapLegendEntry[] = coloured.map((t, i) => ({
    slug: t.slug,
    name: t.name,
    color: colours[i] as string,
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

/** The points' extent in map units (0..4095), never empty. */
export function bounds(
  xs: Uint16Array,
  ys: Uint16Array,
  n: number,
): { x0: number; y0: number; w: number; h: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  if (!(x1 >= x0)) return { x0: 0, y0: 0, w: 4095, h: 4095 };
  return { x0, y0, w: Math.max(1, x1 - x0), h: Math.max(1, y1 - y0) };
}

/**
 * A small SVG picture of the map (the home page's preview), in the map's own
 * colours and fitted to the points' bounds. At most 1,500 dots, so it stays a
 * few kilobytes at any collection size.
 */
export function mapPreview(data: MapData): { svg: string; width: number; height: number } {
  const { n } = data.points;
  const decode = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
  const xs = new Uint16Array(decode(data.points.x).buffer, 0, n);
  const ys = new Uint16Array(decode(data.points.y).buffer, 0, n);
  const ts = decode(data.points.t);
  const { x0, y0, w, h } = bounds(xs, ys, n);
  const scale = Math.min(376 / w, 376 / h);
  const width = Math.round(w * scale) + 24;
  const height = Math.round(h * scale) + 24;
  const colors = [...data.legend.map((l) => l.color), OTHER_COLOR];
  const step = Math.max(1, n / 1500);
  const r = n > 3000 ? 2.5 : 4;
  const byColor = new Map<number, string[]>();
  for (let k = 0; k < n; k += step) {
    const i = Math.floor(k);
    const cx = Math.round(12 + ((xs[i] as number) - x0) * scale);
    const cy = Math.round(12 + ((ys[i] as number) - y0) * scale);
    const t = ts[i] ?? colors.length - 1;
    const list = byColor.get(t) ?? [];
    list.push(`M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`);
    byColor.set(t, list);
  }
  const paths = [...byColor]
    .map(([t, d]) => `<path fill="${colors[t] ?? OTHER_COLOR}" d="${d.join('')}"/>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><g fill-opacity="0.85">${paths}</g></svg>`;
  return { svg, width, height };
}
