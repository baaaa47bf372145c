/**
 * Tokens for phrase mining and rule matching.
 *
 * Written here rather than reusing `words()` from text/: phrases must not run
 * across clause boundaries ("... sparse. Retrieval ..."), and topic names need
 * the words' original case and hyphenation, both of which `words()` drops.
 * Folding (case, accents, ligatures), the possessive rule and stemming are the
 * shared ones, so a phrase means the same thing here as in search.
 */
import { parseSegments } from '../ingest/latex.ts';
import { fold } from '../text/index.ts';
import { lightStem as lemma } from '../text/index.ts';

/** One token: a word, or a clause boundary (`lower === ''`). */
export interface Token {
  /** Folded word (`''` for a boundary). */
  lower: string;
  /** The word as written, accents stripped, case kept; the punctuation for a boundary. */
  surface: string;
  /** Written glued to the previous word with a hyphen (`mixture-of-experts`). */
  joined: boolean;
}

const MARKS = /\p{M}/gu;
const URL = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"]*/giu;
const COMMAND = /\\[a-zA-Z]+\*?/gu;
// A word, or punctuation that ends a clause. `.` and `:` end one only before
// white space or the end, so `N:M` and `v2.0` do not split a phrase.
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|[.:](?=\s|$)|[,;!?()[\]{}"“”|•=<>+]/gu;
const PUNCTUATION = new Set('.:,;!?()[]{}"“”|•=<>+');
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/u;

/**
 * Prose of a cleaned title or abstract: math segments, URLs and LaTeX
 * commands become clause boundaries (`|`), accents are stripped (case kept).
 */
export function prose(text: string): string {
  let t = text;
  if (t.includes('$')) {
    t = parseSegments(t)
      .map((s) => (s.type === 'text' ? s.value : ' | '))
      .join('');
  }
  if (t.includes('\\')) t = t.replace(COMMAND, ' | ');
  if (t.includes('://') || t.includes('www.')) t = t.replace(URL, ' | ');
  return NON_ASCII.test(t) ? t.normalize('NFKD').replace(MARKS, '') : t;
}

/** `true` when `prose` output can go through the ASCII fast path. */
export function isAscii(t: string): boolean {
  return !NON_ASCII.test(t);
}

/**
 * Calls `word` for each word and `boundary` for each clause-ending mark of a
 * cleaned title or abstract.
 */
export function scan(
  text: string,
  word: (lower: string, surface: string, joined: boolean) => void,
  boundary: (mark: string) => void,
): void {
  const t = prose(text);
  if (!isAscii(t)) {
    scanUnicode(t, word, boundary);
    return;
  }
  scanAsciiSpans(
    t,
    (start, end, joined) => {
      const s = t.slice(start, end);
      word(unapostrophe(s.toLowerCase()), s, joined);
    },
    (code) => boundary(String.fromCharCode(code)),
  );
}

/** `scan` after `prose`, with the TOKEN regex: any text (tests compare it with the ASCII path). */
export function scanUnicode(
  t: string,
  word: (lower: string, surface: string, joined: boolean) => void,
  boundary: (mark: string) => void,
): void {
  for (const m of t.matchAll(TOKEN)) {
    const s = m[0];
    if (s.length === 1 && PUNCTUATION.has(s)) {
      boundary(s);
      continue;
    }
    const at = m.index;
    const joined = at > 1 && t.charCodeAt(at - 1) === 45 /* - */ && isAlnum(t.charCodeAt(at - 2));
    word(unapostrophe(fold(s)), s, joined);
  }
}

/** The possessive `'s` is cut, other apostrophes dropped (as `words()` does). */
export function unapostrophe(lower: string): string {
  if (!lower.includes("'") && !lower.includes('’')) return lower;
  return lower.replace(/['’]s$/u, '').replace(/['’]/gu, '');
}

const ASCII_PUNCTUATION = new Uint8Array(128);
for (const ch of ',;!?()[]{}"|=<>+') ASCII_PUNCTUATION[ch.charCodeAt(0)] = 1;

/**
 * The TOKEN regex for pure-ASCII text as a hand-written loop over character
 * codes, several times faster, which matters at 75k abstracts (a test checks
 * that both paths give the same tokens). For each word it reports the span,
 * the hyphen-join, and what the vocabulary needs without building a string:
 * the FNV-1a hash of the lower-cased word, its capitals, whether it has an
 * apostrophe.
 */
export function scanAsciiSpans(
  t: string,
  word: (
    start: number,
    end: number,
    joined: boolean,
    hash: number,
    upper: number,
    apostrophe: boolean,
  ) => void,
  boundary: (code: number) => void,
): void {
  const n = t.length;
  let i = 0;
  while (i < n) {
    let c = t.charCodeAt(i);
    if (isAsciiAlnum(c)) {
      const start = i;
      let h = 0x811c9dc5;
      let upper = 0;
      let apostrophe = false;
      for (;;) {
        while (i < n) {
          c = t.charCodeAt(i);
          if (c >= 65 && c <= 90) {
            upper++;
            c += 32;
          } else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) break;
          h = Math.imul(h ^ c, 0x01000193);
          i++;
        }
        // An apostrophe continues the word only when a letter or digit follows.
        if (i + 1 < n && c === 39 && isAsciiAlnum(t.charCodeAt(i + 1))) {
          apostrophe = true;
          h = Math.imul(h ^ 39, 0x01000193);
          i++;
          continue;
        }
        break;
      }
      const joined =
        start > 1 && t.charCodeAt(start - 1) === 45 && isAsciiAlnum(t.charCodeAt(start - 2));
      word(start, i, joined, h >>> 0, upper, apostrophe);
      continue;
    }
    if (c === 46 || c === 58) {
      // `.` and `:` end a clause only before white space or the end.
      if (i + 1 === n || isSpace(t.charCodeAt(i + 1))) boundary(c);
    } else if (c < 128 && ASCII_PUNCTUATION[c] === 1) {
      boundary(c);
    }
    i++;
  }
}

