/**
 * Topic discovery: a set of field phrases that slice a collection, and for
 * each paper the one to three of them it is about, with the reason.
 *
 * 1. Phrase candidates and their counts come from `phrases.ts` (title n-grams,
 *    acronyms resolved, counted on stems over titles and abstracts).
 * 2. Each candidate gets a termhood score: longer phrases, phrases used on
 *    their own (C-value), used in titles, and used substantively where they
 *    are used at all score higher; one-word and generic phrases lower.
 * 3. Topics are chosen greedily for coverage (lazy greedy on a submodular
 *    gain): a candidate is worth its termhood times the papers it would newly
 *    cover, papers already in one or two topics counting for less. No topic
 *    may hold more than a third of the papers or nearly the same papers as a
 *    chosen one.
 * 4. Each paper takes its strongest 1-3 chosen phrases (title mention beats
 *    repeated abstract mentions); topics left too small are dropped.
 * 5. Papers still without a topic take the topic whose phrase their abstract
 *    mentions once, else the topics of their nearest placed papers (k nearest
 *    neighbours on shared rare words, IDF-weighted); only a paper that shares
 *    no such word with any placed paper lands in "Other papers".
 *
 * Deterministic: no randomness, and every tie is settled by stems or slugs.
 */
import slugify from '@sindresorhus/slugify';
import { toPlainText } from '../ingest/latex.ts';
import { fold } from '../text/index.ts';
import {
  CONTENT,
  ID,
  JOINED,
  buildCorpus,
  mentions,
  mineCandidates,
  type Candidate,
  type Corpus,
} from './phrases.ts';
import { BROAD, adjectival } from './lexicon.ts';
import { PREFIXES } from './tokens.ts';
import type { Assignment, Topic, TopicPaper } from './types.ts';

export interface DiscoverOptions {
  /** Most topics to choose; default grows with the list (about 2·N^0.45, 4..120). */
  maxTopics?: number;
  /** Fewest papers in a topic; default 3 (2 for lists under 12 papers), N/1000 for big lists. */
  minSize?: number;
  /** Largest share of the papers one topic may hold; default 1/3. */
  maxShare?: number;
  /** Most papers one topic may hold, overriding `maxShare` (when these papers are part of a longer list). */
  maxSize?: number;
  /** Most topics per paper; default 3. */
  maxPerPaper?: number;
  /** Slugs that discovered topics must not take (curated topics own them). */
  reserved?: ReadonlySet<string>;
}

/** A discovered topic: a `Topic` plus the phrase that defines it. */
export interface DiscoveredTopic extends Topic {
  /** The phrase's stems, space-separated (what matching uses). */
  stems: string;
}

export interface Discovery {
  /** Sorted by size (descending), then name. */
  topics: DiscoveredTopic[];
  /** Paper slug -> 1..3 assignments, strongest first. */
  byPaper: Map<string, Assignment[]>;
  /** Papers in a phrase topic (not in "Other papers"). */
  covered: number;
}

/** Slug and name of the catch-all for papers that share nothing with any topic. */
export const OTHER_SLUG = 'other-papers';
const OTHER_NAME = 'Other papers';

/**
 * Phrases used mostly as modifiers in titles ("high-dimensional X",
 * "pre-trained X", "sparse neural X") are fragments, not names; noun phrases
 * used attributively ("mixture-of-experts models") stay under this share.
 */
const MAX_MODIFIER = 0.6;

/** Below this many papers, plain one-word topics are allowed. */
const SHORT_LIST = 2000;

/** Gain of covering a paper that already has 0, 1, 2, 3+ topics. */
const GAIN = [1, 0.3, 0.08, 0];
const LENGTH_WEIGHT = [0, 0.25, 1, 1.1, 1.1];

