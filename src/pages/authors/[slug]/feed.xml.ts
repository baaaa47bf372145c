/** `/authors/<slug>/feed.xml`: RSS of an author's newest papers. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { authorFeed } from '../../../lib/authors/files.ts';
import { authorFilePaths, getModel } from '../../../lib/model.ts';
import { config, urls } from '../../../lib/site.ts';

export const getStaticPaths = authorFilePaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const model = await getModel();
  const author = model.authors.bySlug.get(params.slug ?? '');
  if (!author?.slug) return new Response(null, { status: 404 });
  const papers = model.authors.papersOf(author.slug).map((p) => ({
    ...p,
    topics: model.topicsOf(p.slug).map((t) => t.topic.name),
  }));
  const body = await authorFeed(
    { slug: author.slug, name: author.name },
    papers,
    urls,
    config.title,
  );
  return new Response(body, { headers: { 'Content-Type': 'application/xml' } });
};
