/**
 * BibTeX / BibLaTeX paper lists, as Zotero, Google Scholar and arXiv export
 * them. Parsing (entries, `@string`s, concatenation, name lists, LaTeX in
 * names) is @retorquere/bibtex-parser's, the parser behind Better BibTeX.
 *
 * Titles and abstracts are taken verbatim and cleaned by the same LaTeX
 * cleaner as every other format (normalise.ts), so their math stays math for
 * KaTeX; here only BibTeX's own markup is removed first: case-protecting
 * braces around math (`{$x$}`) and old-style font switches (`{\em x}`).
 *
 * Mapping: `title`, `abstract`, `author` (names shown as "First Last", with
 * `von` parts and `Jr.` kept: `van der Berg, Jan` -> `Jan van der Berg`),
 * `date` or `year`+`month`(+`day`), the arXiv id from `eprint` (with
 * `archivePrefix`/`eprinttype` arXiv), or else from `journal`/`note`/`url`/a
 * `10.48550/arXiv.` DOI, `doi`, `url`, `primaryClass` -> categories,
 * `keywords` -> topics. Every entry needs a title and an abstract.
 */
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import type { RawPaper } from '../../paper.ts';
import { PaperListError } from '../errors.ts';
import { normaliseArxiv } from '../fields.ts';
import { shorten } from './record.ts';

/** Strips BibTeX-only markup from a verbatim title or abstract, leaving LaTeX for the cleaner. */
export function stripBibtexMarkup(text: string): string {
  let s = text;
  for (let before = ''; before !== s;) {
    before = s;
    s = s
      // `{$x^2$}`: braces that only protect math from case changes.
      .replace(/\{(\$[^{}$]*(?:\{[^{}$]*\}[^{}$]*)*\$)\}/g, '$1')
      // `{\em text}`, `{\bf text}`: old font switches, the text kept.
      .replace(
        /\{\\(?:em|it|bf|sc|sl|tt|rm|sf|small|footnotesize|large|Large)\s+([^{}]*)\}/g,
        '$1',
      );
  }
  // `\\` (a forced line break) and `\newline` are a space in running text.
  return s.replace(/\\\\|\\newline\b/g, ' ');
}

/** `First von Last, Jr.` as one display name. */
export function creatorName(c: Creator): string {
  const name = c.name
    ? c.name.trim()
    : [c.firstName, c.prefix, c.lastName, c.suffix].filter((p) => p && p.trim()).join(' ');
  // The parser decodes accents as combining marks (`a` + U+0301); show them composed.
  return name.normalize('NFC');
}

const ARXIV_IN_TEXT =
  /arxiv[:\s]\s*(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?)/i;

function arxivOf(f: Record<string, unknown>): string | undefined {
  const s = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : undefined);
  const eprint = s('eprint');
  const prefix = (s('archiveprefix') ?? s('eprinttype') ?? '').toLowerCase();
  if (eprint && (prefix === 'arxiv' || (prefix === '' && normaliseArxiv(eprint)))) {
    if (normaliseArxiv(eprint)) return eprint.trim();
  }
  for (const k of ['journal', 'journaltitle', 'note', 'howpublished', 'number']) {
    const m = ARXIV_IN_TEXT.exec(s(k) ?? '');
    if (m?.[1]) return m[1];
  }
  const url = s('url');
  if (url && normaliseArxiv(url)) return url;
  const doi = /10\.48550\/arxiv\.(\S+)$/i.exec(s('doi') ?? '');
  if (doi?.[1] && normaliseArxiv(doi[1])) return doi[1];
  return undefined;
}