export function discoverTopics(
  papers: readonly TopicPaper[],
  options: DiscoverOptions = {},
): Discovery {
  const n = papers.length;
  if (n === 0) return { topics: [], byPaper: new Map(), covered: 0 };
  const maxPerPaper = options.maxPerPaper ?? 3;
  const minSize = options.minSize ?? (n < 12 ? 2 : Math.max(3, Math.ceil(n / 1000)));
  const maxSize = options.maxSize ?? Math.max(minSize, Math.floor(n * (options.maxShare ?? 1 / 3)));
  const maxTopics =
    options.maxTopics ?? Math.max(4, Math.min(120, Math.round(2 * Math.pow(n, 0.45))));
  const reserved = options.reserved ?? new Set<string>();

  const corpus = buildCorpus(papers);
  const candidates = mineCandidates(corpus, {
    minTitleDf: n < 2000 ? 1 : Math.max(2, Math.round(n / 10_000)),
    minStrongDf: minSize,
  }).filter(
    (c) =>
      c.strongDf <= maxSize &&
      c.modifier <= MAX_MODIFIER &&
      (c.length > 1 || oneWordTopic(corpus, c, n)),
  );
  const names = candidates.map((c) => nameOf(corpus, c));
  const quality = candidates.map((c) => termhood(c, n));

  // ---- 3. greedy coverage-driven selection
  const chosen = select(corpus, candidates, names, quality, {
    minSize,
    maxTopics,
    reserved,
  });

  // ---- 4. each paper's strongest chosen phrases
  let active = chosen;
  let members: number[][] = [];
  let picks: Pick[][] = [];
  for (let round = 0; round < 8; round++) {
    picks = pickPerPaper(n, candidates, quality, active, maxPerPaper);
    members = active.map(() => []);
    const slot = new Map(active.map((c, i) => [c, i]));
    picks.forEach((list, p) => {
      for (const pick of list) (members[slot.get(pick.cand) as number] as number[]).push(p);
    });
    const keep = active.filter((_, i) => (members[i] as number[]).length >= minSize);
    if (keep.length === active.length) break;
    active = keep;
  }

  // ---- 5. fallback for papers with no topic yet
  const titleOf = (p: number) => shortTitle((papers[p] as TopicPaper).title);
  const fallback = fallbackAssign(
    titleOf,
    corpus,
    candidates,
    quality,
    active,
    members,
    picks,
    maxSize,
  );

  // ---- assemble
  const topics: DiscoveredTopic[] = active.map((c, i) => {
    const cand = candidates[c] as Candidate;
    const name = names[c] as NameInfo;
    return {
      slug: name.slug,
      name: name.name,
      description: describe(name, fallback.profileTerms[i] ?? []),
      curated: false,
      papers: [],
      aliases: [],
      stems: cand.stems,
    };
  });
  const other: DiscoveredTopic = {
    slug: reserved.has(OTHER_SLUG) ? `${OTHER_SLUG}-found` : OTHER_SLUG,
    name: OTHER_NAME,
    description: 'Papers that share no phrase or distinctive words with any topic found.',
    curated: false,
    papers: [],
    aliases: [],
    stems: '',
  };
  const byPaper = new Map<string, Assignment[]>();
  let covered = 0;
  papers.forEach((paper, p) => {
    const list = fallback.assignments[p] as Pick[];
    const out: Assignment[] = [];
    for (const pick of list) {
      const topic = pick.slot < 0 ? other : (topics[pick.slot] as DiscoveredTopic);
      topic.papers.push(paper.slug);
      out.push({ topic: topic.slug, reason: pick.reason, curated: false });
    }
    if (list.some((x) => x.slot >= 0)) covered++;
    byPaper.set(paper.slug, out);
  });
  const all = other.papers.length ? [...topics, other] : topics;
  all.sort(
    (a, b) =>
      b.papers.length - a.papers.length ||
      a.name.localeCompare(b.name, 'en') ||
      (a.slug < b.slug ? -1 : 1),
  );
  return { topics: all, byPaper, covered };
}

// ------------------------------------------------------------------ scoring

/** Termhood of a candidate, independent of which papers are covered. */
function termhood(c: Candidate, n: number): number {
  const purity = c.strongDf / Math.max(1, c.anyDf);
  const titleness = c.titleDf / Math.max(1, c.strongDf);
  const idf = Math.log((n + 1) / c.anyDf);
  return (
    Math.sqrt(idf) *
    (LENGTH_WEIGHT[Math.min(c.length, 4)] as number) *
    (0.25 + 0.75 * c.independence) *
    (0.3 + 0.7 * titleness) *
    (0.5 + 0.5 * purity)
  );
}

/**
 * One-word topics are too often generic ("Detection", "Representation"). A
 * single word is a candidate when it is a name, written as an acronym or
 * capitalised mid-sentence (`SPLADE`, `Mamba`); and, in lists too short for
 * two-word phrases to recur (under SHORT_LIST papers), when it is not one of
 * the broad words of research writing (`BROAD`): "Agents", "Pruning".
 */
