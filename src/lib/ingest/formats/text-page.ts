/**
 * Reads a Hugging Face Papers page saved as text: page chrome at the top, then
 * a title line and an abstract line per paper. Tolerates the chrome a saved
 * page carries (anywhere, not only at the top), blank lines and stray
 * whitespace; a line that cannot be placed is a PaperListError naming it.
 */
import { PaperListError } from '../errors.ts';
import type { RawPaper } from '../../paper.ts';

interface Line {
  n: number;
  text: string;
}

const CHROME: RegExp[] = [
  /^get trending papers in your email inbox(?: once a day)?!?$/i,
  /^subscribe$/i,
  /^daily papers$/i,
  /^(?:by\s*)?ak and the research community$/i,
  /^(?:published|submitted) on\b.{0,40}$/i,
  /^submitted by\b.{0,80}$/i,
  // Date lines: `2024-05-27`, `May 27`, `Monday, May 27, 2024`, `27 May 2024`.
  /^\d{4}-\d{2}-\d{2}$/,
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?$/i,
  /^\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?$/i,
  // Author-count and separator lines: `• 12 authors`, `·`, and bare upvote counts.
  /^[•·]\s*(?:\d+\s+authors?)?$/i,
  /^\d+\s+authors?$/i,
  /^[•·\s]+$/,
  /^\d{1,6}$/,
];

function isChrome(text: string): boolean {
  return CHROME.some((re) => re.test(text));
}

/** Sentences in a line, roughly: ends of sentences followed by a capital, plus a final stop. */
function sentences(text: string): number {
  const inner = text.match(/[.!?](?=\s+["'([]?[A-Z])/g)?.length ?? 0;
  return inner + (/[.!?]["')\]]?$/.test(text) ? 1 : 0);
}

/** Long prose: what an abstract looks like and a title never does. */
export function looksLikeAbstract(text: string): boolean {
  return text.length >= 320 || (text.length >= 60 && sentences(text) >= 2);
}

/** Short, at most one sentence: what a title looks like. */
export function looksLikeTitle(text: string): boolean {
  return text.length <= 320 && sentences(text) <= 1 && !looksLikeAbstract(text);
}

function quote(text: string): string {
  return text.length > 60 ? `"${text.slice(0, 57)}…"` : `"${text}"`;
}

/** Parses the text of a saved Hugging Face Papers page into raw papers. */
export function parseTextPage(text: string, file: string): RawPaper[] {
  if (text.trim() === '') {
    throw new PaperListError(
      file,
      { line: 1 },
      'the file is empty',
      'give a list with a title line and an abstract line per paper',
    );
  }
  const rawLines = text.split('\n');
  const all = rawLines.map((t, i) => ({ n: i + 1, text: t.trim() }));
  const content: Line[] = all.filter((l) => l.text !== '' && !isChrome(l.text));
  if (content.length === 0) {
    throw new PaperListError(
      file,
      { line: all.length },
      `no papers: the file holds only page chrome (${all.length} line${all.length === 1 ? '' : 's'})`,
      'save the page again once its paper list has loaded, or give another list',
    );
  }
  const first = content[0];
  // The saved page glues the Subscribe button's label to the first title.
  if (first && /^Subscribe(?=\S)/.test(first.text) && !/^Subscribe[a-z]/.test(first.text)) {
    content[0] = { n: first.n, text: first.text.slice('Subscribe'.length).trim() };
  }

  const papers: RawPaper[] = [];
  for (let i = 0; i < content.length; i += 2) {
    const title = content[i] as Line;
    const abstract = content[i + 1];
    // A paragraph where a title should be is an error, unless a paragraph follows
    // it too: then it is a (very) long title with its abstract.
    if (looksLikeAbstract(title.text) && !(abstract && looksLikeAbstract(abstract.text))) {
      throw new PaperListError(
        file,
        { line: title.n },
        `expected a title but found a paragraph (${title.text.length} characters): ${quote(title.text)}`,
        "put the paper's title on the line before its abstract (or remove the extra abstract line)",
      );
    }
    if (!abstract) {
      throw new PaperListError(
        file,
        { line: title.n },
        `the title ${quote(title.text)} has no abstract: the file ends after it`,
        'add the abstract on the line after the title, or remove the title',
      );
    }
    const next = content[i + 2];
    // A short line where the abstract should be is a second title when a paragraph
    // follows it, or when it is the last line and does not end like a sentence.
    const titleLike = looksLikeTitle(abstract.text);
    if (
      titleLike &&
      (next ? looksLikeAbstract(next.text) : !/[.!?]["')\]]?$/.test(abstract.text))
    ) {
      const gap = rawLines.slice(title.n, abstract.n - 1);
      throw new PaperListError(
        file,
        { line: abstract.n },
        gap.length > 0
          ? `the abstract of ${quote(title.text)} (line ${title.n}) is empty: line ${title.n + 1} is blank`
          : next
            ? `two titles in a row: ${quote(abstract.text)} follows the title at line ${title.n} with no abstract between them`
            : `the title ${quote(abstract.text)} at line ${abstract.n} has no abstract: the file ends after it`,
        next
          ? `give the paper at line ${title.n} its abstract on the next line, or remove that title`
          : 'add the abstract on the line after the last title, or remove that title',
      );
    }
    papers.push({ title: title.text, abstract: abstract.text, source: { file, line: title.n } });
  }
  return papers;
}
