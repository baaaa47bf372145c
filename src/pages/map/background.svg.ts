/** `/map/background.svg`: the whole map in grey, under the highlighted papers of topic pages. */
import type { APIRoute } from 'astro';
import { sample } from '../../lib/map-data.ts';
import { getModel } from '../../lib/model.ts';

export const GET: APIRoute = async () => {
  const { positions } = await getModel();
  const dots = sample([...positions.values()], 4000)
    .map(([x, y]) => `<circle cx="${(x * 1000).toFixed(0)}" cy="${(y * 1000).toFixed(0)}" r="5"/>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-20 -20 1040 1040"><g fill="#8a8f98" fill-opacity="0.35">${dots}</g></svg>`;
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
