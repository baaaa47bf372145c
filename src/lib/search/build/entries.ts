/**
 * Index entries (terms, then the frequent word pairs) with their postings
 * grouped by entry, in document order: each posting's BM25F impact
 * quantised to a level (title and abstract frequencies, each
 * length-normalised, the title weighted up, saturated with k1), and a mask
 * of which of the term's forms the document has.
 */
import { compareStrings, pairEntry, slotOf } from '../format.ts';
import type { SearchOptions } from '../types.ts';
import type { PairPostings } from './pairs.ts';
import type { Scanned } from './scan.ts';

/** Forms (words) of a term told apart in its postings. */
export const MAX_FORMS = 5;

export interface Entries {
  /** Entry names: terms (ids 0 .. termCount - 1), then kept pairs (`a_b`). */
  names: string[];
  termCount: number;
  entryCount: number;
  /** Entry e's postings are `entryStart[e] .. entryStart[e + 1]`. */
  entryStart: Int32Array;
  postDoc: Int32Array;
  postLevel: Uint8Array;
  /** Where each posting's positions start in the scan's `posData` (large collections). */
  postPos: Int32Array;
  /** Which forms of its term each posting's document has (bit i: forms[i]). */
  postMask: Uint8Array;
  /** Word ids of each term's forms, most frequent first. */
  termForms: number[][];
  /** Entry ids sorted by name. */
  entries: number[];
  /** Number of postings. */
  total: number;
}

export function groupEntries(
  s: Scanned,
  p: PairPostings,
  n: number,
  large: boolean,
  pairMinDf: number,
  opt: SearchOptions,
): Entries {
  const { k1, resolution } = opt;
  const { vocab, lenTitle, lenAbstract, pDoc, pTf, pPos, pForm1, pForm2 } = s;
  const { termDf, pairs, qPair, qDoc, qTf } = p;
  const termCount = vocab.terms.length;
  const termTerm = s.pTerm.view();
  let sumTitle = 0;
  let sumAbstract = 0;
  for (let id = 0; id < n; id++) {
    sumTitle += lenTitle[id] as number;
    sumAbstract += lenAbstract[id] as number;
  }
  const avgTitle = Math.max(1, sumTitle / Math.max(1, n));
  const avgAbstract = Math.max(1, sumAbstract / Math.max(1, n));
  const normTitle = new Float64Array(n);
  const normAbstract = new Float64Array(n);
  for (let id = 0; id < n; id++) {
    normTitle[id] = 1 - opt.bTitle + (opt.bTitle * (lenTitle[id] as number)) / avgTitle;
    normAbstract[id] =
      1 - opt.bAbstract + (opt.bAbstract * (lenAbstract[id] as number)) / avgAbstract;
  }
  const level = (doc: number, tf: number): number => {
    const t =
      (opt.titleWeight * (tf >>> 16)) / (normTitle[doc] as number) +
      (tf & 0xffff) / (normAbstract[doc] as number);
    return slotOf((t * (k1 + 1)) / (t + k1), k1, resolution);
  };

  // ---- entries: terms, then the frequent pairs ----
  const pairCount = pairs.size;
  const pairDf = new Int32Array(pairCount);
  const pairOf = qPair.view();
  for (let i = 0; i < pairOf.length; i++) {
    const p = pairOf[i] as number;
    pairDf[p] = (pairDf[p] as number) + 1;
  }
  const { hi: pairHi, lo: pairLo } = pairs.entries();
  const names: string[] = [...vocab.terms];
  // Entry id of each kept pair (-1: not indexed).
  const pairEntryId = new Int32Array(pairCount).fill(-1);
  for (let p = 0; p < pairCount; p++) {
    if ((pairDf[p] as number) < pairMinDf) continue;
    const hi = pairHi[p] as number;
    pairEntryId[p] = names.length;
    names.push(
      pairEntry(vocab.terms[hi >> 3] as string, vocab.terms[pairLo[p] as number] as string, hi & 7),
    );
  }
  const entryCount = names.length;

  // Postings grouped by entry (a stable counting sort keeps document order).
  const entryStart = new Int32Array(entryCount + 1);
  for (let t = 0; t < termCount; t++) entryStart[t + 1] = termDf[t] as number;
  for (let p = 0; p < pairCount; p++) {
    const e = pairEntryId[p] as number;
    if (e >= 0) entryStart[e + 1] = pairDf[p] as number;
  }
  for (let e = 0; e < entryCount; e++)
    entryStart[e + 1] = (entryStart[e + 1] as number) + (entryStart[e] as number);
  const total = entryStart[entryCount] as number;
  const postDoc = new Int32Array(total);
  const postLevel = new Uint8Array(total);
  const postPos = large ? new Int32Array(total) : new Int32Array(0);

  // Forms of each term: its words, most frequent first; a posting's mask
  // tells which of the first MAX_FORMS forms (bit MAX_FORMS: any other) the
  // document has, for ranking the word as typed first.
  const termForms: number[][] = Array.from({ length: termCount }, () => []);
  for (let w = 0; w < vocab.words.length; w++) {
    if (!vocab.stop[w] && (vocab.df[w] as number) > 0)
      (termForms[vocab.wordTerm[w] as number] as number[]).push(w);
  }
  const formBit = new Uint8Array(vocab.words.length);
  for (const forms of termForms) {
    forms.sort(
      (a, b) =>
        (vocab.df[b] as number) - (vocab.df[a] as number) ||
        compareStrings(vocab.words[a] as string, vocab.words[b] as string),
    );
    forms.forEach((w, i) => (formBit[w] = 1 << Math.min(i, MAX_FORMS)));
  }
  const postMask = new Uint8Array(total);

  const fill = entryStart.slice(0, entryCount);
  {
    const docs = pDoc.view();
    const tfs = pTf.view();
    const poss = pPos.view();
    const form1 = pForm1.view();
    const form2 = pForm2.view();
    for (let i = 0; i < termTerm.length; i++) {
      const e = termTerm[i] as number;
      const at = fill[e] as number;
      fill[e] = at + 1;
      const doc = docs[i] as number;
      postDoc[at] = doc;
      postLevel[at] = level(doc, tfs[i] as number);
      const f1 = form1[i] as number;
      const f2 = form2[i] as number;
      postMask[at] =
        (f1 >= 0 ? (formBit[f1] as number) : 0) | (f2 >= 0 ? (formBit[f2] as number) : 0);
      if (large) postPos[at] = poss[i] as number;
    }
    const qdocs = qDoc.view();
    const qtfs = qTf.view();
    for (let i = 0; i < pairOf.length; i++) {
      const e = pairEntryId[pairOf[i] as number] as number;
      if (e < 0) continue;
      const at = fill[e] as number;
      fill[e] = at + 1;
      const doc = qdocs[i] as number;
      postDoc[at] = doc;
      postLevel[at] = level(doc, qtfs[i] as number);
    }
  }

  const entries = Array.from({ length: entryCount }, (_, e) => e).sort((x, y) =>
    compareStrings(names[x] as string, names[y] as string),
  );
  return {
    names,
    termCount,
    entryCount,
    entryStart,
    postDoc,
    postLevel,
    postPos,
    postMask,
    termForms,
    entries,
    total,
  };
}
