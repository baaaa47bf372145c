/** `/og/papers/<slug>.png`: the generated social image of a paper. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getModel } from '../../../lib/model.ts';
import { cardResponse, paperCard } from '../../../lib/social.ts';

export const getStaticPaths = (async () => {
  const { papers, paperImages } = await getModel();
  return paperImages ? papers.map((p) => ({ params: { slug: p.slug } })) : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const model = await getModel();
  const paper = model.bySlug.get(params.slug ?? '');
  if (!paper) return new Response(null, { status: 404 });
  return cardResponse(
    paperCard(
      paper,
      model.topicsOf(paper.slug).map((t) => t.topic.name),
    ),
  );
};
