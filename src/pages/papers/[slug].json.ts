/** `/papers/<slug>.json`: the paper's data, for scripts and other sites. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getModel } from '../../lib/model.ts';
import { urls } from '../../lib/site.ts';
import { twinJson } from '../../lib/twins.ts';

// A build links these files from the build pipeline's staging folder
// (src/lib/pipeline): through this route each cost ~1 ms and a cache copy,
// minutes at 75,000 papers. This route serves them in development.
export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const { papers } = await getModel();
  return papers.map((p) => ({ params: { slug: p.slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const model = await getModel();
  const paper = model.bySlug.get(params.slug ?? '');
  if (!paper) return new Response(null, { status: 404 });
  const topics = model.topicsOf(paper.slug).map(({ topic, assignment }) => ({
    slug: topic.slug,
    name: topic.name,
    reason: assignment.reason,
  }));
  return new Response(twinJson(paper, topics, urls.absolute), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
