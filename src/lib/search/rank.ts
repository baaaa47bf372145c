/**
 * Ranking: one pass over the scored documents for the match test, the
 * filters, the facet counts and the best hits by the sort key.
 */
import type { AuthorCodes } from './authors.ts';
import type { TopicCodes } from './postings.ts';
import type { Scratch } from './score.ts';

/** Queries of up to this many clauses rank documents by how many they satisfy, then by score. */
export const TIERED_UP_TO = 4;

/** The `k` ids with the highest key (ties: higher id first), best first. */
export class TopK {
  readonly ids: number[] = [];
  private readonly keys: number[] = [];
  private readonly k: number;
  constructor(k: number) {
    this.k = k;
  }
  /** Adds `d` if it ranks; returns the smallest key that can still rank. */
  push(d: number, kd: number): number {
    const { ids, keys, k } = this;
    if (k <= 0) return Infinity;
    let j = ids.length;
    if (j === k) {
      const lastKey = keys[k - 1] as number;
      if (kd < lastKey || (kd === lastKey && d < (ids[k - 1] as number))) return lastKey;
      j = k - 1;
    } else {
      ids.push(d);
      keys.push(kd);
    }
    while (j > 0) {
      const pk = keys[j - 1] as number;
      if (pk > kd || (pk === kd && (ids[j - 1] as number) > d)) break;
      ids[j] = ids[j - 1] as number;
      keys[j] = pk;
      j--;
    }
    ids[j] = d;
    keys[j] = kd;
    return ids.length === k ? (keys[k - 1] as number) : -Infinity;
  }
}

interface RankArgs {
  s: Scratch;
  n: number;
  /** No words: every document matches. */
  all: boolean;
  phraseCount: number;
  tiered: boolean;
  byDate: boolean;
  /** Title ranks, when sorting by title. */
  titleRank: Uint32Array | undefined;
  topicFilter: Set<number> | undefined;
  /** Index of the year filter in the manifest's years (-2: none). */
  yearPos: number;
  topicData: TopicCodes;
  topicCounts: Uint32Array;
  yearCounts: Uint32Array;
  /** Author codes every kept document must have (`author:` filters), with every document's codes. */
  authorFilter?: readonly number[] | undefined;
  authorData?: AuthorCodes | undefined;
  /** Counts of the matches' author codes (the author facet), when asked. */
  authorCounts?: Uint32Array | undefined;
  top: TopK;
  /** Clauses a document needs to contain every query word. */
  need: number;
}

/** How many documents match, and how many of them contain every query word. */
export interface Matched {
  matched: number;
  all: number;
}

/** Whether document `d` has every one of `codes` among its authors. */
function hasAuthors(data: AuthorCodes, d: number, codes: readonly number[]): boolean {
  const from = data.start[d] as number;
  const to = data.start[d + 1] as number;
  for (const code of codes) {
    let found = false;
    for (let i = from; i < to && !found; i++) found = data.codes[i] === code;
    if (!found) return false;
  }
  return true;
}

function countAuthors(data: AuthorCodes, d: number, counts: Uint32Array): void {
  const to = data.start[d + 1] as number;
  for (let i = data.start[d] as number; i < to; i++) {
    const code = data.codes[i] as number;
    counts[code] = (counts[code] as number) + 1;
  }
}

/**
 * One pass over the candidates: match test, filters, facet counts and the
 * best by the sort key; returns the number of matches. (A function of its
 * own, so that its loop is optimised as a whole.)
 */
export function rankCandidates(a: RankArgs): Matched {
  const {
    s,
    n,
    phraseCount,
    tiered,
    byDate,
    titleRank,
    topicFilter,
    yearPos,
    topicData,
    topicCounts,
    yearCounts,
    authorFilter,
    authorData,
    authorCounts,
    top,
    need,
  } = a;
  const { start: topicStart, codes: topicCodes } = topicData;
  const { yearIndex, excluded, phrases, total, satisfied, touchedList } = s;
  const byTitle = titleRank !== undefined;
  const everyDoc = a.all;
  const count = everyDoc ? n : s.touchedCount;
  let matched = 0;
  const byAuthor = authorFilter !== undefined && authorData !== undefined;
  const authorFacet = authorCounts !== undefined && authorData !== undefined;
  let all = 0;
  if (
    !everyDoc &&
    !topicFilter &&
    yearPos === -2 &&
    !byDate &&
    !byTitle &&
    !byAuthor &&
    !authorFacet
  ) {
    // The common case (relevance, no filters), kept lean: most documents
    // only add to the facet counts.
    let floor = -Infinity;
    for (let c = 0; c < count; c++) {
      const d = touchedList[c] as number;
      const score = total[d] as number;
      if (excluded[d] !== 0 || phrases[d] !== phraseCount || score <= 0) continue;
      const to = topicStart[d + 1] as number;
      for (let i = topicStart[d] as number; i < to; i++) {
        const code = topicCodes[i] as number;
        topicCounts[code] = (topicCounts[code] as number) + 1;
      }
      const yi = yearIndex[d] as number;
      if (yi >= 0) yearCounts[yi] = (yearCounts[yi] as number) + 1;
      matched++;
      if ((satisfied[d] as number) >= need) all++;
      const key = tiered ? (satisfied[d] as number) * 1e6 + score : score;
      if (key >= floor) floor = top.push(d, key);
    }
  } else {
    for (let c = 0; c < count; c++) {
      const d = everyDoc ? c : (touchedList[c] as number);
      if (excluded[d] !== 0) continue;
      if (!everyDoc && (phrases[d] !== phraseCount || (total[d] as number) <= 0)) continue;
      // `author:` narrows the matches themselves, before any facet counts them.
      if (byAuthor && !hasAuthors(authorData, d, authorFilter)) continue;
      const from = topicStart[d] as number;
      const to = topicStart[d + 1] as number;
      let inTopic = true;
      if (topicFilter) {
        inTopic = false;
        for (let i = from; i < to && !inTopic; i++)
          inTopic = topicFilter.has(topicCodes[i] as number);
      }
      const yi = yearIndex[d] as number;
      const inYear = yearPos === -2 || yi === yearPos;
      if (inYear) {
        for (let i = from; i < to; i++) {
          const code = topicCodes[i] as number;
          topicCounts[code] = (topicCounts[code] as number) + 1;
        }
      }
      if (inTopic && yi >= 0) yearCounts[yi] = (yearCounts[yi] as number) + 1;
      if (!inTopic || !inYear) continue;
      if (authorFacet) countAuthors(authorData, d, authorCounts);
      matched++;
      if (everyDoc || (satisfied[d] as number) >= need) all++;
      top.push(
        d,
        byDate
          ? d
          : byTitle
            ? -((titleRank as Uint32Array)[d] as number)
            : tiered
              ? (satisfied[d] as number) * 1e6 + (total[d] as number)
              : (total[d] as number),
      );
    }
  }
  return { matched, all };
}
