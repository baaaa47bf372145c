/**
 * The collection model: everything that depends on the whole collection,
 * computed once per build and shared by every route (routes never recompute).
 */
import { getCollection } from 'astro:content';
import { assertStagesDone } from './pipeline/gate.ts';
import { assignCitationKeys } from './cite/index.ts';
import {
  ABSTRACT_FIELDS,
  abstractsFile,
  openAbstracts,
  type AbstractFields,
} from './content/abstracts.ts';
import { expandRecord } from './content/compact.ts';
import { codeDigest } from './content/list-digest.ts';
import type { StoredEntry, StoredPaper } from './content/schema.ts';
import { arxivSlugs } from './permalinks/redirects.ts';
import type { RedirectEntry, RemovedEntry } from './permalinks/registry.ts';
import { pendingRegistryPath, readRegistryFile } from './permalinks/state.ts';
import { byDateDesc, monthKey } from './dates.ts';
import { chunk } from './paging.ts';
import { createPageKeys } from './page-keys.ts';
import type { BuiltSearchIndex } from './search/index.ts';
import { siteSearchIndex } from './site-search.ts';
import { buildMapData, type MapData, type MapTile } from './map-data.ts';
import { buildSiteAuthors, type SiteAuthorsView } from './site-authors.ts';
import { buildSiteRelated } from './site-related.ts';
import { buildSiteTopics, type Assignment, type Topic } from './site-topics.ts';
import { recordStage } from './stages.ts';
import { config, urls } from './site.ts';

export type ModelPaper = StoredPaper;

export interface Model {
  /** Papers in list order. */
  papers: ModelPaper[];
  /** Papers in the order lists show them: newest first when the list has dates, else list order. */
  ordered: ModelPaper[];
  /** Archive months (`2024/05`), newest first, with their papers in list order. */
  months: Map<string, ModelPaper[]>;
  bySlug: Map<string, ModelPaper>;
  /** The pages of `/papers/`, `pageSize` papers each, in `ordered` order. */
  pages: ModelPaper[][];
  /** The previous and next paper in `ordered` order. */
  neighbours(slug: string): { prev: ModelPaper | undefined; next: ModelPaper | undefined };
  /** Whether the list gives dates (then lists can sort by date). */
  hasDates: boolean;
  /** Published slugs that now redirect (retitled papers), old slug -> entry. */
  redirects: Map<string, RedirectEntry>;
  /** Published slugs whose papers were removed on purpose. */
  removed: Map<string, RemovedEntry>;
  /** arXiv id -> slug, for `/abs/<id>/`. */
  arxiv: Map<string, string>;
  /** BibTeX citation keys, unique across the collection. */
  citeKeys: Map<string, string>;
  /** Whether each paper has its own social image (see `config.paperImageLimit`). */
  paperImages: boolean;
  /** Topics, largest first. */
  topics: Topic[];
  topicBySlug: Map<string, Topic>;
  /** A paper's topics (one to three), strongest first, with what put it there. */
  topicsOf(slug: string): { topic: Topic; assignment: Assignment }[];
  /** A topic's papers, in `ordered` order. */
  topicPapers(slug: string): ModelPaper[];
  /** The area a topic is in, and the area's other topics (largest first); none for lists without areas. */
  topicFamily(slug: string): { area: Topic | undefined; siblings: Topic[]; children: Topic[] };
  /** Topics sharing papers with a topic, most similar first. */
  relatedTopics(slug: string): { topic: Topic; shared: number }[];
  /** A paper's most related papers (up to 5), with the shared terms that explain each. */
  relatedOf(slug: string): { paper: ModelPaper; score: number; terms: string[] }[];
  /** Each paper's place on the map, both coordinates in [0, 1]. */
  positions: Map<string, [number, number]>;
  /** The map page's data and tiles, built on first use. */
  mapData(): { data: MapData; tiles: MapTile[] };
  /** The search index files (built by the background worker; asked for by the search endpoint in development). */
  searchIndex(): Promise<BuiltSearchIndex>;
  /** Published topic slugs that now redirect (renamed topics), and that are gone. */
  topicRedirects: Map<string, string>;
  topicRemoved: Map<string, string>;
  /** The site's authors: who has a page, each paper's authors, an author's papers and co-authors. */
  authors: SiteAuthorsView<ModelPaper>;
  /**
   * Where each of a paper's names links (for `paper.authors[i]`): the
   * author's page, or a search for their papers when they have none.
   */
  authorHrefs(paper: ModelPaper): (string | undefined)[];
  /** The topics an author's papers are in, most papers first. */
  authorTopics(slug: string): { topic: Topic; count: number }[];
  /** The social image of a paper page. */
  imageOf(slug: string): string;
  /**
   * A digest of everything a paper page shows (the paper, its neighbours' and
   * related papers' titles, its topics, the site's settings): Astro's
   * incremental build reuses a page whose key is unchanged.
   */
  pageKey(slug: string): string;
  /** The key of a list page: its cards' papers, and `frame`, everything else it shows. */
  listKey(frame: unknown, papers: readonly ModelPaper[]): string;
}

