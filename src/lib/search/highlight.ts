/**
 * Match offsets and snippets. Everything here returns character ranges into
 * plain text: the UI builds DOM nodes from them and never parses markup, so
 * titles and abstracts with `$...$`, `<` or `&` stay inert text.
 */
import { isStopword, scan, termOf, type TokenSink } from './tokenize.ts';
import type { Range } from './types.ts';

export interface Found {
  start: number;
  end: number;
  term: string;
}

// Stemming only rewrites endings: a word and its stem share their first
// two letters, so most words are ruled out without being stemmed.
const heads = new WeakMap<ReadonlySet<string>, Set<number>>();

function addHeads(h: Set<number>, words: Iterable<string>): void {
  for (const t of words) {
    if (t.length === 1) h.add(t.charCodeAt(0));
    else if (t.length > 1) h.add(t.charCodeAt(0) * 65536 + t.charCodeAt(1));
  }
}

function headsOf(terms: ReadonlySet<string>): Set<number> {
  let h = heads.get(terms);
  if (!h) {
    h = new Set();
    addHeads(h, terms);
    heads.set(terms, h);
  }
  return h;
}

/** Collects the words of a text whose term is wanted. */
class MatchSink implements TokenSink {
  out: Found[] = [];
  /** Added to the offsets reported (when scanning a piece of the text). */
  offset = 0;
  private readonly terms: ReadonlySet<string>;
  private readonly h: Set<number>;
  constructor(terms: ReadonlySet<string>, h: Set<number>) {
    this.terms = terms;
    this.h = h;
  }
  accept(text: string, start: number, end: number): boolean {
    let c0 = text.charCodeAt(start);
    if (c0 >= 65 && c0 <= 90) c0 += 32;
    if (this.h.has(c0)) return true;
    if (end - start < 2) return false;
    let c1 = text.charCodeAt(start + 1);
    if (c1 >= 65 && c1 <= 90) c1 += 32;
    return this.h.has(c0 * 65536 + c1);
  }
  private maybe(word: string): boolean {
    const c0 = word.charCodeAt(0);
    return this.h.has(c0) || (word.length > 1 && this.h.has(c0 * 65536 + word.charCodeAt(1)));
  }
  token(word: string, start: number, end: number): void {
    if (!this.maybe(word)) return;
    const term = termOf(word);
    if (this.terms.has(term))
      this.out.push({ start: start + this.offset, end: end + this.offset, term });
  }
  compound(word: string, start: number, end: number): void {
    if (!this.maybe(word)) return;
    const term = termOf(word);
    if (this.terms.has(term))
      this.out.push({ start: start + this.offset, end: end + this.offset, term });
  }
}

/** What to look for with `indexOf`: the first two letters of each term (one for one-letter terms). */
const needles = new WeakMap<ReadonlySet<string>, { heads: string[]; firsts: Set<number> }>();

function needlesOf(terms: ReadonlySet<string>): { heads: string[]; firsts: Set<number> } {
  let n = needles.get(terms);
  if (!n) {
    const heads = new Set<string>();
    const firsts = new Set<number>();
    for (const t of terms) {
      if (!t) continue;
      heads.add(t.slice(0, 2));
      if (t.length > 1) firsts.add(t.charCodeAt(0));
    }
    n = { heads: [...heads], firsts };
    needles.set(terms, n);
  }
  return n;
}

const NON_ASCII = /\P{ASCII}/u;
const NON_ASCII_WORD_CHAR = /(?=\P{ASCII})[\p{L}\p{M}\p{N}]/u;
// Joiners after which a one-character word starts a compound (`k-sparse`,
// `N:M`, `3.5`, `$k$-sparse`) whose first two letters are not next to each other.
const JOINERS = ['-', ':', '.', '_', '\u2010', '\u2011', '\u2013'];

const isAsciiWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** Characters a word or a chain of joined words can span (words, joiners, apostrophes). */
function isChunkChar(c: number): boolean {
  return (
    isAsciiWordChar(c) ||
    c === 0x2d ||
    c === 0x3a ||
    c === 0x24 ||
    c === 0x2e ||
    c === 0x5f ||
    c === 0x27 ||
    c === 0x2010 ||
    c === 0x2011 ||
    c === 0x2013 ||
    c === 0x2019
  );
}

/** Whether a word starts at `i` (not inside a word, nor after an inner apostrophe). */
function wordStart(text: string, i: number): boolean {
  if (i === 0) return true;
  const c = text.charCodeAt(i - 1);
  if (isAsciiWordChar(c)) return false;
  return !((c === 0x27 || c === 0x2019) && i >= 2 && isAsciiWordChar(text.charCodeAt(i - 2)));
}

