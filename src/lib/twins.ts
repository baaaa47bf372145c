/**
 * The machine-readable twin of a paper page (`/papers/<slug>.json`): the
 * paper's public data, its canonical URL and its citation, in a stable shape.
 */
export interface TwinPaper {
  slug: string;
  title: string;
  plainTitle: string;
  abstract: string;
  plainAbstract: string;
  authors: string[];
  date?: string | undefined;
  arxiv?: string | undefined;
  arxivVersion?: string | undefined;
  doi?: string | undefined;
  code?: string | undefined;
  url?: string | undefined;
  links: { url: string; kind: string; label: string }[];
  categories: string[];
  upvotes?: number | undefined;
}

/** What the twin and the search index publish of a record: a plain copy, getters read. */
export function publicPaper(record: TwinPaper): TwinPaper {
  return {
    slug: record.slug,
    title: record.title,
    plainTitle: record.plainTitle,
    abstract: record.abstract,
    plainAbstract: record.plainAbstract,
    authors: record.authors,
    date: record.date,
    arxiv: record.arxiv,
    arxivVersion: record.arxivVersion,
    doi: record.doi,
    code: record.code,
    url: record.url,
    links: record.links,
    categories: record.categories,
    upvotes: record.upvotes,
  };
}

function paperTwin(
  paper: TwinPaper,
  extra: { url: string; topics: { slug: string; name: string; url: string; reason: string }[] },
) {
  return {
    slug: paper.slug,
    url: extra.url,
    title: paper.plainTitle,
    titleTex: paper.title,
    abstract: paper.plainAbstract,
    abstractTex: paper.abstract,
    authors: paper.authors,
    date: paper.date ?? null,
    arxiv: paper.arxiv ?? null,
    arxivVersion: paper.arxivVersion ?? null,
    doi: paper.doi ?? null,
    code: paper.code ?? null,
    sourceUrl: paper.url ?? null,
    links: paper.links,
    categories: paper.categories,
    upvotes: paper.upvotes ?? null,
    topics: extra.topics,
  };
}

/** A topic as a twin lists it. */
export interface TwinTopic {
  slug: string;
  name: string;
  reason: string;
}

/**
 * The text of `/papers/<slug>.json`. Written by the background worker in a
 * build and by the route in development, so both serve the same bytes.
 */
export function twinJson(
  paper: TwinPaper,
  topics: readonly TwinTopic[],
  absolute: (path: string) => string,
): string {
  const body = paperTwin(paper, {
    url: absolute(`/papers/${paper.slug}/`),
    topics: topics.map((t) => ({
      slug: t.slug,
      name: t.name,
      url: absolute(`/topics/${t.slug}/`),
      reason: t.reason,
    })),
  });
  return JSON.stringify(body, null, 2);
}
