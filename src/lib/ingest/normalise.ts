/**
 * Turns what a format reader found into a clean Paper: the same rules for
 * every format (unwrap hard-wrapped lines, decode entities, drop invisible
 * control characters, clean LaTeX, structure links and fields).
 */
import { decodeHTMLStrict } from 'entities';
import type { Paper, RawPaper } from '../paper.ts';
import { normaliseArxiv, normaliseDate, normaliseDoi, splitAuthors } from './fields.ts';
import { cleanLatex, parseSegments, type CleanOptions } from './latex.ts';
import { collectLinks } from './links.ts';

// C0/C1 controls (but tab and newline), bidi embeddings/overrides/isolates and
// marks, and zero-width spaces: invisible, and usable to disguise text.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

/** Removes invisible and control characters (ZWJ/ZWNJ stay: scripts and emoji need them). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** One line: every run of whitespace becomes a single space. */
export function unwrapLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Paragraphs kept (blank lines), hard wraps inside a paragraph joined. */
export function unwrapParagraphs(text: string): string {
  return text
    .split(/\n[ \t]*\n/)
    .map(unwrapLine)
    .filter((p) => p !== '')
    .join('\n\n');
}

/** The text parts of a cleaned string (outside math), for link detection. */
function proseOf(clean: string): string {
  return parseSegments(clean)
    .map((s) => (s.type === 'text' ? s.value : ' '))
    .join('');
}

export function normalise(raw: RawPaper, options: CleanOptions = {}): Paper {
  const rawTitle = raw.title;
  const rawAbstract = raw.abstract;
  const title = cleanLatex(unwrapLine(stripInvisible(decodeHTMLStrict(rawTitle))), options);
  const abstract = cleanLatex(
    unwrapParagraphs(stripInvisible(decodeHTMLStrict(rawAbstract))),
    options,
  );
  const arxiv = normaliseArxiv(raw.arxiv);
  const given = [raw.code, raw.url].filter(
    (u): u is string => typeof u === 'string' && u.trim() !== '',
  );
  const links = collectLinks([proseOf(abstract)], given);
  const code = links.find((l) => l.kind === 'code')?.url;
  const date = normaliseDate(raw.date);
  const doi = normaliseDoi(raw.doi);
  const paper: Paper = {
    title,
    abstract,
    rawTitle,
    rawAbstract,
    authors: splitAuthors(raw.authors).map((a) => unwrapLine(stripInvisible(decodeHTMLStrict(a)))),
    links,
    categories: (raw.categories ?? []).map((c) => c.trim()).filter(Boolean),
    topics: (raw.topics ?? []).map((t) => t.trim()).filter(Boolean),
    source: raw.source,
  };
  if (date) paper.date = date;
  if (arxiv) {
    paper.arxiv = arxiv.id;
    if (arxiv.version) paper.arxivVersion = arxiv.version;
  }
  if (doi) paper.doi = doi;
  if (raw.url && raw.url.trim()) paper.url = raw.url.trim();
  if (code) paper.code = code;
  if (raw.upvotes !== undefined && Number.isFinite(raw.upvotes)) paper.upvotes = raw.upvotes;
  return paper;
}
