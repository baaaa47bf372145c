/**
 * Topic discovery: cluster first, name second.
 *
 * 1. Papers are grouped by what they are about (`graph.ts`): Louvain
 *    communities of the nearest-neighbour graph of their TF-IDF vectors,
 *    large groups split, small ones merged into their closest group. From
 *    `HIERARCHY_FROM` papers the groups are themselves grouped into 10-25
 *    areas, as arXiv has archives and categories.
 * 2. Each group is named by the phrase that sets it apart (`naming.ts`):
 *    class-based TF-IDF over the phrase candidates of `phrases.ts` (title
 *    n-grams that look like terms, acronyms resolved). When the best phrase
 *    covers less than half of the group and a second one adds to it, the
 *    name is both ("Code generation and Program synthesis").
 * 3. Every paper is in its group's topic, with the reason: its title or
 *    abstract is about the name's phrase, or it shares the group's own words
 *    (named). A paper whose title names another topic and whose nearest
 *    papers are there too is also in that topic (at most three in all).
 *
 * Deterministic: rows are sorted by slug (so the order of the list does not
 * matter), Louvain is seeded, and every tie is settled by stems or slugs.
 */
import type { Vectors } from '../related/vectors.ts';
import {
  HIERARCHY_FROM,
  areasOf,
  clusterPapers,
  corpusVectors,
  groupGraph,
  neighbourGraph,
  symmetric,
  tidyGroups,
  type Adjacency,
} from './graph.ts';
import { dissolveWeak, fitOf, refineGroups, splitWeak } from './refine.ts';
import { casedWord, oneWordTopic, rankGroupPhrases, type GroupPhrase } from './naming.ts';
import { Namer, profileName, type GroupName } from './namer.ts';
import { buildCorpus } from './corpus.ts';
import { mineCandidates, type Candidate } from './phrases.ts';
import type { Assignment, Topic, TopicPaper } from './types.ts';

export interface DiscoverOptions {
  /** Fewest papers in a topic; default 3 (2 for lists under 40 papers), N/1000 for big lists. */
  minSize?: number;
  /** Largest share of the papers one topic may hold; default 12% (3% with areas). */
  maxShare?: number;
  /** Most papers one topic may hold, overriding `maxShare` (when these papers are part of a longer list). */
  maxSize?: number;
  /** Most topics per paper; default 3. */
  maxPerPaper?: number;
  /** Slugs that discovered topics must not take (curated topics own them). */
  reserved?: ReadonlySet<string>;
  /** Whether to group topics into areas; default from `HIERARCHY_FROM` papers. */
  areas?: boolean;
}

/** A discovered topic: a `Topic` plus the phrase that names it. */
export interface DiscoveredTopic extends Topic {
  /** The naming phrase's stems, space-separated ('' for "Other papers"). */
  stems: string;
}

export interface Discovery {
  /** Areas and topics, each sorted by size (descending), then name. */
  topics: DiscoveredTopic[];
  /** Paper slug -> 1..3 assignments (topics, never areas), strongest first. */
  byPaper: Map<string, Assignment[]>;
  /** Papers in a named topic (not in "Other papers"). */
  covered: number;
}

/** Slug and name of the catch-all for papers that share nothing with any topic. */
export const OTHER_SLUG = 'other-papers';
const OTHER_NAME = 'Other papers';

/**
 * Phrases used mostly as modifiers in titles ("high-dimensional X",
 * "pre-trained X") are fragments, not names.
 */
const MAX_MODIFIER = 0.6;
const ONE_WORD_MODIFIER = 0.4;

/**
 * Groups less coherent than this (mean pair cosine over the list's, on the
 * clustering vectors) are dissolved into their neighbours.
 */
const WEAK_GROUP = 1.6;
/** Groups less coherent than this are split (when large enough to give two topics). */
const SPLIT_BELOW = 1.5;

/** From this size, fewer refinement rounds (each moves few papers of a long list). */
const LARGE_LIST = 5000;

