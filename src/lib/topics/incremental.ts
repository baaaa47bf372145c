/**
 * Topics kept across a small edit of the list. Discovery clusters the whole
 * list again on any change, and a community search moves many papers when
 * one abstract changes (one edited abstract at 10,000 papers: 220 topics
 * became 217 and 5,539 paper pages changed). A curator who fixes a typo
 * expects one page to change, so after a small edit the last build's topics
 * stay: unchanged papers keep their topics and reasons, removed papers leave,
 * and each new or edited paper joins the topic whose papers it is closest to
 * (cosine to the topic's centroid, on discovery's own TF-IDF vectors); an
 * edited paper stays in its main topic while that is nearly as close.
 *
 * Like the related papers' incremental update this depends on history: the
 * caller counts the changes since the last full discovery and clusters
 * afresh once they pass a small share of the list.
 */
import { buildCorpus } from './corpus.ts';
import { corpusVectors } from './graph.ts';
import { casedWord } from './naming.ts';
import { relatedTopics } from './related.ts';
import { stemClauses } from './tokens.ts';
import type { Assignment, Topic, TopicModel, TopicPaper } from './types.ts';

/** Changes since the last full discovery, as a share of the list, below which topics are kept. */
export const INCREMENTAL_SHARE = 0.02;

/**
 * An edited paper keeps its main topic while its score there is at least
 * this share of its best one: a fixed typo should not move a paper.
 */
const STAY = 0.8;

const bySlug = (a: { slug: string }, b: { slug: string }) =>
  a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;

/** Does `text` hold `phrase` within one clause, stem by stem, as a topics file's phrases match? */
function mentions(text: string, phrase: string): boolean {
  const want = stemClauses(phrase).flat();
  return (
    want.length > 0 &&
    stemClauses(text).some((clause) =>
      clause.some((_, i) => want.every((stem, k) => clause[i + k] === stem)),
    )
  );
}

/**
 * `previous` with `changed` papers (new or edited slugs of `papers`) placed
 * again and papers no longer in the list removed. Undefined when an edited
 * paper shares no term with any topic (the caller then discovers afresh).
 * Only for models without curated topics: a topics file's rules are the
 * curator's, and its lists are small enough to match again in full.
 */
export function updateTopics(
  previous: TopicModel,
  papers: readonly TopicPaper[],
  changed: ReadonlySet<string>,
  relatedLimit?: number,
): TopicModel | undefined {
  // Papers only removed or reordered: no vectors needed.
  if (changed.size === 0)
    return rebuildLists(previous, papers, keptAssignments(previous, papers), relatedLimit);
  const rows = [...papers].sort(bySlug);
  const row = new Map(rows.map((p, i) => [p.slug, i]));
  const leaves = previous.topics.filter((t) => t.children === undefined).sort(bySlug);
  const corpus = buildCorpus(rows);
  const v = corpusVectors(corpus);

  // Terms of the changed papers: only their entries of each centroid are needed.
  const wanted = new Uint8Array(v.stems.length);
  const changedRows = [...changed].map((slug) => row.get(slug) as number).sort((a, b) => a - b);
  for (const r of changedRows)
    for (let j = v.ptr[r] as number; j < (v.ptr[r + 1] as number); j++)
      wanted[v.term[j] as number] = 1;

  // Each topic's centroid (its kept papers' unit vectors summed), restricted to those terms, over its norm.
  const sum = new Float64Array(v.stems.length);
  const touched: number[] = [];
  const centroids = leaves.map((topic) => {
    for (const slug of topic.papers) {
      const r = row.get(slug);
      if (r === undefined || changed.has(slug)) continue;
      for (let j = v.ptr[r] as number; j < (v.ptr[r + 1] as number); j++) {
        const t = v.term[j] as number;
        if (sum[t] === 0) touched.push(t);
        sum[t] = (sum[t] as number) + (v.weight[j] as number);
      }
    }
    let norm = 0;
    const kept = new Map<number, number>();
    for (const t of touched) {
      const w = sum[t] as number;
      norm += w * w;
      if (wanted[t]) kept.set(t, w);
      sum[t] = 0;
    }
    touched.length = 0;
    norm = Math.sqrt(norm);
    for (const [t, w] of kept) kept.set(t, w / norm);
    return kept;
  });

  function reasonFor(paper: TopicPaper, topic: Topic, r: number, c: Map<number, number>) {
    // The name's phrases ("Code generation and Program synthesis" has two), as discovery says it.
    for (const part of topic.name.split(' and ')) {
      if (mentions(paper.title, part)) return `title mentions “${part}”`;
      if (mentions(paper.abstract, part)) return `abstract is about “${part}”`;
    }
    const shared: [number, number][] = [];
    for (let j = v.ptr[r] as number; j < (v.ptr[r + 1] as number); j++) {
      const t = v.term[j] as number;
      const w = (v.weight[j] as number) * (c.get(t) ?? 0);
      if (w > 0) shared.push([t, w]);
    }
    const words = shared
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, 3)
      .map(([t]) => `“${casedWord(corpus, v.termWord[t] as number)}”`);
    return `shares ${words.join(', ')} with this topic’s papers`;
  }

  const leafOf = new Map(leaves.map((t, l) => [t.slug, l]));
  const placed = new Map<string, Assignment>();
  for (const r of changedRows) {
    let best = -1;
    let bestScore = 0;
    const scores = leaves.map((_, l) => {
      const c = centroids[l] as Map<number, number>;
      let s = 0;
      for (let j = v.ptr[r] as number; j < (v.ptr[r + 1] as number); j++)
        s += (v.weight[j] as number) * (c.get(v.term[j] as number) ?? 0);
      if (s > bestScore) [best, bestScore] = [l, s];
      return s;
    });
    if (best < 0) return undefined;
    // An edited paper stays in its main topic while that is nearly as close as the closest.
    const was = leafOf.get(previous.byPaper.get((rows[r] as TopicPaper).slug)?.[0]?.topic ?? '');
    if (was !== undefined && (scores[was] as number) >= STAY * bestScore) best = was;
    const topic = leaves[best] as Topic;
    const paper = rows[r] as TopicPaper;
    placed.set(paper.slug, {
      topic: topic.slug,
      reason: reasonFor(paper, topic, r, centroids[best] as Map<number, number>),
      curated: false,
    });
  }
  return rebuildLists(previous, papers, keptAssignments(previous, papers, placed), relatedLimit);
}