function oneWordTopic(corpus: Corpus, c: Candidate, n: number): boolean {
  const { vocab } = corpus;
  // Porter conflates more than inflection ("execution", "executable"): the
  // word must be written one way (give or take a plural) in most titles.
  const written = new Map<string, number>();
  let total = 0;
  for (const [form, count] of c.forms) {
    const w = Number(form) & ID;
    const word = (vocab.lower[w] as string).replace(/s$/u, '');
    written.set(word, (written.get(word) ?? 0) + count);
    total += count;
  }
  const [word, count] = [...written.entries()].sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
  )[0] ?? ['', 0];
  if (count < 0.6 * total) return false;
  const w = Number([...c.forms.keys()][0]) & ID;
  if (vocab.acronym[w] === true || casedWord(corpus, w) !== vocab.lower[w]) return true;
  return (
    n < SHORT_LIST &&
    !adjectival(word) &&
    !BROAD.has(vocab.stems[vocab.stemOf[w] as number] as string)
  );
}

/** How strongly a paper is about a candidate: title mention 2, each abstract mention 0.5 (at most 4). */
function strength(inTitle: number, inAbstract: number): number {
  return (inTitle > 0 ? 2 : 0) + 0.5 * Math.min(inAbstract, 4);
}

// ---------------------------------------------------------------- selection

interface SelectOptions {
  minSize: number;
  maxTopics: number;
  reserved: ReadonlySet<string>;
}

/** Lazy greedy maximum coverage (CELF): gains only shrink, so stale bounds are safe. */
function select(
  corpus: Corpus,
  candidates: Candidate[],
  names: NameInfo[],
  quality: number[],
  opts: SelectOptions,
): number[] {
  const n = corpus.n;
  const cover = new Uint8Array(n);
  const topicsOf: number[][] = Array.from({ length: n }, () => []);
  const strongPapers = candidates.map((c) => c.papers);
  const gainOf = (c: number): { gain: number; fresh: number } => {
    let g = 0;
    let fresh = 0;
    for (const p of strongPapers[c] as Int32Array) {
      const k = cover[p] as number;
      g += GAIN[Math.min(k, 3)] as number;
      if (k === 0) fresh++;
    }
    return { gain: g * (quality[c] as number), fresh };
  };
  const heap = new MaxHeap((a: number, b: number) => {
    // ties: longer phrase, then stems
    const ca = candidates[a] as Candidate;
    const cb = candidates[b] as Candidate;
    return ca.stems < cb.stems;
  });
  candidates.forEach((_, c) => heap.push(c, gainOf(c).gain));

  const chosen: number[] = [];
  const slugs = new Set<string>();
  const minFresh = Math.max(1, Math.ceil(opts.minSize / 2));
  while (chosen.length < opts.maxTopics && heap.size > 0) {
    const top = heap.pop();
    if (top === undefined) break;
    const { gain, fresh } = gainOf(top.item);
    const next = heap.peekScore();
    if (next !== undefined && gain < next) {
      heap.push(top.item, gain);
      continue;
    }
    if (gain <= 0) break;
    const name = names[top.item] as NameInfo;
    if (fresh < minFresh || opts.reserved.has(name.slug) || slugs.has(name.slug)) continue;
    if (redundant(strongPapers[top.item] as Int32Array, topicsOf, strongPapers)) continue;
    chosen.push(top.item);
    slugs.add(name.slug);
    for (const p of strongPapers[top.item] as Int32Array) {
      cover[p] = (cover[p] as number) + 1;
      (topicsOf[p] as number[]).push(top.item);
    }
  }
  return chosen;
}

/** Nearly the same papers as a chosen topic: 80% of the smaller one shared. */
function redundant(papers: Int32Array, topicsOf: number[][], strongPapers: Int32Array[]): boolean {
  const shared = new Map<number, number>();
  for (const p of papers) {
    for (const t of topicsOf[p] as number[]) shared.set(t, (shared.get(t) ?? 0) + 1);
  }
  for (const [t, k] of shared) {
    const smaller = Math.min(papers.length, (strongPapers[t] as Int32Array).length);
    if (k >= 0.8 * smaller) return true;
  }
  return false;
}

