/**
 * Which format a paper list is in: from its name's extension first (under a
 * `.gz`), else from its content.
 */
import { fieldFor } from './record.ts';

export type Format = 'text' | 'json' | 'jsonl' | 'csv' | 'tsv' | 'bibtex' | 'atom';

const EXTENSIONS: Record<string, Format> = {
  txt: 'text',
  text: 'text',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  csv: 'csv',
  tsv: 'tsv',
  bib: 'bibtex',
  bibtex: 'bibtex',
  xml: 'atom',
  atom: 'atom',
};

export const FORMAT_NAMES: Record<Format, string> = {
  text: 'plain text page',
  json: 'JSON',
  jsonl: 'JSON Lines',
  csv: 'CSV',
  tsv: 'TSV',
  bibtex: 'BibTeX',
  atom: 'Atom XML',
};

/** Is the file named as gzip-compressed? */
export function isGzipName(file: string): boolean {
  return /\.gz$/i.test(file);
}

/** The format a file name says, looking under a `.gz`; undefined when the name does not say. */
export function formatFromName(file: string): Format | undefined {
  const base = file.replace(/\.gz$/i, '');
  const ext = /\.([A-Za-z0-9]+)$/.exec(base)?.[1]?.toLowerCase();
  return ext ? EXTENSIONS[ext] : undefined;
}

/** The format a list's text looks like. Plain text is the fallback. */
export function sniffFormat(text: string): Format {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  const first = start[0];
  if (first === '[') return 'json';
  if (first === '{') {
    const nl = start.indexOf('\n');
    if (
      nl !== -1 &&
      start
        .slice(nl + 1)
        .trimStart()
        .startsWith('{')
    ) {
      try {
        JSON.parse(start.slice(0, nl));
        return 'jsonl';
      } catch {
        // Not a whole record on the first line: a (pretty-printed) JSON document.
      }
    }
    return 'json';
  }
  if (/^<(?:\?xml|feed\b|entry\b|!--)/.test(start)) return 'atom';
  // BibTeX: an entry, possibly after `%` comment lines.
  if (/^(?:%[^\n]*\n\s*)*@[A-Za-z]+\s*[{(]/.test(start)) return 'bibtex';
  const header = start.slice(0, start.indexOf('\n') === -1 ? start.length : start.indexOf('\n'));
  for (const [d, format] of [
    ['\t', 'tsv'],
    [',', 'csv'],
    [';', 'csv'],
  ] as const) {
    // A `title` column and at least one other known column: `Title, a study` is prose.
    const fields = header.split(d).map((c) => fieldFor(c.replace(/^\s*"?|"?\s*$/g, '')));
    if (fields.includes('title') && fields.filter((f) => f !== undefined).length > 1) return format;
  }
  return 'text';
}

/** The format of a list: its extension when it has a known one, else its content. */
export function detectFormat(file: string, text: string): Format {
  return formatFromName(file) ?? sniffFormat(text);
}
