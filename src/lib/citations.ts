/** Citations of the site's papers, with the site's canonical URLs and keys. */
import { toBibtex, toBibtexFile, toPlainCitation } from './cite/index.ts';
import type { SluggedPaper } from './paper.ts';
import type { ModelPaper } from './model.ts';
import { config, urls } from './site.ts';

// The stored record carries more than the Paper model; citations read only Paper fields.
const asPaper = (p: ModelPaper) => p as unknown as SluggedPaper;
const canonical = (p: { slug: string }) => urls.absolute(`/papers/${p.slug}/`);

export function paperBibtex(paper: ModelPaper, key: string | undefined): string {
  return toBibtex(asPaper(paper), { url: canonical(paper), ...(key ? { key } : {}) });
}

export function paperCitation(paper: ModelPaper): string {
  return toPlainCitation(asPaper(paper), { url: canonical(paper), siteName: config.title });
}

export function bibtexFile(papers: readonly ModelPaper[], header: string): string {
  return toBibtexFile(papers.map(asPaper), canonical, { header });
}

export function bibResponse(text: string, filename: string): Response {
  return new Response(text, {
    headers: {
      'Content-Type': 'application/x-bibtex; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
    },
  });
}