let model: Promise<Model> | undefined;

/** The model of this build; the first caller computes it, the rest share it. */
export function getModel(): Promise<Model> {
  assertStagesDone();
  model ??= buildModel();
  return model;
}

/**
 * The store's entries with their abstracts, which the pipeline keeps beside
 * the store. The abstract fields are read by key when a page asks for them:
 * each of Astro's rendering threads builds this model, and most of its
 * pages show one paper's abstract, not all of them.
 */
function joinAbstracts(entries: StoredEntry[], file: string): ModelPaper[] {
  const abstracts = openAbstracts(file);
  // The abstracts of the last pages' papers, each field derived once: a
  // list page reads each card's abstract twice, a paper page its abstract
  // in four forms, and a thread renders a few pages at a time.
  const recent = new Map<string, { full: ModelPaper; fields: Partial<AbstractFields> }>();
  const fieldOf = (entry: StoredEntry, field: keyof AbstractFields): string => {
    let hit = recent.get(entry.contentDigest);
    if (!hit) {
      const fields = abstracts.get(entry.contentDigest) as AbstractFields;
      hit = { full: expandRecord({ ...entry, ...fields }), fields: {} };
      recent.set(entry.contentDigest, hit);
      if (recent.size > RECENT_ABSTRACTS) recent.delete(recent.keys().next().value as string);
    }
    return (hit.fields[field] ??= hit.full[field]);
  };
  return entries.map((entry) => {
    if (!abstracts.has(entry.contentDigest))
      throw new Error(
        `${file}: no abstract for "${entry.slug}" (${entry.source.file}). The content store and this file are out of step: delete both caches (node_modules/.astro, ${config.cacheDir}) and build again.`,
      );
    const paper = expandRecord({ ...entry, ...NO_ABSTRACT });
    for (const field of ABSTRACT_FIELDS)
      Object.defineProperty(paper, field, {
        get: () => fieldOf(entry, field),
        enumerable: true,
        configurable: true,
      });
    return paper;
  });
}

/** A list page's cards (50 by default), a few pages in flight, per rendering thread. */
const RECENT_ABSTRACTS = 256;

const NO_ABSTRACT: AbstractFields = {
  abstract: '',
  rawAbstract: '',
  plainAbstract: '',
  abstractHtml: '',
};