/**
 * Words of `text` whose index term is in `terms`, by position. Texts whose
 * words are plain ASCII (nearly all abstracts) are not scanned word by word:
 * the first letters of the terms are found with `indexOf`, and only the
 * runs of joined words around them are tokenised, which finds the same
 * words as a full scan (a word or a compound never spans a space or other
 * punctuation). `full` forces the full scan (tests compare the two).
 */
export function findMatches(text: string, terms: ReadonlySet<string>, full = false): Found[] {
  if (terms.size === 0) return [];
  const sink = new MatchSink(terms, headsOf(terms));
  const lower = text.toLowerCase();
  if (
    full ||
    lower.length !== text.length ||
    (NON_ASCII.test(text) && NON_ASCII_WORD_CHAR.test(text))
  ) {
    scan(text, 0, sink);
  } else {
    const { heads, firsts } = needlesOf(terms);
    const starts: number[] = [];
    for (const head of heads) {
      for (let i = lower.indexOf(head); i >= 0; i = lower.indexOf(head, i + 1))
        if (wordStart(text, i)) starts.push(i);
    }
    if (firsts.size) {
      for (const joiner of JOINERS) {
        for (let j = lower.indexOf(joiner); j >= 0; j = lower.indexOf(joiner, j + 1)) {
          // The one-character word before it, possibly in dollars.
          let k = j - 1;
          if (lower.charCodeAt(k) === 0x24) k--;
          if (k < 0 || !firsts.has(lower.charCodeAt(k)) || !wordStart(text, k)) continue;
          if (k + 1 < j && lower.charCodeAt(k + 1) !== 0x24) continue;
          starts.push(k);
        }
      }
    }
    starts.sort((a, b) => a - b);
    let done = 0;
    for (const p of starts) {
      if (p < done) continue;
      let a = p;
      while (a > done && isChunkChar(text.charCodeAt(a - 1))) a--;
      let b = p;
      while (b < text.length && isChunkChar(text.charCodeAt(b))) b++;
      sink.offset = a;
      scan(text.slice(a, b), 0, sink);
      done = b;
    }
  }
  return sink.out.sort((a, b) => a.start - b.start || b.end - a.end);
}

const found = findMatches;

/** Merges overlapping ranges (a compound covers its parts). */
function merge(list: readonly Found[]): Found[] {
  const out: Found[] = [];
  for (const f of list) {
    const last = out[out.length - 1];
    if (last && f.start <= last.end) {
      if (f.end > last.end) last.end = f.end;
    } else out.push({ ...f });
  }
  return out;
}

/** Ranges of the words of `text` whose index term is in `terms`. */
export function highlightRanges(text: string, terms: Iterable<string>): Range[] {
  const set = terms instanceof Set ? (terms as Set<string>) : new Set(terms);
  return merge(found(text, set)).map((f) => [f.start, f.end]);
}

const ELLIPSIS = '…';

/**
 * A window of about `size` characters of `text` holding the most valuable
 * matches (each distinct term counted once, by `weight`), cut at spaces,
 * with `…` where text was cut, and the matches inside it.
 */
export function makeSnippet(
  text: string,
  terms: ReadonlySet<string>,
  weight: (term: string) => number,
  size = 220,
): { text: string; matches: Range[] } {
  return snippetOf(text, merge(found(text, terms)), weight, size);
}

/**
 * A quoted phrase, highlighted only where it occurs as a whole: its terms
 * (a stop word stands for itself) at their word offsets, and the key its
 * matches are reported under (for the snippet's weights).
 */
export interface PhraseMark {
  key: string;
  terms: string[];
  offsets: number[];
}

/** Every word of a text whose term (a stop word: the word) is wanted, by position. */
class PhraseSink implements TokenSink {
  readonly at = new Map<number, { term: string; start: number; end: number }>();
  private readonly wanted: ReadonlySet<string>;
  private readonly h: Set<number>;
  constructor(wanted: ReadonlySet<string>) {
    this.wanted = wanted;
    this.h = new Set();
    addHeads(this.h, wanted);
  }
  token(word: string, start: number, end: number, pos: number): void {
    const c0 = word.charCodeAt(0);
    if (!this.h.has(c0) && !(word.length > 1 && this.h.has(c0 * 65536 + word.charCodeAt(1))))
      return;
    const term = isStopword(word) ? word : termOf(word);
    if (this.wanted.has(term)) this.at.set(pos, { term, start, end });
  }
  compound(): void {}
}

