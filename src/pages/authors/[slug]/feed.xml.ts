/** `/authors/<slug>/feed.xml`: RSS of an author's newest papers. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { authorFeed } from '../../../lib/authors/files.ts';
import { getModel } from '../../../lib/model.ts';
import { config, urls } from '../../../lib/site.ts';

// A build stages these files on the pipeline's pool (src/lib/authors/files.ts):
// a route each would cost minutes at 25,000 authors. This route serves them in development.
export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const { authors } = await getModel();
  return authors.paged.map((a) => ({ params: { slug: a.slug as string } }));
}) satisfies GetStaticPaths;

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
