/**
 * Scoring: the planned clauses' postings added up into per-document
 * scores in scratch arrays of collection size. The score of a document is
 * the sum over clauses of the best `weight x idf x impact` of the clause's
 * terms (BM25F); a word found exactly as typed (the shard's forms line
 * tells a stem's forms apart) adds its idf once more in short queries.
 * Synchronous: a query's scoring never interleaves with another's.
 */
import type { IndexFiles, WeightedTerm } from './files.ts';
import { idf, type Manifest } from './format.ts';
import { phraseAt } from './phrase.ts';
import type { Alternative, Group, PlannedClause } from './plan.ts';
import type { Postings } from './postings.ts';
import { TIERED_UP_TO } from './rank.ts';
import { isStopword, termOf } from './tokenize.ts';

/** Weight (times idf) of a query word found exactly as typed. */
const EXACT_BONUS = 1;

/** Scratch arrays of collection size, reused by every query. */
export interface Scratch {
  groupMax: Float64Array;
  altScore: Float64Array;
  altCount: Uint8Array;
  clauseScore: Float64Array;
  clauseSat: Uint8Array;
  total: Float64Array;
  satisfied: Uint16Array;
  phrases: Uint16Array;
  touched: Uint8Array;
  excluded: Uint8Array;
  yearIndex: Int16Array;
  groupStack: Int32Array;
  altStack: Int32Array;
  clauseStack: Int32Array;
  touchedList: Int32Array;
  touchedCount: number;
  excludedList: Int32Array;
  excludedCount: number;
}

export class Scorer {
  private readonly files: IndexFiles;
  private scratch: Scratch | undefined;

  constructor(files: IndexFiles) {
    this.files = files;
  }

  scratchFor(m: Manifest): Scratch {
    if (!this.scratch || this.scratch.total.length !== m.n) {
      const yearIndex = new Int16Array(m.n).fill(-1);
      m.years.forEach(([, first], i) => {
        const end = i + 1 < m.years.length ? (m.years[i + 1] as [number, number])[1] : m.n;
        yearIndex.fill(i, first, end);
      });
      this.scratch = {
        groupMax: new Float64Array(m.n),
        altScore: new Float64Array(m.n),
        altCount: new Uint8Array(m.n),
        clauseScore: new Float64Array(m.n),
        clauseSat: new Uint8Array(m.n),
        total: new Float64Array(m.n),
        satisfied: new Uint16Array(m.n),
        phrases: new Uint16Array(m.n),
        touched: new Uint8Array(m.n),
        excluded: new Uint8Array(m.n),
        yearIndex,
        groupStack: new Int32Array(m.n),
        altStack: new Int32Array(m.n),
        clauseStack: new Int32Array(m.n),
        touchedList: new Int32Array(m.n),
        touchedCount: 0,
        excludedList: new Int32Array(m.n),
        excludedCount: 0,
      };
    }
    return this.scratch;
  }

  private touch(s: Scratch, d: number): void {
    if (s.touched[d] === 0) {
      s.touched[d] = 1;
      s.touchedList[s.touchedCount++] = d;
    }
  }

