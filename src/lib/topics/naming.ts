/**
 * Names of discovered topics: how a phrase is written (each word in its
 * usual case, hyphenated as most titles write it), which phrases can be
 * names at all, and which phrase names a group of papers best (class-based
 * TF-IDF over the phrase candidates: the share of the group that is about
 * the phrase, times how much of the phrase's use falls in the group).
 */
import slugify from '@sindresorhus/slugify';
import { toPlainText } from '../ingest/latex.ts';
import { fold } from '../text/index.ts';
import { BROAD, adjectival } from './lexicon.ts';
import { ID, JOINED, type Corpus } from './corpus.ts';
import type { Candidate } from './phrases.ts';
import { PREFIXES } from './tokens.ts';

/** Below this many papers, plain one-word topics are allowed. */
const SHORT_LIST = 2000;

export interface NameInfo {
  name: string;
  slug: string;
  /** The phrase as written in running text (`mixture of experts`). */
  phrase: string;
}

/**
 * One-word topics are too often generic ("Detection", "Representation"). A
 * single word is a candidate when it is a name, written as an acronym or
 * capitalised mid-sentence (`SPLADE`, `Mamba`); and, in lists too short for
 * two-word phrases to recur (under SHORT_LIST papers), when it is not one of
 * the broad words of research writing (`BROAD`): "Agents", "Pruning".
 */
export function oneWordTopic(corpus: Corpus, c: Candidate, n: number): boolean {
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
  if (isNameWord(corpus, c)) return true;
  return n < SHORT_LIST && !adjectival(word) && !BROAD.has(vocab.stems[Number(c.key)] as string);
}

/** A one-word candidate that is a name: an acronym or a word capitalised mid-sentence (`SPLADE`, `Mamba`). */
export function isNameWord(corpus: Corpus, c: Candidate): boolean {
  const w = Number([...c.forms.keys()][0]) & ID;
  return corpus.vocab.acronym[w] === true || casedWord(corpus, w) !== corpus.vocab.lower[w];
}

/** The most used written form, each word in its usual case; sentence case for the name. */
export function nameOf(corpus: Corpus, c: Candidate): NameInfo {
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

export function casedWord(corpus: Corpus, w: number): string {
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

export function quotedPhrase(corpus: Corpus, c: Candidate): string {
  return `“${nameOf(corpus, c).phrase}”`;
}

/** The usual written word for each stem (the most used lower-case word with it), memoised per corpus. */
const readableCache = new WeakMap<Corpus, string[]>();
export function readable(corpus: Corpus, s: number): string {
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
export function shortTitle(title: string): string {
  const plain = toPlainText(title).replace(/\s+/gu, ' ').trim();
  if (plain.length <= 70) return plain;
  const cut = plain.slice(0, 70);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))}…`;
}

/** A candidate's fit to one group of papers. */
export interface GroupPhrase {
  /** Index into the candidates. */
  cand: number;
  /** Papers of the group that mention the phrase. */
  inGroup: number;
  /** Share of the group that mentions it, substantive uses (title, or twice in the abstract) counting double, 0..1. */
  coverage: number;
  /** Share of the group that mentions it at all. */
  mentioned: number;
  /** Share of the papers mentioning it that are in the group. */
  precision: number;
  score: number;
}

/** Share of a phrase's uses that must be its own, not inside a longer candidate. */
const MIN_INDEPENDENCE = 0.3;
/** One word names less than a phrase of the field ("Agents" vs "Multi-agent systems"). */
const ONE_WORD = 0.6;
/** Share of a single word's papers that must be in the group it names. */
const ONE_WORD_PRECISION = 0.4;
/** ...and the share of the group it must describe. */
const ONE_WORD_COVERAGE = 0.35;

/**
 * Class-based TF-IDF over phrase candidates: for each group (a list of paper
 * rows), its candidates best first. A candidate's score is the share of the
 * group that uses it (substantive uses counting double) times the square
 * root of the share of its papers in the group, favouring phrases used on
 * their own (C-value) and multi-word terms.
 */
export function rankGroupPhrases(
  groupOf: Int32Array,
  sizes: readonly number[],
  candidates: readonly Candidate[],
  keep = 12,
  /** Whether single words must belong to the group (off: a fallback for groups no phrase fits). */
  strict = true,
): GroupPhrase[][] {
  const out: GroupPhrase[][] = sizes.map(() => []);
  const any = new Int32Array(sizes.length);
  const strong = new Int32Array(sizes.length);
  const touched: number[] = [];
  candidates.forEach((c, x) => {
    for (const p of c.mentionedBy) {
      const g = groupOf[p] as number;
      if (g < 0) continue;
      if (any[g] === 0) touched.push(g);
      any[g] = (any[g] as number) + 1;
    }
    for (const p of c.papers) {
      const g = groupOf[p] as number;
      if (g >= 0) strong[g] = (strong[g] as number) + 1;
    }
    for (const g of touched) {
      const a = any[g] as number;
      const k = strong[g] as number;
      any[g] = 0;
      strong[g] = 0;
      const size = sizes[g] as number;
      if (a < 2 || a < 0.05 * size) continue;
      // Mostly a part of a longer term ("augmented generation"): that term names it.
      if (strict && c.independence < MIN_INDEPENDENCE) continue;
      const coverage = (a + k) / (2 * size);
      const precision = a / Math.max(1, c.anyDf);
      // A single word names a group only when the group owns it ("Agents").
      if (
        strict &&
        c.length === 1 &&
        (precision < ONE_WORD_PRECISION || coverage < ONE_WORD_COVERAGE)
      )
        continue;
      const score =
        coverage *
        Math.sqrt(precision) *
        (c.length > 1 ? 1 : ONE_WORD) *
        (0.5 + 0.5 * c.independence);
      (out[g] as GroupPhrase[]).push({
        cand: x,
        inGroup: a,
        coverage,
        mentioned: a / size,
        precision,
        score,
      });
    }
    touched.length = 0;
  });
  return out.map((list) =>
    list
      .sort(
        (a, b) =>
          b.score - a.score ||
          ((candidates[a.cand] as Candidate).stems < (candidates[b.cand] as Candidate).stems
            ? -1
            : 1),
      )
      .slice(0, keep),
  );
}
