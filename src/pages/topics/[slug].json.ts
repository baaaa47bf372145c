/** `/topics/<slug>.json`: a topic's data and its papers, for scripts and other sites. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getModel, topicPaths } from '../../lib/model.ts';
import { urls } from '../../lib/site.ts';

export const getStaticPaths = topicPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const model = await getModel();
  const topic = model.topicBySlug.get(params.slug ?? '');
  if (!topic) return new Response(null, { status: 404 });
  const body = {
    slug: topic.slug,
    url: urls.absolute(`/topics/${topic.slug}/`),
    name: topic.name,
    description: topic.description,
    curated: topic.curated,
    related: model
      .relatedTopics(topic.slug)
      .map((r) => ({ slug: r.topic.slug, name: r.topic.name, shared: r.shared })),
    papers: model.topicPapers(topic.slug).map((p) => ({
      slug: p.slug,
      url: urls.absolute(`/papers/${p.slug}/`),
      title: p.plainTitle,
      reason:
        model.topicsOf(p.slug).find((t) => t.topic.slug === topic.slug)?.assignment.reason ?? null,
    })),
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
