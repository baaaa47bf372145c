/**
 * Match offsets and snippets. Everything here returns character ranges into
 * plain text: the UI builds DOM nodes from them and never parses markup, so
 * titles and abstracts with `$...$`, `<` or `&` stay inert text.
 */
import { termOf, tokenize } from './tokenize.ts';
import type { Range } from './types.ts';

interface Found {
  start: number;
  end: number;
  term: string;
}

// Stemming only rewrites endings: a word and its stem share their first
// two letters, so most words are ruled out without being stemmed.
const heads = new WeakMap<ReadonlySet<string>, Set<string>>();

function headsOf(terms: ReadonlySet<string>): Set<string> {
  let h = heads.get(terms);
  if (!h) {
    h = new Set([...terms].map((t) => t.slice(0, 2)));
    heads.set(terms, h);
  }
  return h;
}

function found(text: string, terms: ReadonlySet<string>): Found[] {
  const out: Found[] = [];
  if (terms.size === 0) return out;
  const h = headsOf(terms);
  const maybe = (word: string): boolean => h.has(word.slice(0, 2)) || h.has(word.slice(0, 1));
  const { tokens, compounds } = tokenize(text);
  for (const c of compounds) {
    if (!maybe(c.word)) continue;
    const term = termOf(c.word);
    if (terms.has(term)) out.push({ start: c.start, end: c.end, term });
  }
  for (const t of tokens) {
    if (!maybe(t.word)) continue;
    const term = termOf(t.word);
    if (terms.has(term)) out.push({ start: t.start, end: t.end, term });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

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
  const hits = merge(found(text, terms));
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