  /**
   * Evaluates one clause: adds its score to `total` and counts it in
   * `satisfied` (and `phrases`) where satisfied, or marks `excluded`.
   */
  private evaluate(
    m: Manifest,
    c: PlannedClause,
    mode: 'score' | 'exclude',
    partial: boolean,
    exact: boolean,
  ): void {
    const s = this.scratchFor(m);
    const only = c.alternatives.length === 1 ? c.alternatives[0] : undefined;
    if (mode === 'score' && only && isPlainWord(c)) {
      // Fast path for a plain word: the best of its terms goes straight to
      // the total, with the bonus for the word as typed.
      const typed = c.typed?.length === 1 ? c.typed[0] : undefined;
      this.addGroup(
        m,
        s,
        only.groups[0] as Group,
        exact && typed ? exactForm(m, typed) : undefined,
      );
      return;
    }
    if (only?.whole && only.groups.every((g) => g.length === 1)) {
      // Every one of single terms: intersect the postings.
      this.intersect(m, s, c, only, mode);
      return;
    }
    const {
      groupMax,
      altScore,
      altCount,
      clauseScore,
      clauseSat,
      groupStack,
      altStack,
      clauseStack,
    } = s;
    const table = this.files.impactTable;
    let clauseTop = 0;
    for (const alt of c.alternatives) {
      let altTop = 0;
      for (const group of alt.groups) {
        let groupTop = 0;
        for (const { weight, postings } of group) {
          if (!postings) continue;
          const { ids, levels } = postings;
          const w = weight * idf(ids.length, m.n);
          for (let i = 0; i < ids.length; i++) {
            const d = ids[i] as number;
            const v = w * (table[levels[i] as number] as number);
            const old = groupMax[d] as number;
            if (old === 0) groupStack[groupTop++] = d;
            if (v > old) groupMax[d] = v;
          }
        }
        for (let i = 0; i < groupTop; i++) {
          const d = groupStack[i] as number;
          if (altCount[d] === 0) altStack[altTop++] = d;
          altScore[d] = (altScore[d] as number) + (groupMax[d] as number);
          altCount[d] = (altCount[d] as number) + 1;
          groupMax[d] = 0;
        }
      }
      const need = alt.groups.length;
      for (let i = 0; i < altTop; i++) {
        const d = altStack[i] as number;
        let sat = altCount[d] === need && need > 0;
        if (sat && alt.phrase) sat = phraseAt(d, alt);
        // In short queries only a complete alternative scores (a lone `p` is
        // no match for `top-p`); long ones give the parts partial credit.
        const score = sat || (partial && !alt.whole) ? (altScore[d] as number) : 0;
        if (clauseSat[d] === 0 && clauseScore[d] === 0) clauseStack[clauseTop++] = d;
        if (score > (clauseScore[d] as number)) clauseScore[d] = score;
        if (sat) clauseSat[d] = 1;
        altScore[d] = 0;
        altCount[d] = 0;
      }
    }
    const { total, satisfied, phrases, excluded } = s;
    for (let i = 0; i < clauseTop; i++) {
      const d = clauseStack[i] as number;
      if (mode === 'exclude') {
        if (clauseSat[d] && excluded[d] === 0) {
          excluded[d] = 1;
          s.excludedList[s.excludedCount++] = d;
        }
      } else if (clauseScore[d] !== 0 || clauseSat[d] !== 0) {
        const sc = clauseScore[d] as number;
        if (sc > 0) this.touch(s, d);
        total[d] = (total[d] as number) + sc;
        if (clauseSat[d]) {
          satisfied[d] = (satisfied[d] as number) + 1;
          if (c.phrase) phrases[d] = (phrases[d] as number) + 1;
        }
      }
      clauseScore[d] = 0;
      clauseSat[d] = 0;
    }
  }

