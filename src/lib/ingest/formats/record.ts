/**
 * Field-by-name records (JSON, JSON Lines, CSV rows) to raw papers. One
 * mapping for every such format, so a column means the same in a CSV file as a
 * key does in a JSON file. Field names are matched case-insensitively and
 * ignoring `_`, `-` and spaces (`arxiv_id` = `arXivId` = `arxiv id`); unknown
 * fields are ignored.
 */
import type { RawPaper, SourceRef } from '../../paper.ts';
import { PaperListError } from '../errors.ts';
import { cleanTextMode } from '../latex.ts';
import { authorList, isMissingText, labelList, normaliseArxiv, normaliseDoi } from '../fields.ts';

/** Each RawPaper field and the names it may have in a record, the preferred name first. */
export const FIELD_NAMES = {
  title: ['title'],
  abstract: ['abstract', 'summary'],
  authors: ['authors', 'author', 'creators'],
  date: [
    'date',
    'published',
    'publishedat',
    'publicationdate',
    'submitted',
    'year',
    'updated',
    'updatedate',
  ],
  arxiv: ['arxiv', 'arxivid', 'eprint', 'id'],
  doi: ['doi'],
  url: ['url', 'link', 'projectpage', 'homepage'],
  code: ['code', 'github', 'githubrepo', 'repository', 'repo', 'codeurl'],
  topics: ['topics', 'topic', 'tags', 'keywords'],
  categories: ['categories', 'category', 'primarycategory'],
  upvotes: ['upvotes', 'votes'],
} as const satisfies Record<string, readonly string[]>;

export type PaperField = keyof typeof FIELD_NAMES;

/** The form a field name is compared in: `arXiv_ID` -> `arxivid`. */
export function fieldKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

const FIELD_OF = new Map<string, PaperField>();
for (const [field, names] of Object.entries(FIELD_NAMES) as [PaperField, readonly string[]][]) {
  for (const name of names) FIELD_OF.set(name, field);
}

/** Which paper field a record's key or column name feeds, if any. */
export function fieldFor(name: string): PaperField | undefined {
  return FIELD_OF.get(fieldKey(name));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return `a number (${value})`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}

/**
 * Reads named fields into a RawPaper; `source` names the record in errors,
 * which quote each field name as the file spells it. Empty values and export
 * placeholders (`None`, `nan`, `null`) count as absent; authors given as
 * `Last, First` are shown as `First Last`, with TeX accents decoded.
 */