async function buildModel(): Promise<Model> {
  const entries = await getCollection('papers');
  const papers = joinAbstracts(
    entries.map((e) => e.data),
    abstractsFile(config.cacheDir, config.permalinks),
  ).sort((a, b) => a.index - b.index);
  const bySlug = new Map(papers.map((p) => [p.slug, p]));
  const hasDates = papers.some((p) => p.date !== undefined);
  const ordered = hasDates ? byDateDesc(papers) : papers;
  const position = new Map(ordered.map((p, i) => [p.slug, i]));
  const paperImages = papers.length <= config.paperImageLimit;
  let search: Promise<BuiltSearchIndex> | undefined;
  const relatedStarted = performance.now();
  const related = buildSiteRelated(papers);
  recordStage('model: related papers and map (from the cache)', performance.now() - relatedStarted);
  let map: { data: MapData; tiles: MapTile[] } | undefined;
  const topicsStarted = performance.now();
  const topics = buildSiteTopics(papers);
  recordStage(
    'model: topics (from the cache)',
    performance.now() - topicsStarted,
    `${topics.model.topics.length} topics`,
  );
  const topicPapers = new Map<string, ModelPaper[]>(topics.model.topics.map((t) => [t.slug, []]));
  for (const p of ordered) {
    let area: string | undefined;
    for (const a of topics.model.byPaper.get(p.slug) ?? []) {
      topicPapers.get(a.topic)?.push(p);
      // An area lists each of its papers once, however many of its topics hold it.
      const parent = topics.bySlug.get(a.topic)?.parent;
      if (parent !== undefined && parent !== area) {
        area = parent;
        const list = topicPapers.get(parent);
        if (list && list[list.length - 1] !== p) list.push(p);
      }
    }
  }
  const months = new Map<string, ModelPaper[]>();
  for (const p of ordered) {
    const key = monthKey(p.date);
    if (!key) continue;
    const list = months.get(key);
    if (list) list.push(p);
    else months.set(key, [p]);
  }
  // The registry this build resolved (written by the content loader).
  const registry = readRegistryFile(pendingRegistryPath(config.cacheDir, config.permalinks));
  const redirects = new Map<string, RedirectEntry>();
  const removed = new Map<string, RemovedEntry>();
  for (const [slug, entry] of Object.entries(registry.papers)) {
    if (entry.status === 'redirect') redirects.set(slug, entry);
    if (entry.status === 'removed') removed.set(slug, entry);
  }
  const authorsStarted = performance.now();
  const authors = buildSiteAuthors(ordered, registry.authors);
  recordStage(
    'model: authors (from the pipeline)',
    performance.now() - authorsStarted,
    `${authors.all.length} authors, ${authors.paged.length} pages`,
  );
  const citeKeys = assignCitationKeys(
    // Stored dates are `string | undefined`; citation keys read only slug, title, authors, date.
    papers as unknown as Parameters<typeof assignCitationKeys>[0],
  );
  const topicsOf = (slug: string) =>
    (topics.model.byPaper.get(slug) ?? []).flatMap((assignment) => {
      const topic = topics.bySlug.get(assignment.topic);
      return topic ? [{ topic, assignment }] : [];
    });
  const relatedOf = (slug: string) =>
    (related.related.get(slug) ?? []).flatMap((n) => {
      const paper = bySlug.get(n.id);
      return paper ? [{ paper, score: n.score, terms: n.terms }] : [];
    });
  const authorHrefs = (paper: ModelPaper) =>
    authors
      .authorsOf(paper)
      .map(({ author }) =>
        author === undefined
          ? undefined
          : author.slug
            ? urls.author(author.slug)
            : urls.authorSearch(author.name),
      );
  const authorLinks = (slug: string) => {
    const paper = bySlug.get(slug);
    return paper ? authorHrefs(paper).map((href) => href ?? null) : [];
  };
  const imageOf = (slug: string) =>
    paperImages ? urls.path(`/og/papers/${slug}.png`) : urls.path('/og/site.png');
  const neighbours = (slug: string) => {
    const i = position.get(slug);
    if (i === undefined) return { prev: undefined, next: undefined };
    return { prev: ordered[i - 1], next: ordered[i + 1] };
  };
  const keys = createPageKeys<ModelPaper>({
    site: {
      title: config.title,
      description: config.description,
      siteUrl: config.siteUrl,
      basePath: config.basePath,
      pageSize: config.pageSize,
      hasDates,
      // The code that derived each paper's text fields (see `derived`).
      code: codeDigest,
    },
    paper: (slug) => bySlug.get(slug),
    neighbours,
    topics: (slug) => [
      ...topicsOf(slug).map(({ topic, assignment }) => [topic.slug, topic.name, assignment]),
      // Where its author names link.
      authorLinks(slug),
    ],
    related: relatedOf,
    citeKey: (slug) => citeKeys.get(slug),
    image: imageOf,
    hidden: ['source', 'index', 'inputDigest'],
    derived: [
      'title',
      'abstract',
      'plainTitle',
      'plainAbstract',
      'titleHtml',
      'abstractHtml',
      'hasMath',
    ] satisfies (keyof ModelPaper)[],
    gone: (slug) => {
      const moved = redirects.get(slug);
      // A redirect page names its target by title.
      return [moved, moved && bySlug.get(moved.to)?.plainTitle, removed.get(slug)];
    },
  });
  return {
    papers,
    bySlug,
    ordered,
    months: new Map([...months].sort(([a], [b]) => (a < b ? 1 : -1))),
    pages: chunk(ordered, config.pageSize),
    neighbours,
    hasDates,
    redirects,
    removed,
    arxiv: arxivSlugs(registry),
    citeKeys,
    paperImages,
    topics: topics.model.topics,
    topicBySlug: topics.bySlug,
    topicsOf,
    topicPapers(slug) {
      return topicPapers.get(slug) ?? [];
    },
    topicFamily(slug) {
      const topic = topics.bySlug.get(slug);
      const area = topic?.parent === undefined ? undefined : topics.bySlug.get(topic.parent);
      const of = (list: readonly string[] | undefined) =>
        (list ?? []).flatMap((s) => topics.bySlug.get(s) ?? []);
      return {
        area,
        siblings: of(area?.children).filter((t) => t.slug !== slug),
        children: of(topic?.children),
      };
    },
    relatedTopics(slug) {
      return (topics.model.related.get(slug) ?? []).flatMap((r) => {
        const topic = topics.bySlug.get(r.topic);
        return topic ? [{ topic, shared: r.shared }] : [];
      });
    },
    relatedOf,
    positions: related.positions,
    mapData() {
      map ??= buildMapData(
        papers.map((p) => {
          const [x, y] = related.positions.get(p.slug) ?? [0.5, 0.5];
          // Lists with areas colour the map by the area of each paper's main topic.
          const main = topics.model.byPaper.get(p.slug)?.[0]?.topic;
          const topic = main === undefined ? undefined : (topics.bySlug.get(main)?.parent ?? main);
          return { slug: p.slug, title: p.plainTitle, topic, x, y };
        }),
        topics.model.topics,
      );
      return map;
    },
    searchIndex() {
      search ??= siteSearchIndex(
        papers,
        (slug) => (topics.model.byPaper.get(slug) ?? []).map((a) => a.topic),
        authors.data,
      );
      return search;
    },
    topicRedirects: topics.redirects,
    topicRemoved: topics.removed,
    authors,
    authorHrefs,
    authorTopics(slug) {
      const counts = new Map<string, { topic: Topic; count: number }>();
      for (const p of authors.papersOf(slug))
        for (const { topic } of topicsOf(p.slug)) {
          const seen = counts.get(topic.slug);
          if (seen) seen.count += 1;
          else counts.set(topic.slug, { topic, count: 1 });
        }
      return [...counts.values()].sort(
        (a, b) => b.count - a.count || a.topic.name.localeCompare(b.topic.name, 'en'),
      );
    },
    imageOf,
    pageKey: keys.page,
    listKey: keys.list,
  };
}

/** `getStaticPaths` of the endpoints that exist once per topic (BibTeX, JSON, feed, social image). */
export async function topicPaths(): Promise<{ params: { slug: string }; cacheKey: string }[]> {
  const model = await getModel();
  return model.topics.map((topic) => {
    const papers = model.topicPapers(topic.slug);
    // Everything those endpoints show: the topic, its related topics, and its
    // papers with their topics and citation keys.
    const frame = [
      topic,
      model.relatedTopics(topic.slug).map((r) => [r.topic.slug, r.topic.name, r.shared]),
      papers.map((p) => model.citeKeys.get(p.slug) ?? null),
    ];
    return { params: { slug: topic.slug }, cacheKey: model.listKey(frame, papers) };
  });
}

/**
 * Paths of the author feed and `.bib` routes: none in a build, which stages
 * those files on the pipeline's pool (a route each would cost minutes at
 * 25,000 authors); every author with a page in development.
 */
export async function authorFilePaths(): Promise<{ params: { slug: string } }[]> {
  if (!import.meta.env.DEV) return [];
  const { authors } = await getModel();
  return authors.paged.map((a) => ({ params: { slug: a.slug as string } }));
}