// --------------------------------------------------------------- assignment

interface Pick {
  /** Candidate index, or -1 for fallback picks. */
  cand: number;
  /** Index in the active topic list, or -1 for "Other papers"; filled in by the fallback. */
  slot: number;
  score: number;
  reason: string;
}

/** Each paper's strongest chosen phrases: up to `max`, each at least 40% of the best. */
function pickPerPaper(
  n: number,
  candidates: Candidate[],
  quality: number[],
  active: number[],
  max: number,
): Pick[][] {
  const options: Pick[][] = Array.from({ length: n }, () => []);
  for (const c of active) {
    const cand = candidates[c] as Candidate;
    cand.papers.forEach((p, k) => {
      const t = cand.inTitle[k] as number;
      const a = cand.inAbstract[k] as number;
      (options[p] as Pick[]).push({
        cand: c,
        slot: -1,
        score: strength(t, a) * (quality[c] as number),
        reason: t > 0 ? 'title' : `abstract:${a}`,
      });
    });
  }
  return options.map((list) => {
    list.sort(
      (a, b) =>
        b.score - a.score ||
        ((candidates[a.cand] as Candidate).stems < (candidates[b.cand] as Candidate).stems
          ? -1
          : 1),
    );
    const best = list[0]?.score ?? 0;
    return list.filter((x, i) => i < max && x.score >= 0.4 * best);
  });
}

interface Fallback {
  /** Final picks per paper, `slot` resolved and `reason` human-readable. */
  assignments: Pick[][];
  /** Per active topic: its most distinctive words (for descriptions). */
  profileTerms: string[][];
}

function fallbackAssign(
  titleOf: (p: number) => string,
  corpus: Corpus,
  candidates: Candidate[],
  quality: number[],
  active: number[],
  members: number[][],
  picks: Pick[][],
  maxSize: number,
): Fallback {
  const n = corpus.n;
  const slotOf = new Map(active.map((c, i) => [c, i]));
  const sizes = members.map((m) => m.length);
  const phraseOf = active.map((c) => quotedPhrase(corpus, candidates[c] as Candidate));
  const assignments: Pick[][] = picks.map((list) =>
    list.map((pick) => {
      const slot = slotOf.get(pick.cand) as number;
      const phrase = phraseOf[slot] as string;
      const reason =
        pick.reason === 'title'
          ? `title mentions ${phrase}`
          : `abstract mentions ${phrase} ${pick.reason.slice('abstract:'.length)} times`;
      return { ...pick, slot, reason };
    }),
  );

  // 5a. a single abstract mention of a chosen phrase
  const uncovered: number[] = [];
  for (let p = 0; p < n; p++) if ((assignments[p] as Pick[]).length === 0) uncovered.push(p);
  const activeCands = active.map((c) => candidates[c] as Candidate);
  const mentioned = mentions(corpus, activeCands, uncovered);
  const weak: { slot: number; score: number }[][] = Array.from({ length: n }, () => []);
  for (const [p, list] of mentioned) {
    weak[p] = list.map((x) => ({
      slot: x.cand,
      score: quality[active[x.cand] as number] as number,
    }));
  }
  for (let p = 0; p < n; p++) {
    const list = (weak[p] as { slot: number; score: number }[]).sort(
      (a, b) => b.score - a.score || a.slot - b.slot,
    );
    for (const w of list) {
      if ((sizes[w.slot] as number) >= maxSize) continue;
      sizes[w.slot] = (sizes[w.slot] as number) + 1;
      (members[w.slot] as number[]).push(p);
      (assignments[p] as Pick[]).push({
        cand: -1,
        slot: w.slot,
        score: 0,
        reason: `abstract mentions ${phraseOf[w.slot] as string} once`,
      });
      break;
    }
  }

  // 5b. the topics of the most similar placed papers (k nearest neighbours on
  // TF-IDF over the papers' distinctive words, as "more like this" search does)
  const bags = paperStems(corpus);
  const df = new Int32Array(corpus.vocab.stems.length);
  for (const bag of bags) for (const st of bag) df[st] = (df[st] as number) + 1;
  const idf = (st: number) => Math.log(n / Math.max(1, df[st] as number));
  const profileTerms = members.map((list, slot) =>
    distinctive(
      list,
      bags,
      idf,
      phraseStems(corpus, candidates[active[slot] as number] as Candidate),
    ).map((st) => readable(corpus, st)),
  );
  const placed: number[] = [];
  for (let p = 0; p < n; p++) if ((assignments[p] as Pick[]).length > 0) placed.push(p);
  const neighbours = nearest(bags, idf, df, placed, n);
  for (let p = 0; p < n; p++) {
    if ((assignments[p] as Pick[]).length > 0) continue;
    const near = neighbours(p);
    const votes = new Map<number, { score: number; via: Near }>();
    for (const q of near) {
      for (const pick of assignments[q.paper] as Pick[]) {
        if (pick.slot < 0) continue;
        const v = votes.get(pick.slot);
        if (v) v.score += q.score;
        else votes.set(pick.slot, { score: q.score, via: q });
      }
    }
    const ranked = [...votes.entries()]
      .filter(([slot]) => (sizes[slot] as number) < maxSize)
      .sort((a, b) => b[1].score - a[1].score || a[0] - b[0]);
    const best = ranked[0];
    if (best === undefined) {
      (assignments[p] as Pick[]).push({
        cand: -1,
        slot: -1,
        score: 0,
        reason: 'no topic phrase found, and no similar paper has a topic',
      });
      continue;
    }
    const [slot, { via }] = best;
    sizes[slot] = (sizes[slot] as number) + 1;
    (members[slot] as number[]).push(p);
    const words = via.shared.map((st) => `“${readable(corpus, st)}”`).join(', ');
    (assignments[p] as Pick[]).push({
      cand: -1,
      slot,
      score: 0,
      reason: `like “${titleOf(via.paper)}” (both use ${words})`,
    });
  }
  return { assignments, profileTerms };
}

