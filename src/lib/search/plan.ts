/**
 * Query planning: each clause of a parsed query becomes sets of weighted
 * index terms with their postings fetched: the stem of each word,
 * completions of the word being typed (from the lexicon), typo corrections
 * of unknown words of 5+ letters, the glued and the split forms of joined
 * words, the word pairs of a quoted phrase (or its words, with positions or
 * checked in the records).
 */
import {
  FIELD_GAP,
  TEXT_CHECKS,
  compareStrings,
  idf,
  lowerBound,
  pairEntry,
  shardOf,
  type Manifest,
} from './format.ts';
import type { IndexFiles, WeightedTerm } from './files.ts';
import { boundedDistance, boundedPrefixDistance, maxEdits } from './fuzzy.ts';
import { PositionSink, phraseIn } from './phrase.ts';
import { intersectIds, type Postings, type TermPositions } from './postings.ts';
import { clauseText, type Clause } from './query.ts';
import { isStopword, scan, termOf } from './tokenize.ts';

/** Terms of which a document needs at least one (the best one counts). */
export type Group = WeightedTerm[];

export interface Alternative {
  groups: Group[];
  /** Word offsets when the groups form a phrase to check (one term per group). */
  phrase?: number[];
  /** Positions of the phrase's terms (indexes with positions). */
  positions?: (TermPositions | null)[];
  /** Documents where the phrase was found in the text (indexes without positions). */
  verified?: Set<number>;
  /** All groups are needed (a phrase answered by its word pairs): no partial credit. */
  whole?: boolean;
}

export interface PlannedClause {
  alternatives: Alternative[];
  /** A quoted phrase: required whatever the query length. */
  phrase: boolean;
  /** Terms to highlight, with their weight (times idf) for choosing the snippet. */
  marks: [string, number][];
  /** The phrase clause, to plan again word by word if no document has it. */
  source?: Clause;
  /** The clause as the reader wrote it (folded), for "Missing: <word>". */
  label: string;
  /** Words as typed, with the postings of their stems, for the exact-form bonus. */
  typed?: { word: string; postings: Postings | null }[];
}

/** Up to this many completions of the word being typed. */
const MAX_COMPLETIONS = 12;
/** Up to this many typo corrections of a word. */
const MAX_CORRECTIONS = 6;
const COMPLETION_WEIGHT = 0.6;
/** A quoted phrase with stop words is checked in the text of up to this many documents. */
const STOP_CHECKS = 96;
const CORRECTION_WEIGHT = [1, 0.55, 0.35];

export class Planner {
  private readonly files: IndexFiles;
  // Completions and corrections by word: typing and deleting repeats them.
  private readonly completionCache = new Map<string, Promise<string[]>>();
  private readonly correctionCache = new Map<string, Promise<WeightedTerm[]>>();

  constructor(files: IndexFiles) {
    this.files = files;
  }

  /** Completions of `prefix`: index terms of lexicon words starting with it, most frequent first. */
  private completions(m: Manifest, prefix: string): Promise<string[]> {
    return cached(this.completionCache, prefix, () => this.findCompletions(m, prefix));
  }

