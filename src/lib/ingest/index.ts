/**
 * Ingest: paper list files in, clean Paper records out. The only module here
 * that touches the file system; everything it calls is a pure function.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import katex from 'katex';
import type { Paper, RawPaper } from '../paper.ts';
import { decodeText } from './decode.ts';
import { dedupe } from './dedupe.ts';
import { PaperListError } from './errors.ts';
import { parseTextPage } from './formats/text-page.ts';
import { normalise } from './normalise.ts';
import type { IngestWarning } from './warnings.ts';

export { PaperListError } from './errors.ts';
export { formatWarning, type IngestWarning } from './warnings.ts';

export interface ReadResult {
  papers: Paper[];
  warnings: IngestWarning[];
}

/** Math is kept only where KaTeX can render it; anything else stays prose. */
export function katexAccepts(tex: string): boolean {
  try {
    katex.renderToString(tex, { throwOnError: true, strict: 'ignore', trust: false });
    return true;
  } catch {
    return false;
  }
}

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

/** Parses already-decoded text of one list file. Pure: used by tests and tools. */
export function parseList(text: string, file: string): RawPaper[] {
  return parseTextPage(text, file);
}

/** Reads, parses and normalises paper list files; `display` is how paths appear in messages. */
export async function readPapers(files: string | string[]): Promise<ReadResult> {
  const raws: RawPaper[] = [];
  for (const file of Array.isArray(files) ? files : [files]) {
    const display = path.isAbsolute(file) ? file : path.normalize(file);
    const text = decodeText(await readBytes(file), display);
    raws.push(...parseList(text, display));
  }
  const normalised = raws.map((raw) => normalise(raw, { validMath: katexAccepts }));
  return dedupe(normalised);
}
