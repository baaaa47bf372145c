/**
 * Picking each group's name from its ranked phrases (`rankGroupPhrases`):
 * the best free phrase, joined by a second one when the first describes
 * less than half of the group and the second adds to it ("Code generation
 * and program synthesis"). Names are never used twice; a group no phrase
 * fits gets none (its `parts` are empty) and the caller decides.
 */
import slugify from '@sindresorhus/slugify';
import { fold } from '../text/index.ts';
import { nameOf, type GroupPhrase, type NameInfo } from './naming.ts';
import type { CorpusVectors } from './graph.ts';
import { adjectival } from './lexicon.ts';
import { casedWord, isNameWord } from './naming.ts';
import { CONTENT, ID, JOINED, type Corpus } from './corpus.ts';
import type { Candidate } from './phrases.ts';

/** A second phrase joins a name when the best is mentioned by less than this share of its group... */
const NAME_COVERAGE = 0.5;
/** ...and the two together are mentioned by at least this much more. */
const PAIR_GAIN = 0.12;
/** Share of the second phrase's papers that must be in the group. */
const PAIR_PRECISION = 0.3;
/** Share of an area's papers that must mention a phrase for it to name the area. */
const AREA_PHRASE = 0.35;
/** Share of a group that must use a phrase found only in abstracts for it to be the name. */
const ABSTRACT_NAME = 0.4;

export interface GroupName {
  name: string;
  slug: string;
  stems: string;
  parts: { cand: number; info: NameInfo }[];
  description(terms: string[]): string;
}

/** Picks each group's name from its ranked phrases, never the same name twice. */
export class Namer {
  private readonly corpus: Corpus;
  private readonly candidates: readonly Candidate[];
  private readonly used: Set<string>;

  constructor(corpus: Corpus, candidates: readonly Candidate[], used: Set<string>) {
    this.corpus = corpus;
    this.candidates = candidates;
    this.used = used;
  }

  name(ranked: GroupPhrase[], group: readonly number[], fallback: string): GroupName {
    const size = group.length;
    const info = (x: GroupPhrase) => nameOf(this.corpus, this.candidates[x.cand] as Candidate);
    // A phrase found only in abstracts names a group on its own, when most of it uses it.
    const fromTitles = (x: GroupPhrase) =>
      (this.candidates[x.cand] as Candidate).titleDf > 0 || x.mentioned >= ABSTRACT_NAME;
    const free = ranked.filter((x) => fromTitles(x) && !this.used.has(info(x).slug));
    const best = free[0];
    if (best === undefined) return this.take([], fallback);
    const parts = [best];
    if (best.mentioned < NAME_COVERAGE) {
      const bestStems = new Set((this.candidates[best.cand] as Candidate).stems.split(' '));
      let pick: GroupPhrase | undefined;
      let pickCover = best.mentioned + PAIR_GAIN;
      for (const other of free.slice(1, 8)) {
        const c = this.candidates[other.cand] as Candidate;
        // Not a variant of the first ("graph neural networks", "graph neural").
        if (c.stems.split(' ').some((s) => bestStems.has(s))) continue;
        // A catch-all ("language models") adds coverage, not meaning.
        if (other.precision < PAIR_PRECISION || c.length === 1 || c.titleDf === 0) continue;
        const union = unionIn(this.candidates[best.cand] as Candidate, c, group) / size;
        if (union >= pickCover) {
          pick = other;
          pickCover = union;
        }
      }
      if (pick) parts.push(pick);
    }
    const single = this.candidates[best.cand] as Candidate;
    const longer =
      parts.length === 1 && single.length === 1 && !isNameWord(this.corpus, single)
        ? this.extend(single, group)
        : undefined;
    return this.take(
      parts.map((x) => ({ cand: x.cand, info: info(x) })),
      fallback,
      longer,
    );
  }

  /**
   * An area's name: a phrase of the field that most of its papers mention
   * ("Large language models"), else its two largest topics ("Machine
   * translation and speech recognition"), as arXiv names its archives.
   */
  area(ranked: GroupPhrase[], group: readonly number[], topics: readonly GroupName[]): GroupName {
    const broad = ranked.find((x) => {
      const c = this.candidates[x.cand] as Candidate;
      return (
        c.length > 1 &&
        c.titleDf > 0 &&
        c.independence >= 0.5 &&
        x.mentioned >= AREA_PHRASE &&
        !this.used.has(nameOf(this.corpus, c).slug)
      );
    });
    if (broad) return this.name([broad], group, '');
    const heads = topics.map(
      (t) => t.parts[0]?.info ?? { name: t.name, phrase: t.name.toLowerCase() },
    );
    const wordsOf = (x: { phrase: string }) => new Set(x.phrase.toLowerCase().split(/[\s-]+/u));
    const a = heads[0];
    const first = a ? wordsOf(a) : new Set<string>();
    // The second is another subject, not a variant of the first.
    const b = heads.slice(1).find((x) => ![...wordsOf(x)].some((w) => first.has(w))) ?? heads[1];
    const fallback = a ? (b ? `${a.name} and ${b.phrase}` : a.name) : 'Other topics';
    return this.take([], fallback);
  }

