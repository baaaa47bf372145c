/**
 * BibTeX of search results, made in the browser from the papers' JSON twins
 * with the same citation module the build uses for .bib files.
 */
import { toBibtexFile } from '../../lib/cite/index.ts';
import type { SluggedPaper } from '../../lib/paper.ts';
import { base } from './base.ts';

interface Twin {
  slug: string;
  url: string;
  titleTex: string;
  abstractTex: string;
  authors: string[];
  date: string | null;
  arxiv: string | null;
  arxivVersion: string | null;
  doi: string | null;
  code: string | null;
  categories: string[];
}

function toPaper(t: Twin): SluggedPaper {
  const paper: SluggedPaper = {
    slug: t.slug,
    title: t.titleTex,
    abstract: t.abstractTex,
    rawTitle: t.titleTex,
    rawAbstract: t.abstractTex,
    authors: t.authors,
    links: [],
    categories: t.categories,
    topics: [],
    source: { file: 'search' },
  };
  if (t.date) paper.date = t.date;
  if (t.arxiv) paper.arxiv = t.arxiv;
  if (t.arxivVersion) paper.arxivVersion = t.arxivVersion;
  if (t.doi) paper.doi = t.doi;
  if (t.code) paper.code = t.code;
  return paper;
}

export async function bibtexOfResults(slugs: string[]): Promise<string> {
  const twins = await Promise.all(
    slugs.map(
      async (slug) =>
        (await fetch(`${base}papers/${encodeURIComponent(slug)}.json`)).json() as Promise<Twin>,
    ),
  );
  const urls = new Map(twins.map((t) => [t.slug, t.url]));
  return toBibtexFile(twins.map(toPaper), (p) => urls.get(p.slug) ?? '', {
    header: `Search results, ${new Date().toISOString().slice(0, 10)}`,
  });
}