interface Near {
  paper: number;
  score: number;
  /** The rare words the two papers share, rarest first. */
  shared: number[];
}

/**
 * Nearest placed papers of a paper: its 12 rarest words (seen in at least
 * two papers, and rare) are looked up in an inverted index of
 * the placed papers, and matches are scored by the IDF² of shared words over
 * the neighbour's length (cosine up to the query's norm). Neighbours that
 * share two of those words are preferred to those that share one.
 */
function nearest(
  bags: Int32Array[],
  idf: (s: number) => number,
  df: Int32Array,
  placed: number[],
  n: number,
): (p: number) => Near[] {
  // Rare enough to say something: in at most 1% of a long list (20 papers in a short one).
  const maxDf = Math.max(20, Math.floor(n / 100));
  const usable = (st: number) => (df[st] as number) >= 2 && (df[st] as number) <= maxDf;
  const postings = new Map<number, number[]>();
  const norm = new Float64Array(n);
  for (const q of placed) {
    let sq = 0;
    for (const st of bags[q] as Int32Array) {
      const w = idf(st);
      sq += w * w;
      if (!usable(st)) continue;
      let list = postings.get(st);
      if (list === undefined) postings.set(st, (list = []));
      list.push(q);
    }
    norm[q] = Math.sqrt(sq) || 1;
  }
  const score = new Float64Array(n);
  const count = new Int32Array(n);
  const touched: number[] = [];
  return (p) => {
    const terms = [...(bags[p] as Int32Array)]
      .filter(usable)
      .sort((a, b) => (df[a] as number) - (df[b] as number) || a - b)
      .slice(0, 12);
    for (const st of terms) {
      const w = idf(st) ** 2;
      for (const q of postings.get(st) ?? []) {
        if (count[q] === 0) touched.push(q);
        score[q] = (score[q] as number) + w;
        count[q] = (count[q] as number) + 1;
      }
    }
    // Two shared rare words make a neighbour; failing any, one will do.
    const need = touched.some((q) => (count[q] as number) >= 2) ? 2 : 1;
    const near: { paper: number; score: number }[] = [];
    for (const q of touched) {
      if ((count[q] as number) >= need)
        near.push({ paper: q, score: (score[q] as number) / (norm[q] as number) });
      score[q] = 0;
      count[q] = 0;
    }
    touched.length = 0;
    return near
      .sort((a, b) => b.score - a.score || a.paper - b.paper)
      .slice(0, 5)
      .map((x) => {
        const bag = bags[x.paper] as Int32Array;
        return { ...x, shared: terms.filter((st) => bag.includes(st)).slice(0, 3) };
      });
  };
}

