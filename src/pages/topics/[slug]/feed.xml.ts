/** `/topics/<slug>/feed.xml`: RSS for one topic. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { feed, feedItems } from '../../../lib/feeds.ts';
import { getModel, topicPaths } from '../../../lib/model.ts';
import { config, urls } from '../../../lib/site.ts';

export const getStaticPaths = topicPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const model = await getModel();
  const topic = model.topicBySlug.get(params.slug ?? '');
  if (!topic) return new Response(null, { status: 404 });
  return feed({
    title: `${config.title}: ${topic.name}`,
    description: topic.description || `Papers on ${topic.name}.`,
    site: urls.absolute(`/topics/${topic.slug}/`),
    items: feedItems(
      model
        .topicPapers(topic.slug)
        .map((p) => ({ ...p, topics: model.topicsOf(p.slug).map((t) => t.topic.name) })),
      (slug) => urls.absolute(`/papers/${slug}/`),
    ),
    customData: '<language>en</language>',
  });
};