  /**
   * A clause whose one alternative needs all its terms (a phrase, by word
   * pairs or by words and positions): the documents in every postings
   * list, walking the shortest one.
   */
  private intersect(
    m: Manifest,
    s: Scratch,
    c: PlannedClause,
    alt: Alternative,
    mode: 'score' | 'exclude',
  ): void {
    const k = alt.groups.length;
    const lists: Postings[] = [];
    const weights: number[] = [];
    for (const g of alt.groups) {
      const { postings, weight } = g[0] as WeightedTerm;
      if (!postings) return;
      lists.push(postings);
      weights.push(weight * idf(postings.ids.length, m.n));
    }
    if (k === 0) return;
    let shortest = 0;
    for (let j = 1; j < k; j++)
      if ((lists[j] as Postings).ids.length < (lists[shortest] as Postings).ids.length)
        shortest = j;
    const table = this.files.impactTable;
    const at = new Int32Array(k);
    const base = lists[shortest] as Postings;
    const { total, satisfied, phrases, excluded } = s;
    outer: for (let i = 0; i < base.ids.length; i++) {
      const d = base.ids[i] as number;
      let score = (weights[shortest] as number) * (table[base.levels[i] as number] as number);
      for (let j = 0; j < k; j++) {
        if (j === shortest) continue;
        const { ids, levels } = lists[j] as Postings;
        // Gallop to the first id >= d.
        let lo = at[j] as number;
        let step = 1;
        let hi = lo;
        while (hi < ids.length && (ids[hi] as number) < d) {
          lo = hi + 1;
          hi += step;
          step *= 2;
        }
        if (hi > ids.length) hi = ids.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((ids[mid] as number) < d) lo = mid + 1;
          else hi = mid;
        }
        at[j] = lo;
        if (lo >= ids.length) break outer;
        if (ids[lo] !== d) continue outer;
        score += (weights[j] as number) * (table[levels[lo] as number] as number);
      }
      if (alt.phrase && !phraseAt(d, alt)) continue;
      if (mode === 'exclude') {
        if (excluded[d] === 0) {
          excluded[d] = 1;
          s.excludedList[s.excludedCount++] = d;
        }
        continue;
      }
      if (score > 0) this.touch(s, d);
      total[d] = (total[d] as number) + score;
      satisfied[d] = (satisfied[d] as number) + 1;
      if (c.phrase) phrases[d] = (phrases[d] as number) + 1;
    }
  }

  private addGroup(m: Manifest, s: Scratch, group: Group, exact: ExactForm | undefined): void {
    const { groupMax, groupStack, total, satisfied, touched, touchedList } = s;
    const table = this.files.impactTable;
    const present = group.filter((g) => g.postings);
    if (present.length === 1) {
      const { ids, levels, w, bonus, masks, bit } = termWeights(
        m,
        present[0] as WeightedTerm,
        exact,
      );
      let count = s.touchedCount;
      for (let i = 0; i < ids.length; i++) {
        const d = ids[i] as number;
        let v = w * (table[levels[i] as number] as number);
        if (bonus !== 0 && (masks === undefined || ((masks[i] as number) & bit) !== 0)) v += bonus;
        total[d] = (total[d] as number) + v;
        satisfied[d] = (satisfied[d] as number) + 1;
        if (touched[d] === 0) {
          touched[d] = 1;
          touchedList[count++] = d;
        }
      }
      s.touchedCount = count;
      return;
    }
    let top = 0;
    for (const term of present) {
      const { ids, levels, w, bonus, masks, bit } = termWeights(m, term, exact);
      for (let i = 0; i < ids.length; i++) {
        const d = ids[i] as number;
        let v = w * (table[levels[i] as number] as number);
        if (bonus !== 0 && (masks === undefined || ((masks[i] as number) & bit) !== 0)) v += bonus;
        const old = groupMax[d] as number;
        if (old === 0) groupStack[top++] = d;
        if (v > old) groupMax[d] = v;
      }
    }
    let count = s.touchedCount;
    for (let i = 0; i < top; i++) {
      const d = groupStack[i] as number;
      total[d] = (total[d] as number) + (groupMax[d] as number);
      satisfied[d] = (satisfied[d] as number) + 1;
      groupMax[d] = 0;
      if (touched[d] === 0) {
        touched[d] = 1;
        touchedList[count++] = d;
      }
    }
    s.touchedCount = count;
  }

  /** Scores every clause; the documents touched are in `touchedList`. */
  scoreAll(m: Manifest, include: PlannedClause[], exclude: PlannedClause[], exact: boolean): void {
    const partial = include.length > TIERED_UP_TO;
    for (const c of include) this.evaluate(m, c, 'score', partial, exact);
    for (const c of exclude) this.evaluate(m, c, 'exclude', false, false);
    if (exact) this.exactBonus(m, this.scratchFor(m), include);
  }

  /** Whether a touched document is not excluded and has every quoted phrase. */
  anyMatch(s: Scratch, phraseCount: number): boolean {
    const { excluded, phrases, total, touchedList } = s;
    for (let i = 0; i < s.touchedCount; i++) {
      const d = touchedList[i] as number;
      if (excluded[d] === 0 && phrases[d] === phraseCount && (total[d] as number) > 0) return true;
    }
    return false;
  }

  resetScratch(s: Scratch): void {
    for (let i = 0; i < s.touchedCount; i++) {
      const d = s.touchedList[i] as number;
      s.total[d] = 0;
      s.satisfied[d] = 0;
      s.phrases[d] = 0;
      s.touched[d] = 0;
    }
    s.touchedCount = 0;
    for (let i = 0; i < s.excludedCount; i++) s.excluded[s.excludedList[i] as number] = 0;
    s.excludedCount = 0;
  }

  /** The exact-form bonus of clauses not scored by `addGroup` (joined words' parts). */
  private exactBonus(m: Manifest, s: Scratch, include: PlannedClause[]): void {
    const { total, touched } = s;
    for (const c of include) {
      if (!c.typed || isPlainWord(c)) continue;
      for (const typed of c.typed) {
        const e = exactForm(m, typed);
        if (!e) continue;
        const { ids } = e.postings;
        const { masks, bit, bonus } = e;
        for (let i = 0; i < ids.length; i++) {
          const d = ids[i] as number;
          if (touched[d] && (!masks || ((masks[i] as number) & bit) !== 0))
            total[d] = (total[d] as number) + bonus;
        }
      }
    }
  }
}

