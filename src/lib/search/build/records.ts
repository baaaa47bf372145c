/**
 * The files that describe documents rather than words: the document
 * records (what a hit shows), topic codes (facets and the topic filter),
 * title ranks (sort by title) and the years as ranges of internal ids.
 */
import { codeWidth, encodeCode, type DocRecord } from '../format.ts';
import type { SearchAuthor, SearchDoc, SearchIndexFile, SearchOptions } from '../types.ts';
import { compareStrings } from '../format.ts';

function yearOf(date: string | undefined): number | undefined {
  const m = date ? /^(\d{4})/u.exec(date) : null;
  return m ? Number(m[1]) : undefined;
}

/** `text` with white space runs as single spaces, trimmed (a clean text is returned as is, unallocated). */
function squeeze(text: string): string {
  return /^\s|\s$|\s\s|[^\S ]/u.test(text) ? text.replace(/\s+/gu, ' ').trim() : text;
}

/** Appends the record files to `files`; returns the documents a file holds. */
export function recordFiles(
  sorted: readonly SearchDoc[],
  opt: SearchOptions,
  files: SearchIndexFile[],
  authors: readonly SearchAuthor[] = [],
): number {
  // The page slug of each shown author, when any of them has a page.
  const slugsOf = (d: SearchDoc): string[] | undefined => {
    const slugs = (d.people ?? []).slice(0, opt.maxAuthors).map((id) => authors[id]?.slug ?? '');
    return slugs.some(Boolean) ? slugs : undefined;
  };
  const n = sorted.length;
  // Auto: 4 records a file, more from ~19,000 documents on, so that the
  // records stay under ~4,700 files (16 a file at 74,728).
  const docChunk = opt.docChunk > 0 ? opt.docChunk : Math.min(32, Math.max(4, Math.ceil(n / 4700)));
  const chunks = Math.ceil(n / docChunk);
  for (let c = 0; c < chunks; c++) {
    const records: DocRecord[] = sorted
      .slice(c * docChunk, (c + 1) * docChunk)
      .map((d): DocRecord => {
        const record: DocRecord = [
          d.id,
          d.slug,
          d.title,
          (d.authors ?? []).slice(0, opt.maxAuthors),
          d.authors?.length ?? 0,
          d.date ?? '',
          d.topics ?? [],
          squeeze(d.abstract),
        ];
        const slugs = slugsOf(d);
        if (slugs) record.push(slugs);
        return record;
      });
    files.push({ path: `d/${c}.json`, body: JSON.stringify(records) });
  }
  return docChunk;
}

/** `[year, first internal id]` of every year, ascending (documents are in date order). */
export function yearRanges(sorted: readonly SearchDoc[]): [number, number][] {
  const n = sorted.length;
  const years: [number, number][] = [];
  for (let id = 0; id < n; id++) {
    const y = yearOf(sorted[id]?.date);
    if (
      y !== undefined &&
      (years.length === 0 || (years[years.length - 1] as [number, number])[0] !== y)
    ) {
      years.push([y, id]);
    }
  }
  return years;
}

/** Appends `topics.txt` (when there are topics); returns the topic names it refers to. */
export function topicFile(sorted: readonly SearchDoc[], files: SearchIndexFile[]): string[] {
  const topicNames = [...new Set(sorted.flatMap((d) => d.topics ?? []))].sort(compareStrings);
  const topicIndex = new Map(topicNames.map((t, i) => [t, i]));
  const tw = codeWidth(topicNames.length);
  if (topicNames.length) {
    files.push({
      path: 'topics.txt',
      body: sorted
        .map((d) => (d.topics ?? []).map((t) => encodeCode(topicIndex.get(t) ?? 0, tw)).join(''))
        .join(' '),
    });
  }
  return topicNames;
}

/** Appends `title.txt` given each document's folded title; returns the width of a rank. */
export function titleRankFile(titles: readonly string[], files: SearchIndexFile[]): number {
  const n = titles.length;
  const byTitle = titles
    .map((title, id) => ({ id, title }))
    .sort((a, b) => compareStrings(a.title, b.title) || a.id - b.id);
  const rank = new Array<number>(n).fill(0);
  byTitle.forEach((e, r) => (rank[e.id] = r));
  const rw = codeWidth(Math.max(1, n));
  files.push({ path: 'title.txt', body: rank.map((r) => encodeCode(r, rw)).join('') });
  return rw;
}