  private async findCompletions(m: Manifest, prefix: string): Promise<string[]> {
    const lex = await this.files.lexiconFor(m, prefix);
    const byTerm = new Map<string, number>();
    for (let i = lowerBound(lex.words, prefix); i < lex.words.length; i++) {
      const w = lex.words[i] as string;
      if (!w.startsWith(prefix)) break;
      const t = termOf(w);
      byTerm.set(t, Math.max(byTerm.get(t) ?? 0, lex.df[i] as number));
    }
    return [...byTerm]
      .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))
      .slice(0, MAX_COMPLETIONS)
      .map(([t]) => t);
  }

  /** Lexicon words within the typo budget of `word` (when `prefix`, words whose start is). */
  private corrections(
    m: Manifest,
    word: string,
    prefix: boolean,
    minDf: number,
  ): Promise<WeightedTerm[]> {
    return cached(this.correctionCache, `${word} ${prefix ? 1 : 0} ${minDf}`, () =>
      this.findCorrections(m, word, prefix, minDf),
    );
  }

  private async findCorrections(
    m: Manifest,
    word: string,
    prefix: boolean,
    minDf: number,
  ): Promise<WeightedTerm[]> {
    const max = maxEdits(word.length);
    if (max === 0) return [];
    const chars = [...new Set([word.slice(0, 1), word.slice(1, 2)])].filter(Boolean);
    const files = [...new Set(chars.map((c) => shardOf(m.lexicon, c)))];
    const lexicons = await Promise.all(files.map((f) => this.files.lexicon(m, f)));
    const found = new Map<string, { dist: number; df: number }>();
    for (const lex of lexicons) {
      for (let i = 0; i < lex.words.length; i++) {
        const w = lex.words[i] as string;
        const df = lex.df[i] as number;
        if (df < minDf) continue;
        let d: number;
        if (prefix) {
          if (w.length < word.length - max) continue;
          d = boundedPrefixDistance(word, w, max);
        } else {
          if (Math.abs(w.length - word.length) > max) continue;
          d = boundedDistance(word, w, max);
        }
        if (d === 0 || d > max) continue;
        const t = termOf(w);
        const old = found.get(t);
        if (!old || d < old.dist || (d === old.dist && df > old.df)) found.set(t, { dist: d, df });
      }
    }
    const best = [...found]
      .sort((a, b) => a[1].dist - b[1].dist || b[1].df - a[1].df || compareStrings(a[0], b[0]))
      .slice(0, MAX_CORRECTIONS);
    return Promise.all(
      best.map(([term, { dist }]) => this.files.weighted(m, term, CORRECTION_WEIGHT[dist] ?? 0.3)),
    );
  }

  /**
   * Terms for one word, postings fetched: its stem, completions while it is
   * typed, and corrections when it is unknown (or, in a large collection,
   * suspiciously rare) and has 5+ letters. `exact` keeps the stem only
   * (plus completions while typed).
   */
  private async wordGroup(
    m: Manifest,
    word: string,
    prefix: boolean,
    exact: boolean,
  ): Promise<Group> {
    const stemmed = termOf(word);
    const completions = prefix ? await this.completions(m, word) : [];
    const group: Group = await Promise.all([
      this.files.weighted(m, stemmed, 1),
      ...completions
        .filter((t) => t !== stemmed)
        .map((t) => this.files.weighted(m, t, COMPLETION_WEIGHT)),
    ]);
    if (exact) return group;
    let df = 0;
    for (const g of group) df = Math.max(df, g.postings?.ids.length ?? 0);
    if (word.length >= 5 && !/\d/u.test(word) && (df === 0 || (m.n >= 5000 && df <= 3))) {
      const fixes = await this.corrections(m, word, prefix, df === 0 ? 1 : df * 10);
      for (const f of fixes) if (!group.some((g) => g.term === f.term)) group.push(f);
    }
    return group;
  }

  async plan(m: Manifest, clause: Clause, negated: boolean): Promise<PlannedClause> {
    switch (clause.kind) {
      case 'word': {
        const group = await this.wordGroup(m, clause.word, clause.prefix, negated || clause.exact);
        // Written together with a short neighbour (`spladev2` for `SPLADE v2`).
        for (const glued of clause.glued ?? []) {
          const t = await this.files.weighted(m, termOf(glued), 1);
          if (t.postings && !group.some((g) => g.term === t.term)) group.push(t);
        }
        return {
          alternatives: [{ groups: [group] }],
          phrase: false,
          marks: marksOf([group], m),
          typed: [{ word: clause.word, postings: (group[0] as WeightedTerm).postings }],
          label: clause.word,
        };
      }
      case 'compound': {
        const joined = await this.wordGroup(m, clause.joined, clause.prefix && !negated, true);
        if (negated)
          return {
            alternatives: [{ groups: [joined] }],
            phrase: false,
            marks: marksOf([joined], m),
            label: clauseText(clause),
          };
        const parts = clause.parts.filter((p) => !isStopword(p));
        const groups = await Promise.all(
          // The last part is completed while typed, unless it is a single
          // letter (`top-k` is rarely the start of `top-kernel`).
          parts.map((p, i) =>
            this.wordGroup(m, p, clause.prefix && i === parts.length - 1 && p.length > 1, false),
          ),
        );
        const alternatives: Alternative[] = [{ groups: [joined] }];
        if (groups.length) alternatives.push({ groups });
        return {
          alternatives,
          phrase: false,
          marks: marksOf([joined, ...groups], m),
          typed: parts.map((word, i) => ({
            word,
            postings: (groups[i]?.[0] as WeightedTerm).postings,
          })),
          label: clauseText(clause),
        };
      }
      case 'phrase':
        return this.planPhrase(m, clause);
    }
  }

  /**
   * A quoted phrase: by the postings of its word pairs when every pair is
   * indexed (common phrases), else by its words and their positions.
   */
  private async planPhrase(
    m: Manifest,
    clause: Extract<Clause, { kind: 'phrase' }>,
  ): Promise<PlannedClause> {
    const terms = clause.words.map((w) => termOf(w.word));
    const offsets = clause.words.map((w) => w.offset);
    const label = clauseText(clause);
    if (clause.stops) {
      // Its stop words count too: checked in the text of the documents that
      // have all its words, when they are few enough to read.
      const groups = await Promise.all(
        terms.map((t) => this.files.weighted(m, t, 1).then((w) => [w])),
      );
      const lists = groups.map((g) => (g[0] as WeightedTerm).postings);
      const candidates = lists.every((p) => p) ? intersectIds(lists as Postings[]) : [];
      if (candidates.length <= STOP_CHECKS) {
        const verified = await this.verifyInText(
          m,
          [...terms, ...clause.stops.map((w) => w.word)],
          [...offsets, ...clause.stops.map((w) => w.offset)],
          candidates,
        );
        return {
          alternatives: [{ groups, phrase: offsets, whole: true, verified }],
          phrase: true,
          marks: marksOf(groups, m),
          source: clause,
          label,
        };
      }
    }
    // Postings of the phrase's indexed pairs, to narrow the candidates below.
    const known: Postings[] = [];
    if (m.pairs) {
      const names: string[] = [];
      for (let i = 1; i < terms.length; i++) {
        const gap = (offsets[i] as number) - (offsets[i - 1] as number);
        if (gap <= m.pairMaxGap)
          names.push(pairEntry(terms[i - 1] as string, terms[i] as string, gap));
      }
      const pairs = await Promise.all(names.map((p) => this.files.weighted(m, p, 1)));
      if (names.length === terms.length - 1 && pairs.every((p) => p.postings)) {
        let best = 0;
        for (const p of pairs) best = Math.max(best, idf((p.postings as Postings).ids.length, m.n));
        return {
          alternatives: [{ groups: pairs.map((p) => [p]), whole: true }],
          phrase: true,
          marks: terms.map((t) => [t, best]),
          source: clause,
          label,
        };
      }
      for (const p of pairs) if (p.postings) known.push(p.postings);
    }
    // Some pair is not indexed (so the phrase is rare): its words, checked
    // in the records of the few documents that have them all, else with
    // the words' positions.
    const groups = await Promise.all(
      terms.map((t) => this.files.weighted(m, t, 1).then((w) => [w])),
    );
    const alt: Alternative = { groups, phrase: offsets, whole: true };
    const lists = [...groups.map((g) => (g[0] as WeightedTerm).postings), ...known];
    const candidates = lists.every((p) => p) ? intersectIds(lists as Postings[]) : [];
    if (m.positions.length && candidates.length > TEXT_CHECKS) {
      alt.positions = await Promise.all(
        groups.map((g) =>
          this.files.positionsOf(m, (g[0] as WeightedTerm).term, (g[0] as WeightedTerm).postings),
        ),
      );
    } else {
      alt.verified = await this.verifyInText(m, terms, offsets, candidates);
    }
    return {
      alternatives: [alt],
      phrase: true,
      marks: marksOf(groups, m),
      source: clause,
      label,
    };
  }

  /** The words of a phrase no document has, as clauses of their own. */
  async unquote(m: Manifest, c: PlannedClause): Promise<PlannedClause[]> {
    const source = c.source;
    if (!source || source.kind !== 'phrase') return [c];
    return Promise.all(
      source.words.map(async (w) => {
        const g = [await this.files.weighted(m, termOf(w.word), 1)];
        return {
          alternatives: [{ groups: [g] }],
          phrase: false,
          marks: marksOf([g], m),
          label: w.word,
        };
      }),
    );
  }

  /**
   * Collections without positions: the documents that have every word of
   * the phrase are read (their records are small and cached) and checked.
   */
  private async verifyInText(
    m: Manifest,
    terms: string[],
    offsets: number[],
    docs: readonly number[],
  ): Promise<Set<number>> {
    const out = new Set<number>();
    const sink = new PositionSink(terms);
    await Promise.all(
      docs.map(async (d) => {
        const [, , title, , , , , abstract] = await this.files.record(m, d);
        sink.reset();
        scan(abstract, scan(title, 0, sink) + FIELD_GAP, sink);
        if (phraseIn(sink.lists, offsets)) out.add(d);
      }),
    );
    return out;
  }
}

/** Highlight terms of groups: those with postings, weighted by idf. */
function marksOf(groups: Group[], m: Manifest): [string, number][] {
  const out: [string, number][] = [];
  for (const g of groups)
    for (const { term, weight, postings } of g)
      if (postings) out.push([term, weight * idf(postings.ids.length, m.n)]);
  return out;
}

/** Memoises `make()` by key, forgetting everything past 1,000 keys. */
function cached<T>(
  cache: Map<string, Promise<T>>,
  key: string,
  make: () => Promise<T>,
): Promise<T> {
  let p = cache.get(key);
  if (!p) {
    if (cache.size >= 1000) cache.clear();
    p = make();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}
