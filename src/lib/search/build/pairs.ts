/**
 * Word pairs: neighbouring indexed words of a document, at most `maxGap`
 * apart, counted so that frequent pairs become index entries of their own
 * (a quoted phrase of frequent pairs is answered from postings alone).
 */
import { IntBuffer, PairTable, growTo } from './buffers.ts';
import type { Scanned } from './scan.ts';

export interface PairPostings {
  /** Document frequency of every term. */
  termDf: Int32Array;
  /** Pairs by number: `hi` = first term * 8 + gap, `lo` = second term. */
  pairs: PairTable;
  /** Pair postings: pair number, document, `title tf << 16 | abstract tf`. */
  qPair: IntBuffer;
  qDoc: IntBuffer;
  qTf: IntBuffer;
}

/** Counts the pairs of terms that are each in at least `pairMinDf` documents. */
export function countPairs(s: Scanned, n: number, pairMinDf: number): PairPostings {
  const { vocab, pTerm, seq, seqEnd, lenTitle, textChars } = s;
  const pairs = new PairTable(1 << Math.max(16, Math.ceil(Math.log2(textChars / 80 + 1))));
  const qPair = new IntBuffer(textChars / 9);
  const qDoc = new IntBuffer(textChars / 9);
  const qTf = new IntBuffer(textChars / 9);
  // Title tf << 16 | abstract tf, by pair number.
  let pairTf = new Int32Array(1 << 16);
  const docPairs = new IntBuffer();
  // Word pairs: neighbouring indexed words, at most `maxGap` apart. A pair
  // can only be in `pairMinDf` documents if both its terms are, so only
  // those pairs are counted (rare words make most of the distinct pairs).
  const termCount = vocab.terms.length;
  const termDf = new Int32Array(termCount);
  const termTerm = pTerm.view();
  for (let i = 0; i < termTerm.length; i++) {
    const t = termTerm[i] as number;
    termDf[t] = (termDf[t] as number) + 1;
  }
  {
    const tokens = seq.view();
    let start = 0;
    for (let id = 0; id < n; id++) {
      const end = seqEnd[id] as number;
      const titleEnd = start + (lenTitle[id] as number);
      docPairs.length = 0;
      for (let i = start + 1; i < end; i++) {
        const v = tokens[i] as number;
        const gap = v & 7;
        if (gap === 0) continue;
        const a = (tokens[i - 1] as number) >> 3;
        const b = v >> 3;
        if ((termDf[a] as number) < pairMinDf || (termDf[b] as number) < pairMinDf) continue;
        const p = pairs.intern(a * 8 + gap, b);
        if (p >= pairTf.length) pairTf = growTo(pairTf, p + 1);
        const tf = pairTf[p] as number;
        if (tf === 0) docPairs.push(p);
        pairTf[p] = tf + (i < titleEnd ? 1 << 16 : 1);
      }
      for (let j = 0; j < docPairs.length; j++) {
        const p = docPairs.data[j] as number;
        qPair.push(p);
        qDoc.push(id);
        qTf.push(pairTf[p] as number);
        pairTf[p] = 0;
      }
      start = end;
    }
  }
  return { termDf, pairs, qPair, qDoc, qTf };
}
