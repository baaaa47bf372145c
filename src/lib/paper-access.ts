/**
 * The ways out from a paper page to the paper itself: with an identifier, its
 * PDF and abstract page (arXiv, DOI) first; without one, searches by title on
 * the services where papers are found (arXiv, Semantic Scholar, Google
 * Scholar, DBLP). Pure, so each case is a unit test.
 */
import type { PaperLink } from './paper.ts';

export interface AccessLink {
  href: string;
  label: string;
  /** What the link is, for tests and styling: `pdf`, `abstract`, `doi`, `paper`, `find`. */
  kind: 'pdf' | 'abstract' | 'doi' | 'paper' | 'find';
}

export interface AccessPaper {
  plainTitle: string;
  arxiv?: string | undefined;
  arxivVersion?: string | undefined;
  doi?: string | undefined;
  links: readonly PaperLink[];
}

/** Links to the paper itself, most direct first; empty when the list gives no way to it. */
export function readLinks(paper: AccessPaper): AccessLink[] {
  const out: AccessLink[] = [];
  const version = paper.arxivVersion ?? '';
  if (paper.arxiv) {
    out.push({ href: `https://arxiv.org/pdf/${paper.arxiv}${version}`, label: 'PDF', kind: 'pdf' });
    out.push({
      href: `https://arxiv.org/abs/${paper.arxiv}${version}`,
      label: 'arXiv abstract',
      kind: 'abstract',
    });
  }
  if (paper.doi)
    out.push({ href: `https://doi.org/${paper.doi}`, label: 'Publisher (DOI)', kind: 'doi' });
  for (const link of paper.links)
    if (link.kind === 'paper')
      out.push({ href: link.url, label: `Paper: ${link.label}`, kind: 'paper' });
  return out;
}

/** Searches for the paper by its title, for papers the list gives no identifier for. */
export function findLinks(title: string): AccessLink[] {
  const q = encodeURIComponent(title.trim());
  return [
    { href: `https://arxiv.org/search/?query=${q}&searchtype=title`, label: 'arXiv', kind: 'find' },
    {
      href: `https://www.semanticscholar.org/search?q=${q}`,
      label: 'Semantic Scholar',
      kind: 'find',
    },
    {
      href: `https://scholar.google.com/scholar?q=${encodeURIComponent(`"${title.trim()}"`)}`,
      label: 'Google Scholar',
      kind: 'find',
    },
    { href: `https://dblp.org/search?q=${q}`, label: 'DBLP', kind: 'find' },
  ];
}
