/** `/map/points.json`: every paper's place and colour on the map, compactly. */
import type { APIRoute } from 'astro';
import { getModel } from '../../lib/model.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify((await getModel()).mapData().data), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
