/** `/papers/<slug>.json`: the paper's data, for scripts and other sites. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getModel } from '../../lib/model.ts';
import { urls } from '../../lib/site.ts';
import { paperTwin } from '../../lib/twins.ts';

export const getStaticPaths = (async () => {
  const { papers, twinKey } = await getModel();
  return papers.map((p) => ({ params: { slug: p.slug }, cacheKey: twinKey(p.slug) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const model = await getModel();
  const paper = model.bySlug.get(params.slug ?? '');
  if (!paper) return new Response(null, { status: 404 });
  const topics = model.topicsOf(paper.slug).map(({ topic, assignment }) => ({
    slug: topic.slug,
    name: topic.name,
    url: urls.absolute(`/topics/${topic.slug}/`),
    reason: assignment.reason,
  }));
  const body = paperTwin(paper, { url: urls.absolute(`/papers/${paper.slug}/`), topics });
  return new Response(JSON.stringify(body, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