function dateOf(f: Record<string, unknown>): string | undefined {
  const s = (k: string) => (typeof f[k] === 'string' ? (f[k] as string).trim() : '');
  if (s('date')) return s('date');
  const year = s('year');
  if (!/^\d{4}$/.test(year)) return year || undefined;
  const month = s('month');
  if (!month) return year;
  // The parser turns `month = may` into `5`; a written month name stays text.
  if (/^\d{1,2}$/.test(month)) {
    const day = s('day');
    return `${year}-${month.padStart(2, '0')}${/^\d{1,2}$/.test(day) ? `-${day.padStart(2, '0')}` : ''}`;
  }
  return `${month} ${year}`;
}

/** Line of an entry's `@type{key` in the source, for parse errors without an entry key. */
function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/** Parses BibTeX text into raw papers; every fault names the entry key (or the line). */
export function parseBibtex(text: string, file: string): RawPaper[] {
  if (text.trim() === '') {
    throw new PaperListError(
      file,
      { line: 1 },
      'the file is empty',
      'give BibTeX entries (@article{key, ...})',
    );
  }
  const library = parse(text, {
    english: false,
    sentenceCase: false,
    caseProtection: false,
    unsupported: 'ignore',
    fieldMode: { title: 'verbatim', abstract: 'verbatim' },
  });
  const error = library.errors[0];
  if (error) {
    const at = /at line (\d+)(?:, column (\d+))?/.exec(error.error);
    const key = /^\s*@\w+\s*[{(]\s*([^,\s]+)\s*,/.exec(error.input ?? '')?.[1];
    const start = error.input ? text.indexOf(error.input.slice(0, 80)) : -1;
    const line = start !== -1 ? lineOfOffset(text, start) : at?.[1] ? Number(at[1]) : undefined;
    throw new PaperListError(
      file,
      line !== undefined ? { line } : key !== undefined ? { key } : {},
      `BibTeX syntax error${key ? ` in entry "${key}"` : ''}: ${error.error
        .replace(/\s*at line \d+(?:, column \d+)?(?: in "[^"]*")?/, '')
        .replace(
          /\.\.\.\s*$/,
          '',
        )}${at?.[1] && line !== Number(at[1]) ? ` (noticed at line ${at[1]})` : ''}`,
      'check the braces and quotes of that entry: every { needs its }, and fields are separated by commas',
    );
  }
  if (library.entries.length === 0) {
    throw new PaperListError(
      file,
      { line: 1 },
      'no BibTeX entries found',
      'give entries such as @article{key, title = {...}, abstract = {...}}',
    );
  }
  return library.entries.map((entry) => entryToRaw(entry, file));
}

function entryToRaw(entry: Entry, file: string): RawPaper {
  const f = entry.fields as unknown as Record<string, unknown>;
  const source = { file, key: entry.key };
  const str = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : undefined);
  const title = str('title');
  const abstract = str('abstract');
  if (!title?.trim()) {
    throw new PaperListError(
      file,
      source,
      `the @${entry.type} entry has no title`,
      'add a title = {...} field to the entry, or remove it',
    );
  }
  if (!abstract?.trim()) {
    throw new PaperListError(
      file,
      source,
      `the @${entry.type} entry "${shorten(title)}" has no abstract`,
      'add an abstract = {...} field (Google Scholar exports leave it out; Zotero and arXiv include it)',
    );
  }
  const raw: RawPaper = {
    title: stripBibtexMarkup(title),
    abstract: stripBibtexMarkup(abstract),
    source,
  };
  const authors = entry.fields.author;
  if (authors && authors.length > 0) raw.authors = authors.map(creatorName).filter(Boolean);
  const date = dateOf(f);
  if (date) raw.date = date;
  const arxiv = arxivOf(f);
  if (arxiv) raw.arxiv = arxiv;
  const doi = str('doi');
  if (doi?.trim()) raw.doi = doi.trim();
  const url = str('url');
  if (url?.trim()) raw.url = url.trim();
  const primary = str('primaryclass');
  if (primary?.trim()) raw.categories = [primary.trim()];
  const keywords = entry.fields.keywords;
  if (keywords && keywords.length > 0) raw.topics = keywords.map((k) => k.trim()).filter(Boolean);
  return raw;
}