/** Which postings of a typed word's stem have the word as typed, and its bonus. */
interface ExactForm {
  postings: Postings;
  /** Absent: every posting has it. */
  masks: Uint8Array | undefined;
  bit: number;
  bonus: number;
}

/** What scoring a term's postings needs: its weight x idf, and the exact-form bonus, by mask. */
function termWeights(m: Manifest, term: WeightedTerm, exact: ExactForm | undefined) {
  const { ids, levels } = term.postings as Postings;
  const e = exact?.postings === term.postings ? exact : undefined;
  return {
    ids,
    levels,
    w: term.weight * idf(ids.length, m.n),
    bonus: e ? e.bonus : 0,
    masks: e?.masks,
    bit: e ? e.bit : 0,
  };
}

function exactForm(
  m: Manifest,
  typed: { word: string; postings: Postings | null },
): ExactForm | undefined {
  const { word, postings } = typed;
  if (!postings || isStopword(word)) return undefined;
  const { forms, masks } = postings;
  const form = forms ? forms.indexOf(word) : termOf(word) === word ? 0 : -1;
  if (form < 0) return undefined;
  return {
    postings,
    masks,
    bit: 1 << form,
    bonus: EXACT_BONUS * idf(postings.ids.length, m.n),
  };
}

/** A clause of one group of alternative terms (a word), scored by `addGroup`. */
function isPlainWord(c: PlannedClause): boolean {
  const only = c.alternatives.length === 1 ? c.alternatives[0] : undefined;
  return !!only && !only.phrase && only.groups.length === 1 && !c.phrase;
}

/** Whether `ids` (ascending) holds `d`. */
function holds(ids: Int32Array, d: number): boolean {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid] as number;
    if (v === d) return true;
    if (v < d) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Whether document `d` has clause `c` (one of its alternatives whole: a
 * term of every group, the phrase where there is one). For the few hits of
 * a page, to say which query words a hit lacks.
 */
export function clauseHas(c: PlannedClause, d: number): boolean {
  return c.alternatives.some(
    (alt) =>
      alt.groups.length > 0 &&
      alt.groups.every((g) => g.some((t) => t.postings !== null && holds(t.postings.ids, d))) &&
      (!alt.phrase || phraseAt(d, alt)),
  );
}
