/**
 * Citation keys: readable, stable and ASCII, in Google Scholar's shape:
 * first author's family name + year + first significant title word
 * (`ge2024pdfwukong`). Papers without a usable author or year fall back to
 * their slug. Within a set, colliding keys get `a`, `b`, … suffixes in slug
 * order, so the same set always gets the same keys whatever its order.
 */
import type { SluggedPaper } from '../paper.ts';
import { ENGLISH_STOPWORDS, fold } from '../text/index.ts';
import { splitMath } from './escape.ts';
import { splitName } from './names.ts';

/** Lower-case ASCII letters and digits only. */
function asciiWord(text: string): string {
  return fold(text).replace(/[^a-z0-9]/g, '');
}

/** The year of an ISO-ish date (`2024`, `2024-06`, `2024-06-01`), if any. */
export function yearOf(date: string | undefined): string | undefined {
  return /^\s*(\d{4})(?!\d)/.exec(date ?? '')?.[1];
}

/** The first title word that is not a stop word, as ASCII (`PDF-WuKong:` -> `pdfwukong`). */
export function firstSignificantWord(title: string): string {
  const text = splitMath(title)
    .filter((s) => !s.math)
    .map((s) => s.text)
    .join(' ');
  for (const token of text.split(/\s+/)) {
    const word = asciiWord(token);
    if (word && !ENGLISH_STOPWORDS.has(word)) return word.slice(0, 24);
  }
  return '';
}

/** The slug made key-safe: ASCII letters, digits, `-`, `_`, `.`, `:`. */
function slugKey(slug: string): string {
  const key = fold(slug)
    .replace(/[^a-z0-9_.:-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return key || 'paper';
}

/** The citation key of one paper, before de-duplication within a set. */
export function citationKey(
  paper: Pick<SluggedPaper, 'authors' | 'date' | 'title' | 'slug'>,
): string {
  const first = paper.authors.find((a) => a.trim() !== '');
  const family = first ? asciiWord(splitName(first).family.split(' ').pop() ?? '') : '';
  const year = yearOf(paper.date);
  if (!family || !year) return slugKey(paper.slug);
  return `${family.slice(0, 24)}${year}${firstSignificantWord(paper.title)}`;
}

/** `a`, `b`, …, `z`, `aa`, `ab`, … for n = 0, 1, … */
function suffix(n: number): string {
  let s = '';
  let k = n;
  do {
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return s;
}

/**
 * Unique keys for a set of papers, by slug. Papers sharing a key are ordered
 * by slug; the first keeps the plain key, the others get `a`, `b`, …
 * (skipping any key already taken).
 */
export function assignCitationKeys(
  papers: readonly Pick<SluggedPaper, 'authors' | 'date' | 'title' | 'slug'>[],
): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const paper of papers) {
    const key = citationKey(paper);
    const group = groups.get(key);
    if (group) group.push(paper.slug);
    else groups.set(key, [paper.slug]);
  }
  const taken = new Set(groups.keys());
  const out = new Map<string, string>();
  for (const [key, slugs] of groups) {
    const sorted = [...new Set(slugs)].sort();
    out.set(sorted[0] as string, key);
    let n = 0;
    for (const slug of sorted.slice(1)) {
      let candidate: string;
      do candidate = key + suffix(n++);
      while (taken.has(candidate));
      taken.add(candidate);
      out.set(slug, candidate);
    }
  }
  return out;
}
