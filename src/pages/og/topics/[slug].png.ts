/** `/og/topics/<slug>.png`: the generated social image of a topic. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getModel } from '../../../lib/model.ts';
import { cardResponse, topicCard } from '../../../lib/social.ts';

export const getStaticPaths = (async () => {
  const { topics } = await getModel();
  return topics.map((t) => ({ params: { slug: t.slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { topicBySlug } = await getModel();
  const topic = topicBySlug.get(params.slug ?? '');
  if (!topic) return new Response(null, { status: 404 });
  return cardResponse(topicCard(topic));
};
