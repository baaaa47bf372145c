/** `/map/tiles/<k>.json`: titles and slugs of the papers in one tile of the map. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getModel } from '../../../lib/model.ts';

export const getStaticPaths = (async () => {
  const { tiles } = (await getModel()).mapData();
  return tiles.map((_, k) => ({ params: { tile: String(k) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const tile = (await getModel()).mapData().tiles[Number(params.tile)];
  if (!tile) return new Response(null, { status: 404 });
  return new Response(JSON.stringify(tile), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
