/**
 * Quoted phrases: whether a document has the phrase's words at the
 * phrase's distances, from stored positions or from the words of its text.
 */
import type { Alternative } from './plan.ts';
import { isStopword, termOf, type TokenSink } from './tokenize.ts';
import type { WeightedTerm } from './files.ts';

/** Positions of `doc` for the phrase term `j` of `alt`. */
function positionsAt(alt: Alternative, j: number, doc: number): Int32Array {
  const tp = alt.positions?.[j];
  const ids = (alt.groups[j]?.[0] as WeightedTerm | undefined)?.postings?.ids;
  if (!tp || !ids) return EMPTY;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid] as number;
    if (v === doc) return tp.pos.subarray(tp.start[mid] as number, tp.start[mid + 1] as number);
    if (v < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return EMPTY;
}

export function phraseAt(doc: number, alt: Alternative): boolean {
  if (alt.verified) return alt.verified.has(doc);
  const lists = alt.groups.map((_, j) => positionsAt(alt, j, doc));
  return phraseIn(lists, alt.phrase as number[]);
}

const EMPTY = new Int32Array(0);

/** True when, for some position p of the first term, every term j occurs at p + offset j. */
export function phraseIn(lists: readonly ArrayLike<number>[], offsets: readonly number[]): boolean {
  const first = lists[0] ?? EMPTY;
  const base = offsets[0] ?? 0;
  for (let i = 0; i < first.length; i++) {
    const p0 = first[i] as number;
    let ok = true;
    for (let j = 1; j < lists.length && ok; j++) {
      const want = p0 + (offsets[j] as number) - base;
      const list = lists[j] as ArrayLike<number>;
      ok = false;
      for (let x = 0; x < list.length; x++) {
        if (list[x] === want) {
          ok = true;
          break;
        }
      }
    }
    if (ok) return true;
  }
  return false;
}

/** Positions of the words of a text whose stem (a stop word: the word) is one of `terms`, one list per term. */
export class PositionSink implements TokenSink {
  readonly lists: number[][];
  private readonly terms: string[];
  private readonly heads: Set<string>;
  constructor(terms: string[]) {
    this.terms = terms;
    this.lists = terms.map(() => []);
    // A word and its stem share their first two letters.
    this.heads = new Set(terms.map((t) => t.slice(0, 2)));
  }
  reset(): void {
    for (const l of this.lists) l.length = 0;
  }
  accept(text: string, start: number, end: number): boolean {
    return this.heads.has(text.slice(start, Math.min(end, start + 2)).toLowerCase());
  }
  token(word: string, _start: number, _end: number, pos: number): void {
    // Stop words are wanted as themselves (a quoted phrase's stop words).
    const term = isStopword(word) ? word : termOf(word);
    for (let j = 0; j < this.terms.length; j++)
      if (this.terms[j] === term) (this.lists[j] as number[]).push(pos);
  }
  compound(): void {}
}
