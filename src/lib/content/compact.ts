/**
 * Keeps the content store small at 75,000 papers: fields that can be derived
 * cheaply from others are stored empty and derived on use. Most papers have
 * no math and no links, so their plain text is their cleaned text, their HTML
 * is escaped paragraphs, and their raw text differs only in line breaks.
 */
import { findUrls } from '../ingest/links.ts';
import type { StoredPaper } from './schema.ts';

const DERIVED = [
  'plainTitle',
  'plainAbstract',
  'titleHtml',
  'abstractHtml',
  'rawTitle',
  'rawAbstract',
] as const;

const hasMath = (clean: string) => /(?<!\\)\$/.test(clean);
const plainOf = (clean: string) => clean.replaceAll('\\$', '$');
const escape = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** JavaScript's `\s`. */
const isSpace = (c: number) =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/**
 * Whether `a` and `b` are equal once runs of white space are collapsed to one
 * space and the ends trimmed. A loop rather than two regex replacements: it
 * runs on two abstracts per paper (3 s at 74,728 papers with the regexes).
 */
export function sameUpToSpace(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0;
  let j = 0;
  while (i < a.length && isSpace(a.charCodeAt(i))) i += 1;
  while (j < b.length && isSpace(b.charCodeAt(j))) j += 1;
  while (i < a.length && j < b.length) {
    let i2 = i;
    let j2 = j;
    while (i2 < a.length && isSpace(a.charCodeAt(i2))) i2 += 1;
    while (j2 < b.length && isSpace(b.charCodeAt(j2))) j2 += 1;
    if (i2 > i !== j2 > j) return false; // space in one only (a trailing run is followed by more text in the other)
    if (i2 > i) {
      i = i2;
      j = j2;
      continue;
    }
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    i += 1;
    j += 1;
  }
  while (i < a.length && isSpace(a.charCodeAt(i))) i += 1;
  while (j < b.length && isSpace(b.charCodeAt(j))) j += 1;
  return i === a.length && j === b.length;
}

/** HTML of math-free, link-free text: escaped paragraphs, as the renderer would make them. */
export function paragraphsHtml(clean: string): string {
  return clean
    .split(/\n\n+/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${escape(plainOf(p))}</p>`)
    .join('\n');
}

/**
 * The plain text of a cleaned string (`plain` is the renderer's): without an
 * unescaped `$` there is no math, and it is the cleaned text itself.
 */
export function plainTextOf(clean: string, plain: (clean: string) => string): string {
  return hasMath(clean) ? plain(clean) : plainOf(clean);
}

/** The renderer's functions (render/text.ts), passed in so the site's model need not load unified and KaTeX. */
export interface TextRenderer {
  plain(clean: string): string;
  inline(clean: string): string;
  paragraphs(clean: string): string;
  hasMath(clean: string): boolean;
}

type DerivedField = (typeof DERIVED)[number];

/**
 * A paper's derived text fields as stored: those `expandRecord` can derive
 * again are empty, and only the others are computed (rendering runs for math
 * and links alone, a few percent of arXiv abstracts).
 */
export function storedTexts(
  paper: Pick<StoredPaper, 'title' | 'abstract' | 'rawTitle' | 'rawAbstract'>,
  render: TextRenderer,
): Pick<StoredPaper, DerivedField | 'hasMath'> {
  const titleMath = hasMath(paper.title);
  const abstractMath = hasMath(paper.abstract);
  const plainTitle = plainTextOf(paper.title, render.plain);
  const plainAbstract = plainTextOf(paper.abstract, render.plain);
  const abstractHtml =
    abstractMath || findUrls(paper.abstract).length > 0 ? render.paragraphs(paper.abstract) : '';
  return {
    plainTitle: titleMath ? plainTitle : '',
    plainAbstract: abstractMath ? plainAbstract : '',
    titleHtml: titleMath ? render.inline(paper.title) : '',
    abstractHtml,
    rawTitle: sameUpToSpace(paper.rawTitle, plainTitle) ? '' : paper.rawTitle,
    rawAbstract: sameUpToSpace(paper.rawAbstract, plainAbstract) ? '' : paper.rawAbstract,
    hasMath:
      (titleMath && render.hasMath(paper.title)) ||
      (abstractMath && render.hasMath(paper.abstract)),
  };
}

/** A stored record with its emptied fields derived again, on each use (nothing extra is kept in memory). */
export function expandRecord(stored: StoredPaper): StoredPaper {
  const derive: Record<(typeof DERIVED)[number], () => string> = {
    plainTitle: () => plainOf(stored.title),
    plainAbstract: () => plainOf(stored.abstract),
    titleHtml: () => escape(plainOf(stored.title)),
    abstractHtml: () => paragraphsHtml(stored.abstract),
    rawTitle: () => expanded.plainTitle,
    rawAbstract: () => expanded.plainAbstract,
  };
  const expanded: StoredPaper = { ...stored };
  for (const field of DERIVED) {
    if (stored[field] !== '') continue;
    Object.defineProperty(expanded, field, {
      get: derive[field],
      enumerable: true,
      configurable: true,
    });
  }
  return expanded;
}