/** A topic's most distinctive words: share of its papers using one, times IDF. */
function distinctive(
  list: number[],
  bags: Int32Array[],
  idf: (s: number) => number,
  exclude: ReadonlySet<number>,
): number[] {
  const counts = new Map<number, number>();
  for (const p of list) {
    for (const st of bags[p] as Int32Array) counts.set(st, (counts.get(st) ?? 0) + 1);
  }
  const min = Math.max(2, Math.ceil(list.length * 0.1));
  return [...counts.entries()]
    .filter(([st, k]) => k >= min && !exclude.has(st))
    .map(([st, k]) => ({ st, w: (k / list.length) * idf(st) }))
    .sort((a, b) => b.w - a.w || a.st - b.st)
    .slice(0, 3)
    .map((x) => x.st);
}

/** The stems of a phrase and of the acronyms that stand for it (not news about the topic). */
function phraseStems(corpus: Corpus, c: Candidate): Set<number> {
  const out = new Set(c.key.split(',').map(Number));
  for (const [acronym, form] of corpus.acronyms) {
    if (form.key === c.key) out.add(corpus.vocab.stemOf[acronym] as number);
  }
  return out;
}

/** Distinct content stems of each paper (title and abstract). */
function paperStems(corpus: Corpus): Int32Array[] {
  const { vocab } = corpus;
  // Only words some title uses: titles name things, so this keeps the nouns
  // and adjectives of the field and drops the verbs and adverbs of prose
  // ("highlight", "correctly"), which make chance neighbours.
  const titled = new Uint8Array(vocab.stems.length);
  for (const title of corpus.titles) {
    for (const raw of title) if (raw >= 0) titled[vocab.stemOf[raw & ID] as number] = 1;
  }
  const seen = new Int32Array(vocab.stems.length).fill(-1);
  const out: Int32Array[] = [];
  for (let p = 0; p < corpus.n; p++) {
    const bag: number[] = [];
    for (const field of [corpus.titles[p] as Int32Array, corpus.abstracts[p] as Int32Array]) {
      for (const raw of field) {
        if (raw < 0) continue;
        const w = raw & ID;
        if (vocab.kind[w] !== CONTENT) continue;
        const s = vocab.stemOf[w] as number;
        if (vocab.generic[s] || !titled[s] || seen[s] === p) continue;
        seen[s] = p;
        bag.push(s);
      }
    }
    out.push(Int32Array.from(bag));
  }
  return out;
}

// ------------------------------------------------------------------- naming

interface NameInfo {
  name: string;
  slug: string;
  /** The phrase as written in running text (`mixture of experts`). */
  phrase: string;
}

/** The most used written form, each word in its usual case; sentence case for the name. */
function nameOf(corpus: Corpus, c: Candidate): NameInfo {
  // One-word names prefer the noun as written ("agents" over "agentic").
  const total = [...c.forms.values()].reduce((a, b) => a + b, 0);
  const nounish = (form: string) => {
    if (c.length > 1 || (c.forms.get(form) as number) < 0.3 * total) return 0;
    const lower = corpus.vocab.lower[Number(form) & ID] as string;
    const s = corpus.vocab.stems[corpus.vocab.stemOf[Number(form) & ID] as number] as string;
    return lower === s || lower === `${s}s` || lower === `${s}es` ? 1 : 0;
  };
  const ranked = [...c.forms.entries()].sort(
    (a, b) => nounish(b[0]) - nounish(a[0]) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
  );
  const form = (ranked[0]?.[0] ?? c.key).split(',').map(Number);
  let phrase = '';
  form.forEach((raw, k) => {
    const word = casedWord(corpus, raw & ID);
    phrase += k === 0 ? word : raw & JOINED ? `-${word}` : ` ${word}`;
  });
  const name = phrase.charAt(0).toUpperCase() + phrase.slice(1);
  return { name, phrase, slug: slugify(fold(name), { decamelize: false }) };
}

