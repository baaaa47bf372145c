/** `/search-index/facets.json`: what the search page shows beside the index: topic names. */
import type { APIRoute } from 'astro';
import { getModel } from '../../lib/model.ts';

export const GET: APIRoute = async () => {
  const { topics, hasDates } = await getModel();
  const body = { hasDates, topics: Object.fromEntries(topics.map((t) => [t.slug, t.name])) };
  return new Response(JSON.stringify(body), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