/** Where the phrases occur whole in `text`, each from its first word to its last. */
export function findPhrases(text: string, phrases: readonly PhraseMark[]): Found[] {
  if (phrases.length === 0) return [];
  const sink = new PhraseSink(new Set(phrases.flatMap((p) => p.terms)));
  scan(text, 0, sink);
  const out: Found[] = [];
  for (const [pos, first] of sink.at) {
    for (const p of phrases) {
      if (first.term !== p.terms[0]) continue;
      let last = first;
      const whole = p.terms.every((t, j) => {
        const w = sink.at.get(pos + (p.offsets[j] as number) - (p.offsets[0] as number));
        if (w?.term !== t) return false;
        last = w;
        return true;
      });
      if (whole) out.push({ start: first.start, end: last.end, term: p.key });
    }
  }
  return out;
}

/** Matches of `terms` and of `phrases` in `text`, overlaps merged. */
function allMatches(
  text: string,
  terms: ReadonlySet<string>,
  phrases: readonly PhraseMark[],
): Found[] {
  const words = found(text, terms);
  if (phrases.length === 0) return merge(words);
  return merge(
    [...words, ...findPhrases(text, phrases)].sort((a, b) => a.start - b.start || b.end - a.end),
  );
}

/** Up to this many matched forms are handed to the paper page. */
const MAX_FORMS = 16;

/**
 * Title matches and snippet of one search hit, in one pass over each text,
 * and the matched forms as written in the title and the whole abstract
 * (lower-cased: `tickets`, `pruned`, `state-of-the-art`), for the paper page
 * to highlight the same words.
 */
export function hitText(
  title: string,
  abstract: string,
  terms: ReadonlySet<string>,
  weight: (term: string) => number,
  phrases: readonly PhraseMark[] = [],
): {
  titleMatches: Range[];
  snippet: { text: string; matches: Range[] };
  forms: string[];
} {
  const inTitle = allMatches(title, terms, phrases);
  const inAbstract = allMatches(abstract, terms, phrases);
  const forms = new Set<string>();
  for (const f of inTitle) forms.add(title.slice(f.start, f.end).toLowerCase());
  for (const f of inAbstract) forms.add(abstract.slice(f.start, f.end).toLowerCase());
  return {
    titleMatches: inTitle.map((f) => [f.start, f.end]),
    snippet: snippetOf(abstract, inAbstract, weight, 220),
    forms: [...forms].slice(0, MAX_FORMS),
  };
}

function snippetOf(
  text: string,
  hits: readonly Found[],
  weight: (term: string) => number,
  size: number,
): { text: string; matches: Range[] } {
  let from = 0;
  let to = Math.min(text.length, size);
  if (hits.length && text.length > size) {
    // Best window start among the matches.
    let best = 0;
    let bestScore = -1;
    for (let i = 0; i < hits.length; i++) {
      const seen = new Set<string>();
      let score = 0;
      const startHit = hits[i] as Found;
      for (let j = i; j < hits.length; j++) {
        const h = hits[j] as Found;
        if (h.end - startHit.start > size) break;
        if (!seen.has(h.term)) {
          seen.add(h.term);
          score += weight(h.term);
        }
      }
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    const first = hits[best] as Found;
    let last = first;
    for (let j = best; j < hits.length && (hits[j] as Found).end - first.start <= size; j++)
      last = hits[j] as Found;
    // Centre the matched span in the window.
    const slack = Math.max(0, size - (last.end - first.start));
    from = Math.max(0, first.start - Math.floor(slack / 3));
    to = Math.min(text.length, from + size);
    from = Math.max(0, Math.min(from, to - size));
    if (from > 0) {
      const space = text.indexOf(' ', from);
      if (space >= 0 && space < first.start) from = space + 1;
    }
    if (to < text.length) {
      const space = text.lastIndexOf(' ', to);
      if (space > last.end) to = space;
    }
  } else if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > size / 2) to = space;
  }
  const lead = from > 0 ? ELLIPSIS : '';
  const tail = to < text.length ? ELLIPSIS : '';
  const shift = lead.length - from;
  const matches: Range[] = [];
  for (const h of hits) {
    if (h.start >= from && h.end <= to) matches.push([h.start + shift, h.end + shift]);
  }
  return { text: lead + text.slice(from, to) + tail, matches };
}
