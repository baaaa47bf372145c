/** `/papers/<slug>.bib`: the paper's BibTeX entry, for download. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { bibResponse, paperBibtex } from '../../lib/citations.ts';
import { getModel } from '../../lib/model.ts';

export const getStaticPaths = (async () => {
  const { papers } = await getModel();
  return papers.map((p) => ({ params: { slug: p.slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { bySlug, citeKeys } = await getModel();
  const paper = bySlug.get(params.slug ?? '');
  if (!paper) return new Response(null, { status: 404 });
  return bibResponse(paperBibtex(paper, citeKeys.get(paper.slug)), `${paper.slug}.bib`);
};
