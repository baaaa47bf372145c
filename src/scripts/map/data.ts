/** The map's data in the browser: points decoded from /map/points.json, tiles of titles on demand. */
import type { MapData, MapTile } from '../../lib/map-data.ts';

const base = document.documentElement.dataset.base ?? '/';

export interface Points {
  n: number;
  x: Uint16Array;
  y: Uint16Array;
  t: Uint8Array;
  data: MapData;
}

function decode(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function loadPoints(): Promise<Points> {
  const data = (await (await fetch(`${base}map/points.json`)).json()) as MapData;
  const xb = decode(data.points.x);
  const yb = decode(data.points.y);
  return {
    n: data.points.n,
    x: new Uint16Array(xb.buffer, 0, data.points.n),
    y: new Uint16Array(yb.buffer, 0, data.points.n),
    t: decode(data.points.t),
    data,
  };
}

const tiles = new Map<number, Promise<MapTile>>();

/** The slug and title of point `i`, loading its tile the first time. */
export async function pointInfo(
  points: Points,
  i: number,
): Promise<{ slug: string; title: string }> {
  const starts = points.data.tileStart;
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= i) lo = mid;
    else hi = mid - 1;
  }
  let tile = tiles.get(lo);
  if (!tile) {
    tile = fetch(`${base}map/tiles/${lo}.json`).then((r) => r.json() as Promise<MapTile>);
    tiles.set(lo, tile);
  }
  const t = await tile;
  return { slug: t.slugs[i - t.start] ?? '', title: t.titles[i - t.start] ?? '' };
}

export { base };