function casedWord(corpus: Corpus, w: number): string {
  let lower = corpus.vocab.lower[w] as string;
  // A prefixed word is shown as most often written: "multi-agent", "pretraining".
  const hyphenated = corpus.hyphenSeen.get(w) ?? 0;
  if (hyphenated > (corpus.vocab.lowerSeen[w] ?? 0)) {
    const prefix = [...PREFIXES]
      .filter((x) => lower.startsWith(x))
      .sort((a, b) => b.length - a.length)[0];
    if (prefix !== undefined) lower = `${prefix}-${lower.slice(prefix.length)}`;
  }
  const forms = corpus.cased.get(w);
  if (forms === undefined) return lower;
  // A capitalised spelling is the word's own (`Gaussian`, `BERT`) only when it is
  // at least 3/4 of its uses mid-sentence; authors also capitalise the words
  // they are about to abbreviate ("Mixture-of-Experts (MoE)").
  let total = corpus.vocab.lowerSeen[w] ?? 0;
  let best = lower;
  let bestCount = 0;
  for (const [form, count] of [...forms.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    total += count;
    if (count > bestCount) {
      best = form;
      bestCount = count;
    }
  }
  return bestCount >= 0.75 * total ? best : lower;
}

function quotedPhrase(corpus: Corpus, c: Candidate): string {
  return `“${nameOf(corpus, c).phrase}”`;
}

/** The usual written word for each stem (the most used lower-case word with it), memoised per corpus. */
const readableCache = new WeakMap<Corpus, string[]>();
function readable(corpus: Corpus, s: number): string {
  let table = readableCache.get(corpus);
  if (table === undefined) {
    const { vocab } = corpus;
    const bestWord = new Int32Array(vocab.stems.length).fill(-1);
    const bestCount = new Float64Array(vocab.stems.length).fill(-1);
    for (let w = 0; w < vocab.size; w++) {
      const st = vocab.stemOf[w] as number;
      let count = corpus.vocab.lowerSeen[w] ?? 0;
      for (const k of corpus.cased.get(w)?.values() ?? []) count += k;
      const cur = bestWord[st] as number;
      if (
        count > (bestCount[st] as number) ||
        (count === bestCount[st] &&
          (vocab.lower[w] as string).length < (vocab.lower[cur] as string).length)
      ) {
        bestWord[st] = w;
        bestCount[st] = count;
      }
    }
    table = Array.from(bestWord, (w) => (w < 0 ? '' : casedWord(corpus, w)));
    readableCache.set(corpus, table);
  }
  return table[s] ?? '';
}

/** A title as plain text, cut at a word to at most 70 characters. */
function shortTitle(title: string): string {
  const plain = toPlainText(title).replace(/\s+/gu, ' ').trim();
  if (plain.length <= 70) return plain;
  const cut = plain.slice(0, 70);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))}…`;
}

function describe(name: NameInfo, terms: string[]): string {
  const also = terms.length ? `; often with ${terms.join(', ')}` : '';
  return `Papers whose title or abstract is about “${name.phrase}”${also}.`;
}

// --------------------------------------------------------------------- heap

/** Binary max-heap of items by score; equal scores ordered by `before`. */
class MaxHeap {
  private readonly items: number[] = [];
  private readonly scores: number[] = [];
  private readonly before: (a: number, b: number) => boolean;

  constructor(before: (a: number, b: number) => boolean) {
    this.before = before;
  }

  get size(): number {
    return this.items.length;
  }

  private above(i: number, j: number): boolean {
    const si = this.scores[i] as number;
    const sj = this.scores[j] as number;
    return si > sj || (si === sj && this.before(this.items[i] as number, this.items[j] as number));
  }

  private swap(i: number, j: number): void {
    [this.items[i], this.items[j]] = [this.items[j] as number, this.items[i] as number];
    [this.scores[i], this.scores[j]] = [this.scores[j] as number, this.scores[i] as number];
  }

  push(item: number, score: number): void {
    this.items.push(item);
    this.scores.push(score);
    let i = this.items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  peekScore(): number | undefined {
    return this.scores[0];
  }

  pop(): { item: number; score: number } | undefined {
    if (this.items.length === 0) return undefined;
    const item = this.items[0] as number;
    const score = this.scores[0] as number;
    const lastItem = this.items.pop() as number;
    const lastScore = this.scores.pop() as number;
    if (this.items.length > 0) {
      this.items[0] = lastItem;
      this.scores[0] = lastScore;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.items.length && this.above(l, m)) m = l;
        if (r < this.items.length && this.above(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return { item, score };
  }
}
