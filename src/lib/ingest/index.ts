/**
 * Ingest: paper list files in, clean Paper records out. The only module here
 * that touches the file system (and decompresses); the format readers it
 * calls are pure functions of the decoded text.
 *
 * Formats (see formats/detect.ts): the plain text page, JSON (Hugging Face
 * API items and papers, or field-by-name records), JSON Lines, CSV/TSV with a
 * header, BibTeX and Atom XML (the arXiv API), each optionally gzipped.
 */
import { statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { globSync, isDynamicPattern } from 'tinyglobby';
import type { Paper, RawPaper } from '../paper.ts';
import { decodeText } from './decode.ts';
import { dedupe } from './dedupe.ts';
import { PaperListError } from './errors.ts';
import { parseAtom } from './formats/atom.ts';
import { parseBibtex } from './formats/bibtex.ts';
import { parseCsv } from './formats/csv.ts';
import {
  detectFormat,
  formatFromName,
  isGzipName,
  sniffFormat,
  type Format,
} from './formats/detect.ts';
import { parseJson, parseJsonLines } from './formats/json.ts';
import { parseTextPage } from './formats/text-page.ts';
import { normaliseAll } from './normalise-all.ts';
import type { IngestWarning } from './warnings.ts';

export { PaperListError } from './errors.ts';
export { formatWarning, type IngestWarning } from './warnings.ts';
export { detectFormat, FORMAT_NAMES, type Format } from './formats/detect.ts';

export interface ReadResult {
  papers: Paper[];
  warnings: IngestWarning[];
}

export { katexAccepts } from './katex-accepts.ts';

/** Reads one file's bytes, with errors that say what is wrong with the path. */
async function readBytes(file: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new PaperListError(
      file,
      {},
      'no such file',
      'check the path (relative paths are taken from the current directory)',
    );
  }
  if (info.isDirectory()) {
    throw new PaperListError(
      file,
      {},
      'this is a folder, not a file',
      'give the path of the list file inside it',
    );
  }
  return readFile(file);
}

/**
 * Parses already-decoded text of one list file, in the format its name or
 * content says (or the one given). Pure: used by tests and tools.
 */
export function parseList(
  text: string,
  file: string,
  format: Format = detectFormat(file, text),
): RawPaper[] {
  switch (format) {
    case 'text':
      return parseTextPage(text, file);
    case 'json':
      return parseJson(text, file);
    case 'jsonl':
      return parseJsonLines(text, file);
    case 'csv':
      return parseCsv(text, file);
    case 'tsv':
      return parseCsv(text, file, '\t');
    case 'bibtex':
      return parseBibtex(text, file);
    case 'atom':
      return parseAtom(text, file);
  }
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** The file's bytes, decompressed when it is gzip (by name or by its magic number). */
function gunzipped(bytes: Uint8Array, file: string): Uint8Array {
  const magic = bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
  if (!magic && !isGzipName(file)) return bytes;
  if (!magic) {
    throw new PaperListError(
      file,
      {},
      'the name ends in .gz but the file is not gzip-compressed',
      'compress it with `gzip`, or drop the .gz from its name',
    );
  }
  try {
    return gunzipSync(bytes);
  } catch (e) {
    throw new PaperListError(
      file,
      {},
      `the gzip data is damaged: ${e instanceof Error ? e.message : String(e)}`,
      'download or compress the file again',
    );
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a list's bytes and settles its format. Plain text pages go through
 * `decodeText` unchanged (with its line-length limit); the structured formats
 * (where a whole file may be one long line) through the native strict decoder,
 * falling back to `decodeText` only to report where invalid UTF-8 or a NUL is.
 */
export function decodeList(bytes: Uint8Array, file: string): { text: string; format: Format } {
  const named = formatFromName(file);
  if (named === 'text') return { text: decodeText(bytes, file), format: named };
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { text: decodeText(bytes, file), format: named ?? 'text' };
  }
  if (bytes.indexOf(0) !== -1) decodeText(bytes, file);
  text = text.replace(/^\uFEFF/, '');
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  const format = named ?? sniffFormat(text);
  if (format === 'text') return { text: decodeText(bytes, file), format };
  return { text, format };
}

/** Reads, parses and normalises paper list files, merging duplicates across them. */
export async function readPapers(files: string | string[]): Promise<ReadResult> {
  const raws: RawPaper[] = [];
  for (const file of Array.isArray(files) ? files : [files]) {
    const display = path.isAbsolute(file) ? file : path.normalize(file);
    const { text, format } = decodeList(gunzipped(await readBytes(file), display), display);
    for (const raw of parseList(text, display, format)) raws.push(raw);
  }
  return dedupe(await normaliseAll(raws));
}

/** Splits a PAPERS value on commas and newlines, but not on commas inside `{a,b}` braces. */
function splitSpec(spec: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of spec) {
    if (c === '{') depth += 1;
    else if (c === '}') depth = Math.max(0, depth - 1);
    if (c === '\n' || (c === ',' && depth === 0)) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** A path for reading and for messages: relative to the working directory when inside it. */
function displayPath(absolute: string): string {
  const rel = path.relative(process.cwd(), absolute);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
}

/**
 * The list files a `PAPERS` value names: paths separated by commas or
 * newlines, each possibly a glob (`lists/*.json`, `papers/{a,b}.bib`), taken
 * from `cwd`. Glob matches are sorted (by code point) so builds are
 * deterministic; a path given literally is kept in place even if it does not
 * exist (readPapers reports it). A glob that matches no file is a
 * PaperListError. Repeated files are listed once.
 */
export function expandPaperPaths(spec: string, cwd: string): string[] {
  const entries = splitSpec(spec);
  if (entries.length === 0) {
    throw new PaperListError(
      spec,
      {},
      'no paper list named',
      'set PAPERS to a path, or to several separated by commas (globs such as lists/*.json work)',
    );
  }
  const out: string[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const absolute = path.resolve(cwd, entry);
    // A path that exists as written is taken literally, even if it has glob characters.
    let literal = !isDynamicPattern(entry);
    if (!literal) {
      try {
        statSync(absolute);
        literal = true;
      } catch {
        // Not a file of that name: a pattern.
      }
    }
    const matches = literal
      ? [absolute]
      : globSync(entry, { cwd, absolute: true, onlyFiles: true, expandDirectories: false })
          .map((m) => path.resolve(m))
          .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (matches.length === 0) {
      throw new PaperListError(
        entry,
        {},
        `no file matches this pattern (looked in ${cwd})`,
        'check the pattern and the directory it is taken from, or give the path of a list file',
      );
    }
    for (const m of matches) {
      if (seen.has(m)) continue;
      seen.add(m);
      out.push(displayPath(m));
    }
  }
  return out;
}
