/**
 * `/search-index/...`: the search index, split into the small files a query
 * fetches lazily (see src/lib/search). Built once per build by the model.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getModel } from '../../lib/model.ts';

export const getStaticPaths = (async () => {
  const model = await getModel();
  return model
    .searchIndex()
    .files.map((f) => ({ params: { path: f.path }, props: { body: f.body } }));
}) satisfies GetStaticPaths;

const TYPES: Record<string, string> = { json: 'application/json', txt: 'text/plain' };

export const GET: APIRoute = ({ params, props }) => {
  const ext = (params.path ?? '').split('.').pop() ?? '';
  return new Response((props as { body: string }).body, {
    headers: { 'Content-Type': `${TYPES[ext] ?? 'text/plain'}; charset=utf-8` },
  });
};