export function recordToRaw(
  record: Readonly<Record<string, unknown>>,
  source: SourceRef,
): RawPaper {
  // The value of each paper field: the first of its names the record has, in preference order.
  const found = new Map<PaperField, { name: string; value: unknown; rank: number }>();
  for (const [name, value] of Object.entries(record)) {
    const key = fieldKey(name);
    const field = FIELD_OF.get(key);
    if (!field) continue;
    if (value === null || value === undefined) continue;
    if (typeof value === 'string' && isMissingText(value)) continue;
    const rank = (FIELD_NAMES[field] as readonly string[]).indexOf(key);
    const prior = found.get(field);
    if (!prior || rank < prior.rank) found.set(field, { name, value, rank });
  }
  const fail = (problem: string, hint: string): never => {
    throw new PaperListError(source.file, source, problem, hint);
  };
  const text = (field: PaperField): string | undefined => {
    const f = found.get(field);
    if (!f) return undefined;
    if (typeof f.value === 'string') return f.value;
    return fail(
      `the "${f.name}" field is ${describe(f.value)}, expected text`,
      `write "${f.name}" as a quoted string`,
    );
  };
  const list = (field: PaperField, spaceSeparated = false): string[] | undefined => {
    const f = found.get(field);
    if (!f) return undefined;
    if (typeof f.value === 'string') return labelList(f.value, spaceSeparated);
    if (Array.isArray(f.value) && f.value.every((v) => typeof v === 'string')) {
      return labelList(f.value as string[]);
    }
    return fail(
      `the "${f.name}" field is ${describe(f.value)}, expected a list of names or text`,
      `write "${f.name}" as a list of strings, or as text separated by ";"`,
    );
  };

  const title = text('title');
  const abstract = text('abstract');
  if (title === undefined || title.trim() === '') {
    fail(
      'this record has no title',
      'give every record a "title" field (records without one cannot be listed)',
    );
  }
  if (abstract === undefined || abstract.trim() === '') {
    fail(
      `the record "${shorten(title ?? '')}" has no abstract`,
      'give every record an "abstract" (or "summary") field',
    );
  }
  const raw: RawPaper = { title: title as string, abstract: abstract as string, source };

  const authors = found.get('authors');
  if (authors) {
    const v = authors.value;
    if (typeof v === 'string') raw.authors = authorList(v).map(texName);
    else if (Array.isArray(v))
      raw.authors = authorList(v.map((a) => nameOf(a, authors.name, fail))).map(texName);
    else {
      fail(
        `the "${authors.name}" field is ${describe(v)}, expected a list of names`,
        `write "${authors.name}" as a list of strings, or as names separated by ";" or " and "`,
      );
    }
  }

  const date = found.get('date');
  if (date) {
    if (typeof date.value === 'number' && Number.isInteger(date.value))
      raw.date = String(date.value);
    else if (typeof date.value === 'string') raw.date = date.value;
    else {
      fail(
        `the "${date.name}" field is ${describe(date.value)}, expected a date`,
        `write "${date.name}" as text such as "2024-05-27"`,
      );
    }
  }

  const arxiv = found.get('arxiv');
  // A field called `id` is the arXiv id only when it looks like one (it may be a row number).
  const isId = arxiv !== undefined && fieldKey(arxiv.name) === 'id';
  if (arxiv && typeof arxiv.value === 'number' && !isId) {
    fail(
      `the "${arxiv.name}" field is a number (${arxiv.value}): an arXiv id written as a number loses its trailing zeros`,
      `write "${arxiv.name}" as a quoted string, e.g. "2405.15730"`,
    );
  }
  if (arxiv && !(isId && typeof arxiv.value !== 'string')) {
    const id = text('arxiv')?.trim() ?? '';
    if (normaliseArxiv(id)) raw.arxiv = id;
    else if (!isId) {
      fail(
        `the "${arxiv.name}" field "${shorten(id)}" is not an arXiv identifier`,
        'write it as e.g. "2405.15738", "2405.15738v2" or "hep-th/9901001" (or leave it empty)',
      );
    }
  }

  const doi = text('doi');
  if (doi !== undefined) {
    if (!normaliseDoi(doi)) {
      fail(
        `the "doi" field "${shorten(doi)}" is not a DOI`,
        'write it as e.g. "10.1145/3534678.3539040" or "https://doi.org/10.1145/..."',
      );
    }
    raw.doi = doi;
  }
  const url = text('url');
  if (url !== undefined) raw.url = url.trim();
  const code = text('code');
  if (code !== undefined) raw.code = code.trim();
  const topics = list('topics');
  if (topics) raw.topics = topics;
  const categories = list('categories', true);
  if (categories) raw.categories = categories;

  const upvotes = found.get('upvotes');
  if (upvotes) {
    const n =
      typeof upvotes.value === 'number'
        ? upvotes.value
        : typeof upvotes.value === 'string' && /^\s*\d+\s*$/.test(upvotes.value)
          ? Number(upvotes.value)
          : NaN;
    if (!Number.isInteger(n) || n < 0) {
      fail(
        `the "${upvotes.name}" field is ${describe(upvotes.value)}, expected a whole number`,
        `write "${upvotes.name}" as a count such as 42`,
      );
    }
    raw.upvotes = n;
  }
  return raw;
}

/** One author from a list item: a name, or an object with a `name` (as the Hugging Face API gives). */
function nameOf(item: unknown, field: string, fail: (p: string, h: string) => never): string {
  if (typeof item === 'string') return item;
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const o = item as Record<string, unknown>;
    for (const k of ['name', 'fullname', 'fullName']) if (typeof o[k] === 'string') return o[k];
    const first = o['firstName'] ?? o['given'];
    const last = o['lastName'] ?? o['family'];
    if (typeof first === 'string' && typeof last === 'string') return `${first} ${last}`;
  }
  return fail(
    `an item of the "${field}" list is ${describe(item)}, expected a name`,
    `write each author as a string, or as an object with a "name"`,
  );
}

/** A name with TeX accents (`Bal\\'azs`, `M{\\"u}ller`, as arXiv metadata writes them) decoded. */
function texName(name: string): string {
  return /[\\{]/.test(name) ? cleanTextMode(name).normalize('NFC') : name;
}

export function shorten(text: string, max = 60): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