/** Lists shorter than this have topics of two papers (in a day's list, a pair is a topic). */
const TINY_LIST = 40;

/** Nearest papers in a second topic a paper needs to join it by its title. */
const SECOND_SUPPORT = 2;

export function discoverTopics(
  input: readonly TopicPaper[],
  options: DiscoverOptions = {},
): Discovery {
  const n = input.length;
  if (n === 0) return { topics: [], byPaper: new Map(), covered: 0 };
  // Rows in slug order: the list's order does not matter.
  const papers = [...input].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const maxPerPaper = options.maxPerPaper ?? 3;
  const hierarchy = options.areas ?? n >= HIERARCHY_FROM;
  const minSize = options.minSize ?? (n < TINY_LIST ? 2 : Math.max(3, Math.ceil(n / 1000)));
  const share = options.maxShare ?? (hierarchy ? 0.03 : 0.12);
  const maxSize = Math.max(
    2 * minSize,
    Math.min(options.maxSize ?? Infinity, Math.ceil(n * share)),
  );
  const reserved = options.reserved ?? new Set<string>();

  // ---- 1. groups (and areas)
  const corpus = buildCorpus(papers);
  const vectors = corpusVectors(corpus);
  const termText = (t: number) => casedWord(corpus, vectors.termWord[t] as number);
  const adj = symmetric(neighbourGraph(vectors));
  const first = clusterPapers(adj, { minSize, maxSize });
  splitWeak(vectors, adj, first, SPLIT_BELOW, minSize);
  refineGroups(vectors, adj, first, n < LARGE_LIST ? 8 : 4);
  dissolveWeak(vectors, adj, first, WEAK_GROUP, minSize);
  refineGroups(vectors, adj, first, n < LARGE_LIST ? 4 : 2);
  // Refining may leave a group loose again.
  dissolveWeak(vectors, adj, first, WEAK_GROUP, minSize);
  const label = tidyGroups(adj, first, minSize);

  // ---- 2. names
  const candidates = mineCandidates(corpus, {
    minTitleDf: n < 2000 ? 1 : Math.max(2, Math.round(n / 10_000)),
    minStrongDf: 2,
    ...(n < 2000 ? { minAbstractDf: 2 } : {}),
  }).filter(
    (c) =>
      c.modifier <= MAX_MODIFIER &&
      // A one-word topic stands alone in titles; "Temporal", "Defining" lead into others.
      (c.length > 1 || (c.modifier <= ONE_WORD_MODIFIER && oneWordTopic(corpus, c, n))),
  );
  const rank = (lab: Int32Array) => {
    const sizes = new Array<number>(Math.max(-1, ...lab) + 1).fill(0);
    for (const g of lab) if (g >= 0) sizes[g] = (sizes[g] as number) + 1;
    return rankGroupPhrases(lab, sizes, candidates);
  };
  const ranked = rank(label);
  const groupCount = Math.max(-1, ...label) + 1;
  const members: number[][] = Array.from({ length: groupCount }, () => []);
  label.forEach((g, p) => {
    if (g >= 0) (members[g] as number[]).push(p);
  });
  const areaOfGroup =
    hierarchy && groupCount > 1 ? areasOf(groupGraph(adj, label, groupCount)) : new Int32Array(0);
  const areaCount = areaOfGroup.length ? Math.max(...areaOfGroup) + 1 : 0;

  const used = new Set<string>(reserved);
  const naming = new Namer(corpus, candidates, used);
  const profile = members.map((list) => profileTerms(vectors, list));
  const loose = rankGroupPhrases(
    label,
    members.map((m) => m.length),
    candidates,
    12,
    false,
  );
  const groupNames = ranked
    .map((list, g) => (list.length ? list : (loose[g] as GroupPhrase[])))
    .map((list, g) =>
      naming.name(
        list,
        members[g] as number[],
        profileName(corpus, vectors, members[g] as number[], profile[g] as number[]),
      ),
    );
  // Areas are named after their topics, by the phrases left.
  const areaLabel = label.map((g) => (g < 0 || !areaCount ? -1 : (areaOfGroup[g] as number)));
  const areaSizes = new Array<number>(areaCount).fill(0);
  for (const a of areaLabel) if (a >= 0) areaSizes[a] = (areaSizes[a] as number) + 1;
  const areaMembers: number[][] = Array.from({ length: areaCount }, () => []);
  areaLabel.forEach((a, p) => {
    if (a >= 0) (areaMembers[a] as number[]).push(p);
  });
  const areaNames = rankGroupPhrases(areaLabel, areaSizes, candidates).map((list, a) => {
    const topics = groupNames
      .map((name, g) => ({ name, g }))
      .filter(({ g }) => areaOfGroup[g] === a)
      .sort(
        (x, y) =>
          (members[y.g] as number[]).length - (members[x.g] as number[]).length || x.g - y.g,
      )
      .map(({ name }) => name);
    return naming.area(list, areaMembers[a] as number[], topics);
  });

  // ---- 3. membership and reasons
  const words = (stems: number[]) => stems.map((s) => `“${termText(s)}”`).join(', ');
  const assignments: { group: number; reason: string }[][] = papers.map(() => []);
  const strongIn = new Map<number, Map<number, number>>(); // cand -> paper -> inTitle
  const about = (cand: number, p: number): number | undefined => {
    let map = strongIn.get(cand);
    if (map === undefined) {
      const c = candidates[cand] as Candidate;
      map = new Map();
      c.papers.forEach((q, i) => (map as Map<number, number>).set(q, c.inTitle[i] as number));
      strongIn.set(cand, map);
    }
    return map.get(p);
  };
  label.forEach((g, p) => {
    if (g < 0) return;
    const name = groupNames[g] as GroupName;
    let reason: string | undefined;
    for (const part of name.parts) {
      const inTitle = about(part.cand, p);
      if (inTitle === undefined) continue;
      reason = `${inTitle > 0 ? 'title mentions' : 'abstract is about'} “${part.info.phrase}”`;
      break;
    }
    if (reason === undefined) {
      const own = new Set<number>();
      for (let j = vectors.ptr[p] as number; j < (vectors.ptr[p + 1] as number); j++)
        own.add(vectors.term[j] as number);
      const shared = (profile[g] as number[]).filter((s) => own.has(s)).slice(0, 3);
      reason = shared.length
        ? `shares ${words(shared)} with this topic’s papers`
        : 'its most similar papers are here';
    }
    (assignments[p] as { group: number; reason: string }[]).push({ group: g, reason });
  });
  // A second or third topic: the title names it, nearest papers are there,
  // and the paper is as close to its papers as a coherent topic's are.
  const second: [number, number][] = [];
  groupNames.forEach((name, g) => {
    const cand = name.parts[0]?.cand;
    if (cand === undefined) return;
    const c = candidates[cand] as Candidate;
    c.papers.forEach((p, i) => {
      if ((c.inTitle[i] as number) === 0 || label[p] === g) return;
      let support = 0;
      for (let e = adj.ptr[p] as number; e < (adj.ptr[p + 1] as number); e++)
        if (label[adj.to[e] as number] === g) support++;
      if (support >= SECOND_SUPPORT) second.push([p, g]);
    });
  });
  const fit = fitOf(vectors, label, second);
  const sizes = members.map((m) => m.length);
  second.forEach(([p, g], i) => {
    const list = assignments[p] as { group: number; reason: string }[];
    if ((fit[i] as number) < WEAK_GROUP || list.length >= maxPerPaper) return;
    if (list.some((x) => x.group === g) || (sizes[g] as number) >= maxSize) return;
    const phrase = (groupNames[g] as GroupName).parts[0]?.info.phrase ?? '';
    list.push({ group: g, reason: `title mentions “${phrase}”` });
    sizes[g] = (sizes[g] as number) + 1;
  });

  // ---- assemble
  const areaTopics: DiscoveredTopic[] = areaNames.map((name) => ({
    slug: name.slug,
    name: name.name,
    description: name.description([]),
    curated: false,
    papers: [],
    aliases: [],
    children: [],
    stems: name.stems,
  }));
  const topics: DiscoveredTopic[] = groupNames.map((name, g) => {
    const area = areaCount ? areaTopics[areaOfGroup[g] as number] : undefined;
    return {
      slug: name.slug,
      name: name.name,
      // The group's own words, besides those of its name.
      description: name.description(
        (profile[g] as number[])
          .map(termText)
          .filter((w) => !name.name.toLowerCase().includes(w.toLowerCase()))
          .slice(0, 4),
      ),
      curated: false,
      papers: [],
      aliases: [],
      ...(area ? { parent: area.slug } : {}),
      stems: name.stems,
    };
  });
  const other: DiscoveredTopic = {
    slug: reserved.has(OTHER_SLUG) ? `${OTHER_SLUG}-found` : OTHER_SLUG,
    name: OTHER_NAME,
    description: 'Papers that share no distinctive words with any other paper of the list.',
    curated: false,
    papers: [],
    aliases: [],
    stems: '',
  };
  const byPaper = new Map<string, Assignment[]>();
  let covered = 0;
  // Assignments and topic papers in the caller's list order.
  const row = new Map(papers.map((p, i) => [p.slug, i]));
  for (const paper of input) {
    const p = row.get(paper.slug) as number;
    const list = assignments[p] as { group: number; reason: string }[];
    if (list.length === 0) {
      other.papers.push(paper.slug);
      byPaper.set(paper.slug, [
        {
          topic: other.slug,
          reason: 'shares no distinctive word with other papers',
          curated: false,
        },
      ]);
      continue;
    }
    covered++;
    const areasSeen = new Set<DiscoveredTopic>();
    byPaper.set(
      paper.slug,
      list.map(({ group, reason }) => {
        const topic = topics[group] as DiscoveredTopic;
        topic.papers.push(paper.slug);
        if (areaCount) areasSeen.add(areaTopics[areaOfGroup[group] as number] as DiscoveredTopic);
        return { topic: topic.slug, reason, curated: false };
      }),
    );
    for (const area of areasSeen) area.papers.push(paper.slug);
  }
  const bySize = (a: DiscoveredTopic, b: DiscoveredTopic) =>
    b.papers.length - a.papers.length ||
    a.name.localeCompare(b.name, 'en') ||
    (a.slug < b.slug ? -1 : 1);
  topics.sort(bySize);
  for (const topic of topics) {
    if (topic.parent === undefined) continue;
    areaTopics.find((a) => a.slug === topic.parent)?.children?.push(topic.slug);
  }
  areaTopics.sort(bySize);
  for (const area of areaTopics) {
    const names = (area.children ?? []).slice(0, 4).map((slug) => {
      return topics.find((t) => t.slug === slug)?.name ?? slug;
    });
    area.description = areaDescription(area.name, names);
  }
  const all = [...areaTopics, ...topics, ...(other.papers.length ? [other] : [])];
  return { topics: all, byPaper, covered };
}

/** A group's most characteristic stems: the heaviest terms of its mean vector. */
function profileTerms(v: Vectors, list: readonly number[], keep = 8): number[] {
  const sum = new Map<number, number>();
  for (const p of list) {
    for (let j = v.ptr[p] as number; j < (v.ptr[p + 1] as number); j++) {
      const t = v.term[j] as number;
      sum.set(t, (sum.get(t) ?? 0) + (v.weight[j] as number));
    }
  }
  return [...sum.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, keep)
    .map(([t]) => t);
}

function areaDescription(name: string, children: string[]): string {
  return children.length
    ? `An area of ${children.length > 1 ? 'topics such as' : 'the topic'} ${children.join(', ')}.`
    : `Papers on ${name}.`;
}

export type { Adjacency };
