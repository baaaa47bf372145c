/**
 * Atom feeds, as the arXiv export API returns them
 * (`https://export.arxiv.org/api/query?...`). Parsed with fast-xml-parser
 * after its validator has checked the XML is well formed.
 *
 * Mapping per `<entry>`: `id` (`http://arxiv.org/abs/2405.15738v1`) -> arXiv
 * id and version, `title`, `summary` (or `content`) -> abstract,
 * `author/name` -> authors, `published` (else `updated`) -> date,
 * `arxiv:primary_category` then `category/@term` -> categories, `arxiv:doi`
 * (or the `link title="doi"`) -> DOI, `link rel="alternate"` -> url, and a
 * code repository named in `arxiv:comment` -> code. The line of each entry's
 * `<entry>` tag is its source line.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { RawPaper } from '../../paper.ts';
import { PaperListError } from '../errors.ts';
import { normaliseArxiv, normaliseDoi } from '../fields.ts';
import { classifyUrl, findUrls } from '../links.ts';
import { shorten } from './record.ts';

type Node = Record<string, unknown>;

const ARRAYS = new Set(['entry', 'author', 'link', 'category']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  captureMetaData: true,
  isArray: (name) => ARRAYS.has(name),
});
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** The text of an element: a string, or the `#text` of an element with attributes. */
function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return textOf((v as Node)['#text']);
  return '';
}

const attr = (v: unknown, name: string): string =>
  v && typeof v === 'object' ? textOf((v as Node)[`@_${name}`]) : '';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Line starts, for turning an entry's character offset into its line. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Parses an Atom feed (or a lone `<entry>` document) into raw papers. */
export function parseAtom(text: string, file: string): RawPaper[] {
  if (text.trim() === '') {
    throw new PaperListError(
      file,
      { line: 1 },
      'the file is empty',
      'give an Atom feed (<feed> with <entry> elements)',
    );
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new PaperListError(
      file,
      { line: valid.err.line },
      `malformed XML at column ${valid.err.col}: ${valid.err.msg}`,
      'fix the XML there (an unclosed tag, or a bare & that should be &amp;, is the usual cause)',
    );
  }
  const doc = parser.parse(text) as Node;
  // A feed with no child elements parses to its (blank) text.
  const feed = typeof doc['feed'] === 'string' ? {} : doc['feed'];
  const root = (feed ?? (doc['entry'] ? { entry: doc['entry'] } : undefined)) as Node | undefined;
  if (!root || typeof root !== 'object') {
    const name = Object.keys(doc).find((k) => !k.startsWith('?')) ?? 'nothing';
    throw new PaperListError(
      file,
      { line: 1 },
      `not an Atom feed: the document's root element is <${name}>`,
      'give an Atom feed such as the arXiv API returns (<feed> with <entry> elements)',
    );
  }
  const entries = list(root['entry']) as Node[];
  if (entries.length === 0) {
    throw new PaperListError(
      file,
      { line: 1 },
      'the feed has no entries: no papers',
      'check the query that produced the feed (arXiv returns an empty feed when nothing matches)',
    );
  }
  const lineAt = lineIndex(text);
  return entries.map((entry) => {
    const meta = (entry as Record<symbol, { startIndex?: number } | undefined>)[META];
    const line = meta?.startIndex !== undefined ? lineAt(meta.startIndex) : 1;
    return entryToRaw(entry, file, line);
  });
}

function entryToRaw(entry: Node, file: string, line: number): RawPaper {
  const source = { file, line };
  const id = textOf(entry['id']).trim();
  const title = textOf(entry['title']);
  const abstract = textOf(entry['summary']) || textOf(entry['content']);
  if (
    /arxiv\.org\/api\/errors/i.test(id) ||
    (title.trim() === 'Error' && /^incorrect|^malformed/i.test(abstract.trim()))
  ) {
    throw new PaperListError(
      file,
      source,
      `the feed is an arXiv API error, not a list of papers: ${abstract.trim()}`,
      'fix the query that produced the feed (see the message) and save the feed again',
    );
  }
  if (!title.trim()) {
    throw new PaperListError(
      file,
      source,
      'this entry has no <title>',
      'give every entry a title, or remove it',
    );
  }
  if (!abstract.trim()) {
    throw new PaperListError(
      file,
      source,
      `the entry "${shorten(title)}" has no <summary> (abstract)`,
      'give every entry a <summary>, or remove it',
    );
  }
  const raw: RawPaper = { title, abstract, source };

  const authors = list(entry['author'])
    .map((a) =>
      textOf((a as Node)['name'])
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  if (authors.length > 0) raw.authors = authors;

  const date = textOf(entry['published']) || textOf(entry['updated']);
  if (date.trim()) raw.date = date.trim();

  const links = list(entry['link']);
  const alternate = links.find((l) => attr(l, 'rel') === 'alternate' || attr(l, 'rel') === '');
  const arxiv = normaliseArxiv(id)
    ? id
    : normaliseArxiv(attr(alternate, 'href'))
      ? attr(alternate, 'href')
      : undefined;
  if (arxiv) raw.arxiv = arxiv;
  const url = attr(alternate, 'href') || (/^https?:\/\//.test(id) ? id : '');
  if (url) raw.url = url;

  const doi =
    textOf(entry['doi']).trim() ||
    attr(
      links.find((l) => attr(l, 'title') === 'doi'),
      'href',
    );
  if (doi && normaliseDoi(doi)) raw.doi = doi;

  const categories = [
    attr(entry['primary_category'], 'term'),
    ...list(entry['category']).map((c) => attr(c, 'term')),
  ]
    .map((c) => c.trim())
    .filter((c, i, all) => c !== '' && all.indexOf(c) === i);
  if (categories.length > 0) raw.categories = categories;

  // arXiv comments often name the code: "Code: https://github.com/owner/repo".
  const code = findUrls(textOf(entry['comment'])).find((m) => classifyUrl(m.url).kind === 'code');
  if (code) raw.code = code.url;
  return raw;
}
