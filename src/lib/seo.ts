/**
 * What a paper page tells machines: Google Scholar's `citation_*` meta tags
 * and schema.org JSON-LD. Pure functions of the paper, so they are testable
 * and identical wherever they are used.
 */

export interface SeoPaper {
  plainTitle: string;
  plainAbstract: string;
  authors: string[];
  date?: string | undefined;
  arxiv?: string | undefined;
  doi?: string | undefined;
  code?: string | undefined;
  topics?: string[];
  /** The authors' pages and identities, for `paper.authors[i]` (JSON-LD `Person`). */
  people?: readonly (SeoPerson | undefined)[];
}

export interface SeoPerson {
  /** The absolute URL of the author's page on this site. */
  url: string;
  orcid?: string | undefined;
  homepage?: string | undefined;
}

/** `2024-05-27` -> `2024/05/27` (Scholar's format); `2024` stays `2024`. */
export function scholarDate(iso: string): string {
  return iso.replaceAll('-', '/');
}

/** Google Scholar / Zotero meta tags for a paper page, in the order Scholar documents them. */
export function citationMeta(
  paper: SeoPaper,
  /** Absolute; undefined when the site's origin is unknown (the tag is then left out). */
  canonical: string | undefined,
): { name: string; content: string }[] {
  const tags: { name: string; content: string }[] = [
    { name: 'citation_title', content: paper.plainTitle },
  ];
  for (const author of paper.authors) tags.push({ name: 'citation_author', content: author });
  if (paper.date)
    tags.push({ name: 'citation_publication_date', content: scholarDate(paper.date) });
  if (paper.arxiv) {
    tags.push({ name: 'citation_arxiv_id', content: paper.arxiv });
    tags.push({ name: 'citation_pdf_url', content: `https://arxiv.org/pdf/${paper.arxiv}` });
  }
  if (paper.doi) tags.push({ name: 'citation_doi', content: paper.doi });
  if (canonical) tags.push({ name: 'citation_abstract_html_url', content: canonical });
  return tags;
}

/** schema.org `ScholarlyArticle` for a paper page. */
export function scholarlyArticle(
  paper: SeoPaper,
  canonical: string,
  site: { name: string; url: string },
  image?: string,
): Record<string, unknown> {
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline:
      paper.plainTitle.length > 110 ? `${paper.plainTitle.slice(0, 109)}…` : paper.plainTitle,
    name: paper.plainTitle,
    abstract: paper.plainAbstract,
    url: canonical,
    mainEntityOfPage: canonical,
    isPartOf: { '@type': 'WebSite', name: site.name, url: site.url },
  };
  if (paper.authors.length > 0)
    ld.author = paper.authors.map((name, i) => person(name, paper.people?.[i]));
  if (paper.date) ld.datePublished = paper.date;
  if (image) ld.image = image;
  const ids: Record<string, string>[] = [];
  const same: string[] = [];
  if (paper.arxiv) {
    ids.push({ '@type': 'PropertyValue', propertyID: 'arXiv', value: paper.arxiv });
    same.push(`https://arxiv.org/abs/${paper.arxiv}`);
  }
  if (paper.doi) {
    ids.push({ '@type': 'PropertyValue', propertyID: 'DOI', value: paper.doi });
    same.push(`https://doi.org/${paper.doi}`);
  }
  if (ids.length > 0) ld.identifier = ids;
  if (same.length > 0) ld.sameAs = same;
  if (paper.topics && paper.topics.length > 0) ld.keywords = paper.topics.join(', ');
  return ld;
}

/** A schema.org `Person`: the name, their page here, and their ORCID iD and homepage when known. */
function person(name: string, about: SeoPerson | undefined): Record<string, unknown> {
  const ld: Record<string, unknown> = { '@type': 'Person', name };
  if (!about) return ld;
  ld.url = about.url;
  const same = [
    ...(about.orcid ? [`https://orcid.org/${about.orcid}`] : []),
    ...(about.homepage ? [about.homepage] : []),
  ];
  if (about.orcid)
    ld.identifier = { '@type': 'PropertyValue', propertyID: 'ORCID', value: about.orcid };
  if (same.length > 0) ld.sameAs = same;
  return ld;
}

/**
 * JSON for a `<script type="application/ld+json">` block: no `</script>`,
 * `<!--` or line separators can end the block or the page early, whatever the
 * titles and abstracts contain.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
