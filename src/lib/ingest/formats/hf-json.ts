/**
 * The Hugging Face Papers API's JSON: the daily-papers list and the
 * paper-search results (arrays of `{paper: {...}, title, summary, ...}`
 * items), and bare paper objects (`/api/papers/{id}`, or an array of them).
 *
 * Mapping: `paper.id` -> arXiv id, `title`, `summary` -> abstract,
 * `authors[].name` -> authors, `publishedAt` -> date, `upvotes`,
 * `githubRepo` -> code, `projectPage` -> url (a project link). The item's own
 * `title`/`summary`/`publishedAt` are used only when the paper lacks them.
 * Everything else (`ai_summary`, `ai_keywords`, media, submitter) is ignored.
 */
import type { RawPaper, SourceRef } from '../../paper.ts';
import { PaperListError } from '../errors.ts';
import { normaliseArxiv } from '../fields.ts';
import { shorten } from './record.ts';

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A daily-papers or search-result item: `{paper: {...}, ...}`. */
export function isHfItem(v: unknown): v is Obj & { paper: Obj } {
  return isObject(v) && isObject(v['paper']);
}

/** A bare Hugging Face paper object: `summary` (not `abstract`), `id`, and authors as objects. */
export function isHfPaper(v: unknown): v is Obj {
  if (!isObject(v) || !('summary' in v) || 'abstract' in v || typeof v['id'] !== 'string')
    return false;
  const authors = v['authors'];
  return (
    'upvotes' in v ||
    'publishedAt' in v ||
    (Array.isArray(authors) && authors.length > 0 && authors.every(isObject))
  );
}

/** Reads one daily/search item, or one bare paper object. */
export function hfToRaw(value: Obj, source: SourceRef): RawPaper {
  const item = isHfItem(value) ? value : undefined;
  const paper = item ? item.paper : value;
  const fail = (problem: string, hint: string): never => {
    throw new PaperListError(source.file, source, problem, hint);
  };
  const str = (o: Obj | undefined, k: string): string | undefined => {
    const v = o?.[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    return fail(
      `the "${k}" field is ${Array.isArray(v) ? 'a list' : typeof v}, expected text`,
      'give the file as the Hugging Face API returned it',
    );
  };

  const title = str(paper, 'title') ?? str(item, 'title');
  const abstract = str(paper, 'summary') ?? str(item, 'summary');
  if (!title?.trim()) {
    fail('this paper has no title', 'give every paper a "title" (or remove the item)');
  }
  if (!abstract?.trim()) {
    fail(
      `the paper "${shorten(title ?? '')}" has no summary (abstract)`,
      'give every paper a "summary" (or remove the item)',
    );
  }
  const raw: RawPaper = { title: title as string, abstract: abstract as string, source };

  const authors = paper['authors'];
  if (Array.isArray(authors)) {
    raw.authors = authors
      .map((a) =>
        typeof a === 'string' ? a : isObject(a) && typeof a['name'] === 'string' ? a['name'] : '',
      )
      .filter((a) => a.trim() !== '');
  } else if (authors !== undefined && authors !== null) {
    fail('the "authors" field is not a list', 'give authors as a list of {"name": ...} objects');
  }
  const id = str(paper, 'id');
  if (id && normaliseArxiv(id)) raw.arxiv = id;
  const date = str(paper, 'publishedAt') ?? str(item, 'publishedAt');
  if (date) raw.date = date;
  const code = str(paper, 'githubRepo');
  if (code?.trim()) raw.code = code.trim();
  const project = str(paper, 'projectPage');
  if (project?.trim()) raw.url = project.trim();
  const upvotes = paper['upvotes'];
  if (typeof upvotes === 'number' && Number.isInteger(upvotes) && upvotes >= 0)
    raw.upvotes = upvotes;
  else if (upvotes !== undefined && upvotes !== null) {
    fail(
      `the "upvotes" field is ${JSON.stringify(upvotes)}, expected a whole number`,
      'give upvotes as a count',
    );
  }
  return raw;
}

/** `record 3, arXiv 2405.15738`: how a JSON item is named in messages. */
export function hfKey(index: number, value: unknown): string {
  const paper = isHfItem(value) ? value.paper : isObject(value) ? value : undefined;
  const id = paper?.['id'];
  return typeof id === 'string' && normaliseArxiv(id)
    ? `record ${index + 1}, arXiv ${id}`
    : `record ${index + 1}`;
}
