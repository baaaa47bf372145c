/**
 * The topic model: curated topics first, discovered topics for every paper
 * no curated topic takes, one to three topics per paper, each with its reason.
 */
import { closest, matchCurated, TopicsFileError, type CuratedTopics } from './curate.ts';
import { discoverTopics, type DiscoverOptions } from './discover.ts';
import { relatedTopics } from './related.ts';
import type { Assignment, Topic, TopicModel, TopicPaper } from './types.ts';

export interface BuildOptions extends DiscoverOptions {
  /** Most related topics listed per topic; default 6. */
  relatedLimit?: number;
  /**
   * Old paper slug -> current slug, from the permalink registry (retitled
   * papers): an `include` or `exclude` naming an old slug means that paper.
   */
  renamed?: ReadonlyMap<string, string>;
}

/**
 * Builds the topic model of a list. `curated` (from `parseTopicsFile`) wins:
 * a paper its rules take gets only curated topics (its strongest three);
 * the other papers go through discovery. Throws `TopicsFileError` when the
 * file includes or excludes a paper slug that is not in the list.
 */
export function buildTopicModel(
  papers: readonly TopicPaper[],
  curated?: CuratedTopics,
  options: BuildOptions = {},
): TopicModel {
  const maxPerPaper = options.maxPerPaper ?? 3;
  const warnings: string[] = [];
  const byPaper = new Map<string, Assignment[]>();
  const topics: Topic[] = [];
  const leftover: TopicPaper[] = [];
  const reserved = new Set(options.reserved ?? []);

  if (curated && curated.topics.length > 0) {
    const resolved = resolvePaperSlugs(papers, curated, options.renamed ?? new Map(), warnings);
    const matches = matchCurated(papers, resolved);
    const lists = curated.topics.map(() => [] as string[]);
    papers.forEach((paper, p) => {
      const found = (matches[p] ?? []).slice(0, maxPerPaper);
      if (found.length === 0) {
        leftover.push(paper);
        return;
      }
      byPaper.set(
        paper.slug,
        found.map((m) => {
          (lists[m.topic] as string[]).push(paper.slug);
          return {
            topic: (curated.topics[m.topic] as { slug: string }).slug,
            reason: m.reason,
            curated: true,
          };
        }),
      );
    });
    curated.topics.forEach((topic, t) => {
      for (const slug of [topic.slug, ...topic.aliases]) reserved.add(slug);
      const list = lists[t] as string[];
      const at = `${curated.file}:${topic.line}: topic "${topic.slug}"`;
      if (list.length === 0) {
        warnings.push(`${at}: matches no paper, so it has no page`);
        return;
      }
      if (list.length < 3) warnings.push(`${at}: holds only ${list.length} paper(s)`);
      if (list.length > papers.length / 3) {
        warnings.push(`${at}: holds ${list.length} of ${papers.length} papers, more than a third`);
      }
      topics.push({
        slug: topic.slug,
        name: topic.name,
        description: topic.description,
        curated: true,
        papers: list,
        aliases: topic.aliases,
      });
    });
  } else {
    leftover.push(...papers);
  }

  if (leftover.length > 0) {
    // The share limit is of the whole list, not of the papers left over.
    const maxSize =
      options.maxSize ?? Math.max(3, Math.floor(papers.length * (options.maxShare ?? 1 / 3)));
    const discovery = discoverTopics(leftover, { ...options, reserved, maxSize });
    for (const topic of discovery.topics) {
      topics.push({
        slug: topic.slug,
        name: topic.name,
        description: topic.description,
        curated: false,
        papers: topic.papers,
        aliases: [],
        ...(topic.parent === undefined ? {} : { parent: topic.parent }),
        ...(topic.children === undefined ? {} : { children: topic.children }),
      });
    }
    for (const [slug, list] of discovery.byPaper) byPaper.set(slug, list);
  }

  // Every topic's papers in list order.
  const order = new Map(papers.map((p, i) => [p.slug, i]));
  for (const topic of topics) {
    topic.papers.sort((a, b) => (order.get(a) as number) - (order.get(b) as number));
  }
  topics.sort(
    (a, b) =>
      b.papers.length - a.papers.length ||
      a.name.localeCompare(b.name, 'en') ||
      (a.slug < b.slug ? -1 : 1),
  );
  const ordered = new Map<string, Assignment[]>();
  for (const paper of papers) ordered.set(paper.slug, byPaper.get(paper.slug) ?? []);
  return {
    topics,
    byPaper: ordered,
    related: relatedTopics(topics, options.relatedLimit),
    warnings,
  };
}

/**
 * Every paper slug the topics file names must be in the list, or be an old
 * slug of a retitled paper in the list (then it means that paper, and the
 * build log says so). Returns the topics with old slugs replaced.
 */
function resolvePaperSlugs(
  papers: readonly TopicPaper[],
  curated: CuratedTopics,
  renamed: ReadonlyMap<string, string>,
  notes: string[],
): CuratedTopics {
  const known = new Set(papers.map((p) => p.slug));
  const current = (slug: string): string | undefined => {
    // Follow a chain of retitles (a paper retitled twice), never a loop.
    let at = slug;
    for (let step = 0; step < 16 && !known.has(at); step++) {
      const next = renamed.get(at);
      if (next === undefined) return undefined;
      at = next;
    }
    return known.has(at) ? at : undefined;
  };
  const topics = curated.topics.map((topic) => {
    const fix = (key: 'include' | 'exclude') =>
      topic[key].map((ref) => {
        if (known.has(ref.slug)) return ref;
        const now = current(ref.slug);
        if (now !== undefined) {
          notes.push(
            `${curated.file}:${ref.line}: topic "${topic.slug}": ${key} "${ref.slug}" is the old slug of a retitled paper; using "${now}" (update the file to silence this)`,
          );
          return { ...ref, slug: now };
        }
        const hint = suggestSlug(ref.slug, papers);
        throw new TopicsFileError(
          curated.file,
          ref.line,
          topic.slug,
          `${key} names no paper in the list: "${ref.slug}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
        );
      });
    return { ...topic, include: fix('include'), exclude: fix('exclude') };
  });
  return { ...curated, topics };
}

/** A paper slug close to a mistyped one: the same first words, or a small edit. */
function suggestSlug(slug: string, papers: readonly TopicPaper[]): string | undefined {
  const prefix = slug.split('-').slice(0, 3).join('-');
  const sharing = papers.filter((p) => p.slug.startsWith(prefix)).map((p) => p.slug);
  if (sharing.length > 0) return closest(slug, sharing) ?? sharing.sort()[0];
  return papers.length <= 5000
    ? closest(
        slug,
        papers.map((p) => p.slug),
      )
    : undefined;
}
