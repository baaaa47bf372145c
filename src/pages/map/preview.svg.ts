/**
 * `/map/preview.svg`: a small picture of the map for the home page
 * (src/lib/map-data.ts `mapPreview`).
 */
import type { APIRoute } from 'astro';
import { mapPreview } from '../../lib/map-data.ts';
import { getModel } from '../../lib/model.ts';

export const GET: APIRoute = async () =>
  new Response(mapPreview((await getModel()).mapData().data).svg, {
    headers: { 'Content-Type': 'image/svg+xml' },
  });