/** Every paper's topics: kept, or the one it was placed in. */
function keptAssignments(
  previous: TopicModel,
  papers: readonly TopicPaper[],
  placed: ReadonlyMap<string, Assignment> = new Map(),
): Map<string, Assignment[]> {
  const byPaper = new Map<string, Assignment[]>();
  for (const paper of papers) {
    const now = placed.get(paper.slug);
    byPaper.set(paper.slug, now ? [now] : (previous.byPaper.get(paper.slug) ?? []));
  }
  return byPaper;
}

/** Topic lists from the assignments: empty topics go, areas hold their topics' papers. */
function rebuildLists(
  previous: TopicModel,
  papers: readonly TopicPaper[],
  byPaper: Map<string, Assignment[]>,
  relatedLimit?: number,
): TopicModel {
  const lists = new Map<string, string[]>();
  for (const paper of papers)
    for (const a of byPaper.get(paper.slug) ?? []) {
      const list = lists.get(a.topic) ?? [];
      if (list.at(-1) !== paper.slug) list.push(paper.slug);
      lists.set(a.topic, list);
    }
  const order = new Map(papers.map((p, i) => [p.slug, i]));
  const size = (slug: string) => lists.get(slug)?.length ?? 0;
  const leaves = previous.topics
    .filter((t) => t.children === undefined && size(t.slug) > 0)
    .map((t) => ({ ...t, papers: lists.get(t.slug) as string[] }));
  const areas = previous.topics.flatMap((t): Topic[] => {
    if (t.children === undefined) return [];
    const children = t.children
      .filter((c) => size(c) > 0)
      .sort((a, b) => size(b) - size(a) || (a < b ? -1 : 1));
    if (children.length === 0) return [];
    const members = [...new Set(children.flatMap((c) => lists.get(c) as string[]))].sort(
      (a, b) => (order.get(a) as number) - (order.get(b) as number),
    );
    return [{ ...t, children, papers: members }];
  });
  const topics = [...areas, ...leaves].sort(
    (a, b) =>
      b.papers.length - a.papers.length ||
      a.name.localeCompare(b.name, 'en') ||
      (a.slug < b.slug ? -1 : 1),
  );
  const live = new Set(topics.map((t) => t.slug));
  for (const [slug, list] of byPaper)
    byPaper.set(
      slug,
      list.filter((a) => live.has(a.topic)),
    );
  return {
    topics,
    byPaper,
    related: relatedTopics(topics, relatedLimit),
    warnings: previous.warnings,
  };
}
