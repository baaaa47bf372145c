/**
 * The search index files as routes, for development: a build links them in
 * from the background worker's staging folder (lib/staging.ts), so that no
 * page waits for the index (~30 s to build at 75,000 papers). One route per
 * extension: a route named with its extension is served without a trailing
 * slash (`/search-index/manifest.json`), as the built files are.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getModel } from './model.ts';

const TYPES = { json: 'application/json', txt: 'text/plain' } as const;

export function indexFileRoute(ext: keyof typeof TYPES): {
  getStaticPaths: GetStaticPaths;
  GET: APIRoute;
} {
  const suffix = `.${ext}`;
  return {
    getStaticPaths: async () => {
      if (!import.meta.env.DEV) return [];
      const index = await (await getModel()).searchIndex();
      return index.files
        .filter((f) => f.path.endsWith(suffix))
        .map((f) => ({
          params: { path: f.path.slice(0, -suffix.length) },
          props: { body: f.body },
        }));
    },
    GET: ({ props }) =>
      new Response((props as { body: string }).body, {
        headers: { 'Content-Type': `${TYPES[ext]}; charset=utf-8` },
      }),
  };
}
