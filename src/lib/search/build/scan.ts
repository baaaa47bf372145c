/**
 * The build's one pass over the documents: every title and abstract goes
 * through the tokeniser once, each distinct word is stemmed once
 * (`IndexVocabulary`), and the postings are kept in flat arrays: term, document,
 * term frequencies, the first two forms, positions (large collections), and
 * each document's indexed words in order for the word pairs.
 */
import { FIELD_GAP } from '../format.ts';
import { scan } from '../tokenize.ts';
import type { SearchDoc } from '../types.ts';
import { IntBuffer, growTo } from './buffers.ts';
import { DocSink, IndexVocabulary } from './vocabulary.ts';

/** What the pass over the documents collected. */
export interface Scanned {
  vocab: IndexVocabulary;
  /** Indexed words of each field, by internal document id. */
  lenTitle: Float64Array;
  lenAbstract: Float64Array;
  /** Term postings: term id, document, `title tf << 16 | abstract tf`. */
  pTerm: IntBuffer;
  pDoc: IntBuffer;
  pTf: IntBuffer;
  /** Where each posting's positions start in `posData` (`[count, p...]`; large collections). */
  pPos: IntBuffer;
  posData: IntBuffer;
  /** The first two distinct words (forms) of each posting's term in its document (-1: none). */
  pForm1: IntBuffer;
  pForm2: IntBuffer;
  /** Indexed words of every document in order, `term << 3 | gap` (0: no neighbour within reach). */
  seq: IntBuffer;
  /** Where each document's words end in `seq`. */
  seqEnd: Int32Array;
  /** Characters of all titles and abstracts (sizes buffers). */
  textChars: number;
}

/**
 * Scans `sorted` (internal order). `large`: keep positions; `maxGap`: the
 * largest distance of neighbouring words kept for pairs.
 */
export function scanDocuments(
  sorted: readonly SearchDoc[],
  large: boolean,
  maxGap: number,
): Scanned {
  const n = sorted.length;
  const vocab = new IndexVocabulary();
  const sink = new DocSink(vocab);
  const lenTitle = new Float64Array(n);
  const lenAbstract = new Float64Array(n);
  // Term postings: entry (term id), document, title tf, abstract tf, and
  // where the positions of the posting start in `posData` ([count, p...]).
  // Buffers sized from the text up front (about one indexed word per 10
  // characters): growing arrays of millions is slow and trips the GC.
  let textChars = 0;
  for (const d of sorted) textChars += d.title.length + d.abstract.length;
  const pTerm = new IntBuffer(textChars / 11);
  const pDoc = new IntBuffer(textChars / 11);
  const pTf = new IntBuffer(textChars / 11); // title tf << 16 | abstract tf
  const pPos = new IntBuffer(large ? textChars / 11 : 0);
  const posData = new IntBuffer(large ? textChars / 5 : 0);
  // Forms: the first two distinct words of each posting's term in its document.
  const pForm1 = new IntBuffer(textChars / 11);
  const pForm2 = new IntBuffer(textChars / 11);
  // Indexed words of every document, in order, and where each document's end.
  const seq = new IntBuffer(textChars / 8);
  const seqEnd = new Int32Array(n);
  // Per-document scratch, by term id / pair number.
  let tfT = new Int32Array(1 << 16);
  let tfA = new Int32Array(1 << 16);
  let headTok = new Int32Array(1 << 16).fill(-1);
  let nextTok = new Int32Array(4096);
  const docTerms = new IntBuffer();
  const addTf = (term: number, title: boolean): void => {
    if (term >= tfT.length) {
      tfT = growTo(tfT, term + 1);
      tfA = growTo(tfA, term + 1);
      headTok = growTo(headTok, term + 1, -1);
    }
    if (tfT[term] === 0 && tfA[term] === 0) docTerms.push(term);
    if (title) tfT[term] = (tfT[term] as number) + 1;
    else tfA[term] = (tfA[term] as number) + 1;
  };

  for (let id = 0; id < n; id++) {
    const d = sorted[id] as SearchDoc;
    sink.doc = id;
    sink.tokens = 0;
    sink.compounds = 0;
    const titleEnd = scan(d.title, 0, sink);
    const titleTokens = sink.tokens;
    const titleCompounds = sink.compounds;
    scan(d.abstract, titleEnd + FIELD_GAP, sink);
    const count = sink.tokens;
    lenTitle[id] = titleTokens;
    lenAbstract[id] = count - titleTokens;
    const { tokTerm, tokPos, compTerm } = sink;
    docTerms.length = 0;
    for (let i = 0; i < count; i++) addTf(tokTerm[i] as number, i < titleTokens);
    for (let i = 0; i < sink.compounds; i++) addTf(compTerm[i] as number, i < titleCompounds);

    // Per term, a linked list of its tokens in order (positions and forms).
    nextTok = growTo(nextTok, count);
    for (let i = count - 1; i >= 0; i--) {
      const t = tokTerm[i] as number;
      nextTok[i] = headTok[t] as number;
      headTok[t] = i;
    }
    const { tokWord } = sink;
    for (let j = 0; j < docTerms.length; j++) {
      const t = docTerms.data[j] as number;
      pTerm.push(t);
      pDoc.push(id);
      pTf.push(((tfT[t] as number) << 16) | (tfA[t] as number));
      tfT[t] = 0;
      tfA[t] = 0;
      // The first two distinct words (forms) of the term in the document.
      let w1 = -1;
      let w2 = -1;
      for (let k = headTok[t] as number; k >= 0 && w2 < 0; k = nextTok[k] as number) {
        const w = tokWord[k] as number;
        if (w1 < 0) w1 = w;
        else if (w !== w1) w2 = w;
      }
      pForm1.push(w1);
      pForm2.push(w2);
      if (large) {
        pPos.push(posData.length);
        const countAt = posData.length;
        posData.push(0);
        let c = 0;
        for (let k = headTok[t] as number; k >= 0; k = nextTok[k] as number) {
          posData.push(tokPos[k] as number);
          c++;
        }
        posData.data[countAt] = c;
      }
      headTok[t] = -1;
    }

    // The document's indexed words in order, for the word pairs below:
    // term << 3 | distance to the previous word (0: none within maxGap).
    for (let i = 0; i < count; i++) {
      const gap = i === 0 ? 0 : (tokPos[i] as number) - (tokPos[i - 1] as number);
      seq.push(((tokTerm[i] as number) << 3) | (gap <= maxGap ? gap : 0));
    }
    seqEnd[id] = seq.length;
  }
  return {
    vocab,
    lenTitle,
    lenAbstract,
    pTerm,
    pDoc,
    pTf,
    pPos,
    posData,
    pForm1,
    pForm2,
    seq,
    seqEnd,
    textChars,
  };
}
