/**
 * Abstracts live beside Astro's content store, not in it. Astro compiles its
 * whole store into one JavaScript module at build time, and that compile grows
 * faster than the store: at 74,728 papers (229 MB, mostly abstracts) it took
 * 60-125 s, longer than all other stages together. The store keeps each
 * paper's metadata and `contentDigest`; this file keeps the abstract fields,
 * keyed by that digest, written by the build pipeline's text stage and read
 * once by the collection model.
 *
 * Format: one JSON array per line, `[digest, abstract, rawAbstract,
 * plainAbstract, abstractHtml]`, the fields as `storedTexts` leaves them (compact.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../atomic-write.ts';
import { listCacheFile } from '../list-cache.ts';
import type { StoredPaper } from './schema.ts';

export const ABSTRACT_FIELDS = [
  'abstract',
  'rawAbstract',
  'plainAbstract',
  'abstractHtml',
] as const;

export type AbstractFields = Pick<StoredPaper, (typeof ABSTRACT_FIELDS)[number]>;

/** Where the abstracts of the list whose permalinks are kept in `registryFile` go. */
export function abstractsFile(cacheDir: string, registryFile: string): string {
  return listCacheFile(cacheDir, 'abstracts', registryFile, 'jsonl');
}

/** Splits a stored record into what Astro's store keeps and what this file keeps. */
export function splitAbstract<T extends AbstractFields>(
  record: T,
): { rest: Omit<T, keyof AbstractFields>; fields: AbstractFields } {
  const { abstract, rawAbstract, plainAbstract, abstractHtml, ...rest } = record;
  return { rest, fields: { abstract, rawAbstract, plainAbstract, abstractHtml } };
}

export function serializeAbstracts(entries: Iterable<[string, AbstractFields]>): string {
  let out = '';
  for (const [digest, f] of entries)
    out += `${JSON.stringify([digest, f.abstract, f.rawAbstract, f.plainAbstract, f.abstractHtml])}\n`;
  return out;
}

/** Parses the file's text; `file` names it in errors. */
export function parseAbstracts(text: string, file: string): Map<string, AbstractFields> {
  const out = new Map<string, AbstractFields>();
  let line = 0;
  for (const row of text.split('\n')) {
    line += 1;
    if (row === '') continue;
    const cells: unknown = JSON.parse(row);
    if (
      !Array.isArray(cells) ||
      cells.length !== 5 ||
      !cells.every((c): c is string => typeof c === 'string')
    )
      throw new Error(`${file}:${line}: not an abstracts record`);
    const [digest, abstract, rawAbstract, plainAbstract, abstractHtml] = cells as string[];
    out.set(digest as string, {
      abstract: abstract as string,
      rawAbstract: rawAbstract as string,
      plainAbstract: plainAbstract as string,
      abstractHtml: abstractHtml as string,
    });
  }
  return out;
}

/** The abstracts of the last load, or an empty map when there is no file (a cold build). */
export function readAbstracts(file: string): Map<string, AbstractFields> {
  if (!existsSync(file)) return new Map();
  return parseAbstracts(readFileSync(file, 'utf8'), file);
}

/** Writes the file atomically: a reader sees the previous load's file or this one, never half. */
export function writeAbstracts(file: string, entries: Iterable<[string, AbstractFields]>): void {
  writeFileAtomic(file, serializeAbstracts(entries));
}

/** Abstracts read by digest from the file, one line at a time. */
export interface AbstractsByKey {
  has(digest: string): boolean;
  get(digest: string): AbstractFields | undefined;
}

const NEWLINE = 0x0a;

/**
 * Opens the abstracts file for reads by digest. The file's bytes are held
 * in one Buffer, outside V8's heap, so the garbage collector never walks
 * them (~170 MB at 74,728 papers), and only each line's offset is kept as
 * a JavaScript value: an abstract becomes strings only while a page needs
 * it. Reading each abstract from the file instead cost a system call a
 * card, 13 s of a rendering thread's 494 s at 74,728 papers.
 */
export function openAbstracts(file: string): AbstractsByKey {
  const bytes = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
  const where = new Map<string, [number, number]>();
  // Each line starts `["<digest>",`.
  for (let start = 0, end; (end = bytes.indexOf(NEWLINE, start)) !== -1; start = end + 1) {
    const close = bytes.indexOf(0x22, start + 2); // the digest's closing quote
    where.set(bytes.toString('latin1', start + 2, close), [start, end]);
  }
  // No cache here: the model keeps the recent papers' fields (model.ts).
  return {
    has: (digest) => where.has(digest),
    get(digest) {
      const at = where.get(digest);
      if (!at) return undefined;
      return parseAbstracts(bytes.toString('utf8', at[0], at[1]), file).get(digest);
    },
  };
}
