/**
 * BibTeX entries built from what the paper list gives.
 *
 * Shape: arXiv's own "Export BibTeX" form, `@misc` with `eprint`,
 * `archivePrefix = {arXiv}` and `primaryClass`, which biblatex prints as a
 * linked `arXiv: 2405.15738 [cs.CV]` and natbib styles print with the URL.
 * Papers without an arXiv id are `@misc` with a `doi` and/or `url`.
 * `{ entryType: 'article' }` gives Google Scholar's form instead,
 * `journal = {arXiv preprint arXiv:ID}`, for classic `.bst` styles that
 * ignore `eprint`.
 */
import type { SluggedPaper } from '../paper.ts';
import { bibName, bibTitle, bibVerbatim, cleanText } from './escape.ts';
import { assignCitationKeys, citationKey, yearOf } from './keys.ts';
import { missingNote } from './plain.ts';

export interface BibtexOptions {
  /** The site's canonical absolute URL of the paper. */
  url: string;
  /** The entry key; default `citationKey(paper)`. Pass the key from `assignCitationKeys` to keep keys unique across a set. */
  key?: string;
  /** `misc` (default, arXiv's export form) or `article` (Google Scholar's form). */
  entryType?: 'misc' | 'article';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The BibTeX month macro of an ISO date (`2024-06-01` -> `jun`), if the month is known. */
export function monthOf(date: string | undefined): string | undefined {
  const m = /^\s*\d{4}-(\d{2})/.exec(date ?? '');
  return m ? MONTHS[Number(m[1]) - 1] : undefined;
}

/** arXiv identifiers: `2405.15738`, `hep-th/9901001`. */
const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Za-z-]+)?\/\d{7})$/;
/** arXiv categories: `cs.CV`, `math.PR`, `hep-th`, `stat.ML`. */
const ARXIV_CATEGORY = /^[a-z-]+(\.[A-Za-z-]+)?$/;

/** One BibTeX entry for `paper`, ending with a newline. */
export function toBibtex(paper: SluggedPaper, opts: BibtexOptions): string {
  const { type, body } = entryParts(paper, opts);
  return `@${type}{${opts.key ?? citationKey(paper)},\n${body}\n}\n`;
}

/** An entry's type and fields: everything but its key. */
function entryParts(paper: SluggedPaper, opts: BibtexOptions): { type: string; body: string } {
  const arxiv = paper.arxiv && ARXIV_ID.test(paper.arxiv.trim()) ? paper.arxiv.trim() : undefined;
  const type = opts.entryType === 'article' && arxiv ? 'article' : 'misc';
  const year = yearOf(paper.date);
  const month = monthOf(paper.date);
  const authors = paper.authors.map((a) => cleanText(a)).filter(Boolean);
  const primaryClass = paper.categories.map((c) => c.trim()).find((c) => ARXIV_CATEGORY.test(c));

  // [name, value, braced]; month is a bare macro.
  const fields: [string, string, boolean][] = [['title', bibTitle(paper.title), true]];
  if (authors.length) fields.push(['author', authors.map(bibName).join(' and '), true]);
  if (type === 'article' && arxiv) fields.push(['journal', `arXiv preprint arXiv:${arxiv}`, true]);
  if (year) fields.push(['year', year, true]);
  if (month) fields.push(['month', month, false]);
  if (type === 'misc' && arxiv) {
    fields.push(['eprint', arxiv, true]);
    fields.push(['archivePrefix', 'arXiv', true]);
    if (primaryClass) fields.push(['primaryClass', primaryClass, true]);
  }
  if (paper.doi) fields.push(['doi', bibVerbatim(paper.doi), true]);
  fields.push(['url', bibVerbatim(opts.url), true]);
  // Said rather than silently missing, so whoever cites knows to look it up.
  const lacks = missingNote(paper);
  if (lacks) fields.push(['note', lacks, true]);

  const body = fields
    .map(([name, value, braced]) => `  ${name} = ${braced ? `{${value}}` : value}`)
    .join(',\n');
  return { type, body };
}

/**
 * Entries already made by `toBibtexFile`, by paper slug, to share across
 * files with the same URLs and entry type: a paper's entry is the same in
 * each of its authors' files (at 74,728 papers, 12.6 s of the staging
 * thread went to making the same entries again).
 */
export type BibtexEntryMemo = Map<string, { type: string; body: string }>;

/**
 * A whole `.bib` file for a set of papers (a topic, search results), keys
 * made unique within the set. `urlFor` gives each paper's canonical URL.
 */
export function toBibtexFile(
  papers: readonly SluggedPaper[],
  urlFor: (paper: SluggedPaper) => string,
  opts: Omit<BibtexOptions, 'url' | 'key'> & { header?: string; memo?: BibtexEntryMemo } = {},
): string {
  const keys = assignCitationKeys(papers);
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const paper of papers) {
    if (seen.has(paper.slug)) continue;
    seen.add(paper.slug);
    let parts = opts.memo?.get(paper.slug);
    if (!parts) {
      parts = entryParts(paper, {
        url: urlFor(paper),
        ...(opts.entryType === undefined ? {} : { entryType: opts.entryType }),
      });
      opts.memo?.set(paper.slug, parts);
    }
    const key = keys.get(paper.slug) ?? citationKey(paper);
    entries.push(`@${parts.type}{${key},\n${parts.body}\n}\n`);
  }
  // Text outside entries is ignored by BibTeX and a `%` comment to biber; on
  // one line and without `@` it can never open an entry.
  const header = opts.header ? `% ${cleanText(opts.header).replace(/[@{}]/g, '')}\n\n` : '';
  return header + entries.join('\n');
}