  /**
   * A one-word name made the two-word term its group writes most
   * ("Attacks" -> "Adversarial attacks", "Distillation" -> "Knowledge
   * distillation"), when a quarter of the group (two papers at least) uses it.
   */
  private extend(c: Candidate, group: readonly number[]): string | undefined {
    const { vocab } = this.corpus;
    const s = Number(c.key);
    const papers = new Map<string, { count: number; form: [number, number]; last: number }>();
    group.forEach((p, at) => {
      for (const field of [this.corpus.titles[p], this.corpus.abstracts[p]] as Int32Array[]) {
        for (let i = 0; i + 1 < field.length; i++) {
          const a = field[i] as number;
          const b = field[i + 1] as number;
          if (a < 0 || b < 0) continue;
          const sa = vocab.stemOf[a & ID] as number;
          const sb = vocab.stemOf[b & ID] as number;
          if ((sa === s) === (sb === s)) continue;
          const other = sa === s ? b & ID : a & ID;
          const o = vocab.stemOf[other] as number;
          if (
            vocab.kind[other] !== CONTENT ||
            vocab.generic[o] ||
            (vocab.lower[other] as string).length < 3
          )
            continue;
          // The term's head is a noun: "knowledge distillation", not "distillation improves".
          if (sa === s && adjectival(vocab.lower[other] as string)) continue;
          const key = `${sa},${sb}`;
          const seen = papers.get(key);
          if (seen === undefined) papers.set(key, { count: 1, form: [a, b], last: at });
          else if (seen.last !== at) {
            seen.count++;
            seen.last = at;
          }
        }
      }
    });
    const best = [...papers.entries()].sort(
      (x, y) => y[1].count - x[1].count || (x[0] < y[0] ? -1 : 1),
    )[0]?.[1];
    if (!best || best.count < Math.max(2, 0.25 * group.length)) return undefined;
    const [a, b] = best.form;
    const phrase = `${casedWord(this.corpus, a & ID)}${b & JOINED ? '-' : ' '}${casedWord(this.corpus, b & ID)}`;
    return phrase.charAt(0).toUpperCase() + phrase.slice(1);
  }

  private take(
    parts: { cand: number; info: NameInfo }[],
    fallback: string,
    display?: string,
  ): GroupName {
    const first = parts[0]?.info;
    const name = display
      ? display
      : first
        ? parts.length > 1
          ? `${first.name} and ${(parts[1] as { info: NameInfo }).info.phrase}`
          : first.name
        : fallback;
    let slug = slugify(fold(name), { decamelize: false });
    for (let k = 2; this.used.has(slug); k++) {
      slug = `${slugify(fold(name), { decamelize: false })}-${k}`;
    }
    this.used.add(slug);
    if (first) this.used.add(first.slug);
    const stems = parts.map((x) => (this.candidates[x.cand] as Candidate).stems).join(' | ');
    const phrases = parts.map((x) => `“${x.info.phrase}”`).join(' or ');
    return {
      name,
      slug,
      stems,
      parts,
      description: (terms) =>
        `Papers about ${phrases || 'these words'}${terms.length ? `, often with ${terms.join(', ')}` : ''}.`,
    };
  }
}

/** Papers of a group that mention either of two candidates. */
function unionIn(a: Candidate, b: Candidate, group: readonly number[]): number {
  const set = new Set(a.mentionedBy);
  for (const p of b.mentionedBy) set.add(p);
  let k = 0;
  for (const p of group) if (set.has(p)) k++;
  return k;
}

/**
 * A name for a group no candidate phrase fits, from its most characteristic
 * terms (`profile`, best first): the pair of them most often written next to
 * each other in its papers ("remote sensing", "social media"), else the
 * first two joined by "and".
 */
export function profileName(
  corpus: Corpus,
  v: CorpusVectors,
  rows: readonly number[],
  profile: readonly number[],
): string {
  const rankOf = new Map(profile.slice(0, 8).map((t, i) => [t, i]));
  const pairs = new Map<number, { count: number; first: number; second: number }>();
  for (const p of rows) {
    for (const field of [corpus.titles[p], corpus.abstracts[p]] as Int32Array[]) {
      for (let i = 0; i + 1 < field.length; i++) {
        const a = field[i] as number;
        const b = field[i + 1] as number;
        if (a < 0 || b < 0) continue;
        const { kind, lower } = corpus.vocab;
        if (kind[a & ID] !== CONTENT || kind[b & ID] !== CONTENT) continue;
        if (adjectival(lower[b & ID] as string)) continue;
        const ta = rankOf.get(v.termOf[a & ID] as number);
        const tb = rankOf.get(v.termOf[b & ID] as number);
        if (ta === undefined || tb === undefined || ta === tb) continue;
        const key = ta * 8 + tb;
        const seen = pairs.get(key);
        if (seen) seen.count++;
        else pairs.set(key, { count: 1, first: a, second: b });
      }
    }
  }
  const best = [...pairs.entries()]
    .filter(([, x]) => x.count >= 2)
    .sort((x, y) => y[1].count - x[1].count || x[0] - y[0])[0]?.[1];
  const word = (t: number | undefined) =>
    t === undefined ? '' : casedWord(corpus, v.termWord[t] as number);
  const phrase = best
    ? `${casedWord(corpus, best.first & ID)}${best.second & JOINED ? '-' : ' '}${casedWord(corpus, best.second & ID)}`
    : nouns(corpus, v, profile).slice(0, 2).map(word).join(' and ') || 'Other topics';
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

/** Terms written as nouns: content words, not describing words ("robust", "strongly"). */
function nouns(corpus: Corpus, v: CorpusVectors, terms: readonly number[]): number[] {
  return terms.filter((t) => {
    const w = v.termWord[t] as number;
    return (
      w >= 0 && corpus.vocab.kind[w] === CONTENT && !adjectival(corpus.vocab.lower[w] as string)
    );
  });
}
