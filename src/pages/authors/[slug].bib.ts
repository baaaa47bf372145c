/** `/authors/<slug>.bib`: BibTeX for every paper of an author. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { authorBibtex } from '../../lib/authors/files.ts';
import { bibResponse } from '../../lib/citations.ts';
import { authorFilePaths, getModel } from '../../lib/model.ts';
import { config, urls } from '../../lib/site.ts';

export const getStaticPaths = authorFilePaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const model = await getModel();
  const author = model.authors.bySlug.get(params.slug ?? '');
  if (!author?.slug) return new Response(null, { status: 404 });
  const papers = model.authors.papersOf(author.slug);
  return bibResponse(
    authorBibtex({ slug: author.slug, name: author.name }, papers, urls, config.title),
    `${author.slug}.bib`,
  );
};
