/**
 * The one scanner of the text analyser: cuts a text into words in one pass
 * over its character codes, with a fast path for plain ASCII words (no
 * string is made for a word the sink already knows: see `accept`), and
 * reports *compounds*: words joined by a hyphen, a colon or an underscore
 * (`top-p`, `N:M`, `ℓ_p`,
 * `k-sparse`, also across LaTeX dollars as in `top-$p$`), or digits joined by
 * a dot (`3.5`), glued together (`topp`, `nm`, `ksparse`, `35`), so that the
 * written-together, hyphenated and spaced forms of a term can be matched.
 *
 * A word is a run of letters, digits and combining marks, possibly with
 * inner apostrophes, folded (case, accents) by `words`: the possessive `'s`
 * is cut and other apostrophes dropped. Search indexes with it, related
 * papers count words with it, and topics can (see index.ts).
 */
import { words } from './words.ts';

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

// - ‐ ‑ – : and _ (a subscript: `ℓ_p` is `lp`, `x_i` is `xi`).
const HYPHENS = new Set([0x2d, 0x2010, 0x2011, 0x2013, 0x3a, 0x5f]);
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

/** Receives the words and compounds of a text, in order, from `scan`. */
export interface TokenSink {
  /** A folded word, `[start, end)` in the text, its position. */
  token(word: string, start: number, end: number, pos: number): void;
  /** The glued form of joined words (`top-p` -> `topp`), at its first part's position. */
  compound(word: string, start: number, end: number, pos: number): void;
  /**
   * Optional filter for plain ASCII words, before their folded string is
   * made: `false` skips `token` for `text[start, end)` (compounds are still
   * reported). Scanning hits for a few query words skips most words this way.
   */
  accept?(text: string, start: number, end: number, pos: number): boolean;
}

// The current chain of joined single-word pieces, as ranges of the text (or
// folded words, for words that are not plain ASCII). Scan is not
// re-entrant: sinks must not call it.
let chainLength = 0;
const partStart = new Int32Array(MAX_COMPOUND_PARTS);
const partEnd = new Int32Array(MAX_COMPOUND_PARTS);
const partWord: (string | undefined)[] = [];
let chainPos = 0;
let scanning = false;

function flushChain(text: string, sink: TokenSink): void {
  const k = chainLength;
  chainLength = 0;
  if (k < 2 || k > MAX_COMPOUND_PARTS) return;
  let word = '';
  for (let i = 0; i < k; i++)
    word += partWord[i] ?? text.slice(partStart[i] as number, partEnd[i] as number).toLowerCase();
  sink.compound(word, partStart[0] as number, partEnd[k - 1] as number, chainPos);
}

function chainPush(start: number, end: number, word: string | undefined, pos: number): void {
  if (chainLength === 0) chainPos = pos;
  if (chainLength < MAX_COMPOUND_PARTS) {
    partStart[chainLength] = start;
    partEnd[chainLength] = end;
    partWord[chainLength] = word;
  }
  chainLength++;
}

/**
 * Streams the words and compounds of `text` to `sink` without building
 * token objects (the index build scans every abstract, the client every
 * hit). Positions are counted from `firstPos`; returns the next position.
 * A compound is reported when its chain ends, after its parts.
 */
export function scan(text: string, firstPos: number, sink: TokenSink): number {
  if (scanning) throw new Error('scan is not re-entrant');
  scanning = true;
  try {
    return scanText(text, firstPos, sink);
  } finally {
    chainLength = 0;
    scanning = false;
  }
}

function scanText(text: string, firstPos: number, sink: TokenSink): number {
  let pos = firstPos;
  let prevEnd = -1;
  const n = text.length;
  const filtered = sink.accept !== undefined;
  const table = charClass;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let cls = c < 128 ? (table[c] as number) : classOf(c);
    if (cls === 0) {
      i++;
      continue;
    }
    // A raw word: word characters, possibly joined by inner apostrophes.
    const start = i;
    let ascii = cls === 1;
    for (;;) {
      i++;
      while (i < n) {
        c = text.charCodeAt(i);
        if (c < 128) {
          if (table[c] === 0) break;
        } else {
          cls = classOf(c);
          if (cls === 0) break;
          ascii = false;
        }
        i++;
      }
      if (i + 1 < n && (c === 0x27 || c === 0x2019) && classOf(text.charCodeAt(i + 1)) !== 0) {
        ascii = false;
        continue;
      }
      break;
    }
    const end = i;
    // Fast path: plain ASCII letters and digits only need lower-casing.
    if (ascii) {
      if (!(prevEnd >= 0 && joins(text, prevEnd, start))) flushChain(text, sink);
      chainPush(start, end, undefined, pos);
      if (!filtered || (sink.accept as NonNullable<TokenSink['accept']>)(text, start, end, pos))
        sink.token(text.slice(start, end).toLowerCase(), start, end, pos);
      pos++;
    } else {
      const ws = words(text.slice(start, end));
      if (ws.length === 0) continue;
      const joined = prevEnd >= 0 && joins(text, prevEnd, start);
      if (!joined || ws.length !== 1) flushChain(text, sink);
      if (ws.length === 1) chainPush(start, end, ws[0] as string, pos);
      for (const w of ws) sink.token(w, start, end, pos++);
    }
    prevEnd = end;
  }
  flushChain(text, sink);
  return pos;
}

/** Words and compounds of `text`, positions counted from `firstPos`. */
export function tokenize(text: string, firstPos = 0): Tokenized {
  const tokens: Token[] = [];
  const compounds: Token[] = [];
  scan(text, firstPos, {
    token: (word, start, end, pos) => tokens.push({ word, start, end, pos }),
    compound: (word, start, end, pos) => compounds.push({ word, start, end, pos }),
  });
  return { tokens, compounds };
}
