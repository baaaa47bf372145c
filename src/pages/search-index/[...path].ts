/**
 * `/search-index/...`: the search index, split into the small files a query
 * fetches lazily (see src/lib/search).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getModel } from '../../lib/model.ts';

// A build links these files in from the background worker's staging folder
// (lib/staging.ts), so that no page waits for the index: at 75,000 papers it
// takes ~30 s to build. This route serves them in development.
export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const index = await (await getModel()).searchIndex();
  return index.files.map((f) => ({ params: { path: f.path }, props: { body: f.body } }));
}) satisfies GetStaticPaths;

const TYPES: Record<string, string> = { json: 'application/json', txt: 'text/plain' };

export const GET: APIRoute = ({ params, props }) => {
  const ext = (params.path ?? '').split('.').pop() ?? '';
  return new Response((props as { body: string }).body, {
    headers: { 'Content-Type': `${TYPES[ext] ?? 'text/plain'}; charset=utf-8` },
  });
};
