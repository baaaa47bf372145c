/**
 * Tokenisation shared by the index build, the query parser and the snippet
 * highlighter, so that a word is cut, folded and stemmed the same way
 * everywhere.
 *
 * A word is a run of letters, digits and combining marks in the original
 * text, folded (case, accents) by the shared `words` utility. Words joined by
 * a hyphen or a colon (`top-p`, `N:M`, `k-sparse`, also across LaTeX dollars
 * as in `top-$p$`), or digits joined by a dot (`3.5`), also yield a
 * *compound*: the parts glued together (`topp`, `nm`, `ksparse`, `35`), so a
 * query can match the written-together, hyphenated and spaced forms alike.
 */
import { LUCENE_STOPWORDS, stem, words } from '../text/index.ts';

/** A word of a text, with its place in the original string. */
export interface Token {
  /** Folded word, e.g. `diffusion`. */
  word: string;
  /** `[start, end)` in the original text. */
  start: number;
  end: number;
  /** Word position (compounds share the position of their first part). */
  pos: number;
}

export interface Tokenized {
  tokens: Token[];
  /** Glued forms of joined words: `top-p` -> `topp`. */
  compounds: Token[];
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const MAX_COMPOUND_PARTS = 4;

// Character classes by code unit, computed once per code: 1 = ASCII letter
// or digit, 2 = other word character (letters of any script, digits, marks).
const charClass = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) charClass[c] = 1;
}
const classified = new Uint8Array(65536);
function classOf(code: number): number {
  if (code < 128) return charClass[code] as number;
  if (!classified[code]) {
    classified[code] = 1;
    // Surrogate halves count as word characters: astral letters stay whole
    // and `words()` sorts them out.
    charClass[code] =
      (code >= 0xd800 && code <= 0xdfff) || WORD_CHAR.test(String.fromCharCode(code)) ? 2 : 0;
  }
  return charClass[code] as number;
}

const APOSTROPHES = new Set([0x27, 0x2019]);
const HYPHENS = new Set([0x2d, 0x2010, 0x2011, 0x2013, 0x3a]); // - ‐ ‑ – :
const DOLLAR = 0x24;
const DOT = 0x2e;

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** True when the text between two words joins them into a compound. */
function joins(text: string, from: number, to: number): boolean {
  const len = to - from;
  if (len === 1) {
    const c = text.charCodeAt(from);
    return (
      HYPHENS.has(c) ||
      (c === DOT && isDigit(text.charCodeAt(from - 1)) && isDigit(text.charCodeAt(to)))
    );
  }
  if (len === 2 || len === 3) {
    // `top-$p$`: a hyphen or colon with LaTeX dollars around it.
    let hyphens = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (HYPHENS.has(c)) hyphens++;
      else if (c !== DOLLAR) return false;
    }
    return hyphens === 1 && (len === 2 || text.charCodeAt(from + 1) !== DOLLAR);
  }
  return false;
}

/** Words and compounds of `text`, positions counted from `firstPos`. */
export function tokenize(text: string, firstPos = 0): Tokenized {
  const tokens: Token[] = [];
  const compounds: Token[] = [];
  let pos = firstPos;
  // The current chain of joined single-word pieces.
  let chain: Token[] = [];
  let prevEnd = -1;

  const flush = (): void => {
    if (chain.length >= 2 && chain.length <= MAX_COMPOUND_PARTS) {
      const first = chain[0] as Token;
      const last = chain[chain.length - 1] as Token;
      let word = '';
      for (const t of chain) word += t.word;
      compounds.push({ word, start: first.start, end: last.end, pos: first.pos });
    }
    chain = [];
  };

  const n = text.length;
  let i = 0;
  while (i < n) {
    let cls = classOf(text.charCodeAt(i));
    if (cls === 0) {
      i++;
      continue;
    }
    // A raw word: word characters, possibly joined by inner apostrophes.
    const start = i;
    let ascii = true;
    for (;;) {
      while (i < n && (cls = classOf(text.charCodeAt(i))) !== 0) {
        if (cls === 2) ascii = false;
        i++;
      }
      if (
        i + 1 < n &&
        APOSTROPHES.has(text.charCodeAt(i)) &&
        classOf(text.charCodeAt(i + 1)) !== 0
      ) {
        ascii = false;
        i++;
        continue;
      }
      break;
    }
    const end = i;
    const raw = text.slice(start, end);
    // Fast path: plain ASCII letters and digits only need lower-casing.
    const ws = ascii ? [raw.toLowerCase()] : words(raw);
    if (ws.length === 0) continue;
    const joined = prevEnd >= 0 && joins(text, prevEnd, start);
    if (!joined || ws.length !== 1) flush();
    for (const w of ws) {
      const t: Token = { word: w, start, end, pos: pos++ };
      tokens.push(t);
      if (ws.length === 1) chain.push(t);
    }
    if (ws.length !== 1) chain = [];
    prevEnd = end;
  }
  flush();
  return { tokens, compounds };
}

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
