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
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const escape = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** HTML of math-free, link-free text: escaped paragraphs, as the renderer would make them. */
export function paragraphsHtml(clean: string): string {
  return clean
    .split(/\n\n+/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${escape(plainOf(p))}</p>`)
    .join('\n');
}

/** The record as stored: derivable fields emptied. */
export function compactRecord(full: StoredPaper): StoredPaper {
  const out = { ...full };
  const titleMath = hasMath(full.title);
  const abstractMath = hasMath(full.abstract);
  if (!titleMath) {
    out.plainTitle = '';
    out.titleHtml = '';
  }
  if (!abstractMath) {
    out.plainAbstract = '';
    if (findUrls(full.abstract).length === 0) out.abstractHtml = '';
  }
  if (collapse(full.rawTitle) === collapse(full.plainTitle)) out.rawTitle = '';
  if (collapse(full.rawAbstract) === collapse(full.plainAbstract)) out.rawAbstract = '';
  return out;
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
    Object.defineProperty(expanded, field, { get: derive[field], enumerable: true });
  }
  return expanded;
}
