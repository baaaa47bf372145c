/**
 * What search makes of the text analyser's words (src/lib/text): the index
 * build, the query parser and the snippet highlighter all cut words with its
 * scanner, drop Lucene's stop words and index Porter stems, so a word is the
 * same thing everywhere.
 */
import { LUCENE_STOPWORDS, stem, tokenize } from '../text/index.ts';

export { scan, tokenize, type Token, type TokenSink, type Tokenized } from '../text/index.ts';

/** True for words that are not indexed (Lucene's 33 English stop words). */
export function isStopword(word: string): boolean {
  return LUCENE_STOPWORDS.has(word);
}

/** The index term of a folded word: its Porter stem. */
export function termOf(word: string): string {
  return stem(word);
}

/** One field of a document as the index sees it. */
export interface FieldTerms {
  /** term -> occurrences in the field. */
  tf: Map<string, number>;
  /** Indexed words (stop words and compounds not counted). */
  length: number;
  /** term -> positions, for phrase queries. */
  positions: Map<string, number[]>;
  /** Distinct indexed words as written (folded, not stemmed), for the lexicon. */
  words: Set<string>;
}

/** Index terms of a field: stems of non-stop words, plus stemmed compounds. */
export function fieldTerms(text: string, firstPos: number): FieldTerms & { nextPos: number } {
  const { tokens, compounds } = tokenize(text, firstPos);
  const tf = new Map<string, number>();
  const positions = new Map<string, number[]>();
  const seen = new Set<string>();
  let length = 0;
  const add = (term: string, pos: number): void => {
    tf.set(term, (tf.get(term) ?? 0) + 1);
    const p = positions.get(term);
    if (p) p.push(pos);
    else positions.set(term, [pos]);
  };
  for (const t of tokens) {
    if (isStopword(t.word)) continue;
    length++;
    seen.add(t.word);
    add(termOf(t.word), t.pos);
  }
  for (const c of compounds) add(termOf(c.word), c.pos);
  const last = tokens[tokens.length - 1];
  return { tf, length, positions, words: seen, nextPos: last ? last.pos + 1 : firstPos };
}
