/** `/topics/<slug>.bib`: BibTeX for every paper of a topic. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { bibResponse, bibtexFile } from '../../lib/citations.ts';
import { getModel, topicPaths } from '../../lib/model.ts';
import { config } from '../../lib/site.ts';

export const getStaticPaths = topicPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const model = await getModel();
  const topic = model.topicBySlug.get(params.slug ?? '');
  if (!topic) return new Response(null, { status: 404 });
  const papers = model.topicPapers(topic.slug);
  return bibResponse(
    bibtexFile(papers, `${config.title}: ${topic.name} (${papers.length} papers)`),
    `${topic.slug}.bib`,
  );
};
