/**
 * A plain-text citation in an APA-like style, for copying into documents:
 *
 *   Ge, X., Cheng, S., & Wang, Y. (2024). PDF-WuKong: A Large Multimodal
 *   Model…. arXiv:2405.15738. Paper Browser. https://example.org/papers/pdf-wukong
 *
 * (A DOI, unless it is arXiv's own, comes after the arXiv id as
 * `https://doi.org/…`; the site name only when given.)
 *
 * Authors follow APA 7: one to twenty listed in full (`&` before the last);
 * more than twenty give the first nineteen, an ellipsis, and the last. No
 * authors: the title takes their place, and the citation says so. No year:
 * `(year not given)` rather than APA's `(n.d.)`, which readers take for a
 * missing date in the paper rather than in the list. Math in titles is
 * shown as readable Unicode (`$\ell_p$` -> `ℓₚ`), since the text is pasted
 * where LaTeX does not run.
 */
import type { SluggedPaper } from '../paper.ts';
import { displayText } from '../og/text.ts';
import { cleanText } from './escape.ts';
import { yearOf } from './keys.ts';
import { apaName } from './names.ts';

export interface PlainCitationOptions {
  /** The site's canonical absolute URL of the paper. */
  url: string;
  /** When given, named before the URL as the place the paper was found. */
  siteName?: string;
}

/** APA's author list: `A`, `A, & B`, `A, B, & C`, `A, …, S, . . . Z`. */
export function apaAuthors(authors: readonly string[]): string {
  const names = authors
    .map((a) => cleanText(a))
    .filter(Boolean)
    .map(apaName);
  if (names.length <= 1) return names[0] ?? '';
  if (names.length === 2) return `${names[0]}, & ${names[1]}`;
  if (names.length <= 20) return `${names.slice(0, -1).join(', ')}, & ${names[names.length - 1]}`;
  return `${names.slice(0, 19).join(', ')}, . . . ${names[names.length - 1]}`;
}

/** Ends `text` with a full stop unless it already ends with terminal punctuation. */
function sentence(text: string): string {
  return /[.!?…]$/u.test(text) ? text : `${text}.`;
}

/** What a citation lacks, said in words: `Authors and year not given.` */
export function missingNote(paper: Pick<SluggedPaper, 'authors' | 'date'>): string | undefined {
  const lacks = [
    ...(apaAuthors(paper.authors) ? [] : ['authors']),
    ...(yearOf(paper.date) ? [] : ['year']),
  ];
  if (lacks.length === 0) return undefined;
  const what = lacks.join(' and ');
  return `${what[0]?.toUpperCase()}${what.slice(1)} not given in the list`;
}

/** A one-line APA-like citation of `paper`. */
export function toPlainCitation(paper: SluggedPaper, opts: PlainCitationOptions): string {
  const authors = apaAuthors(paper.authors);
  const title = displayText(paper.title) || paper.slug;
  const year = yearOf(paper.date);
  const parts: string[] = [];
  if (authors) {
    parts.push(sentence(authors), `(${year ?? 'year not given'}).`, sentence(title));
  } else {
    // APA: without authors the title moves to the author position.
    parts.push(sentence(title), year ? `(${year}).` : '');
    parts.push(`${missingNote(paper)}.`);
  }
  const arxiv = paper.arxiv ? cleanText(paper.arxiv) : '';
  if (arxiv) parts.push(`arXiv:${arxiv}.`);
  const doi = paper.doi ? cleanText(paper.doi).replace(/^https?:\/\/(dx\.)?doi\.org\//i, '') : '';
  // arXiv's own DOI (10.48550/arXiv.ID) only repeats the arXiv id.
  if (doi && !(arxiv && doi.toLowerCase() === `10.48550/arxiv.${arxiv.toLowerCase()}`)) {
    parts.push(`https://doi.org/${doi}.`);
  }
  if (opts.siteName) parts.push(sentence(cleanText(opts.siteName)));
  parts.push(cleanText(opts.url));
  return parts.filter(Boolean).join(' ');
}