export function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isAlnum(c: number): boolean {
  return isAsciiAlnum(c) || c > 127;
}

/**
 * Prefixes written both hyphenated and solid ("pre-training" and
 * "pretraining", "fine-tuning", "multi-modal", "auto-regressive"): a word
 * hyphenated to one of these is joined to it, so both spellings are one word.
 */
export const PREFIXES: ReadonlySet<string> = new Set(
  'pre post multi non co re semi sub inter intra fine un over under meta auto hyper bi tri anti counter micro macro mini'.split(
    ' ',
  ),
);

/** All tokens of a text; boundaries are kept (repeated ones collapsed). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  scan(
    text,
    (lower, surface, joined) => {
      const last = out[out.length - 1];
      if (joined && last !== undefined && PREFIXES.has(last.lower)) {
        last.lower += lower;
        last.surface += `-${surface}`;
        return;
      }
      out.push({ lower, surface, joined });
    },
    (mark) => {
      const last = out[out.length - 1];
      if (last !== undefined && last.lower !== '') {
        out.push({ lower: '', surface: mark, joined: false });
      }
    },
  );
  return out;
}

/**
 * Stems of a text in clauses: each clause is a run of stems with no boundary
 * inside. Stop words are kept, so phrases like "mixture of experts" match whole.
 */
export function stemClauses(text: string): string[][] {
  const clauses: string[][] = [];
  let cur: string[] = [];
  let last = '';
  scan(
    text,
    (lower, _surface, joined) => {
      if (joined && cur.length > 0 && PREFIXES.has(last)) {
        cur[cur.length - 1] = lemma(last + lower);
        last += lower;
        return;
      }
      cur.push(lemma(lower));
      last = lower;
    },
    () => {
      if (cur.length) clauses.push(cur);
      cur = [];
      last = '';
    },
  );
  if (cur.length) clauses.push(cur);
  return clauses;
}

/** Counts upper-case ASCII letters: two or more make a word look like an acronym (`MoE`, `LLMs`). */
export function upperCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) n++;
  }
  return n;
}
