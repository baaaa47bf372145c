/** `/og/topics/<slug>.png`: the generated social image of a topic. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getModel, topicPaths } from '../../../lib/model.ts';
import { cardResponse, topicCard } from '../../../lib/social.ts';

export const getStaticPaths = topicPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { topicBySlug } = await getModel();
  const topic = topicBySlug.get(params.slug ?? '');
  if (!topic) return new Response(null, { status: 404 });
  return cardResponse(topicCard(topic));
};
