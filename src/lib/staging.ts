/**
 * Output files a background worker prepares beside the build (the papers'
 * JSON twins, the `/abs/<arXiv id>/` redirects, the search index files, and
 * each author's feed and BibTeX):
 * written into a staging folder in the cache, and hard-linked into the built
 * site when the build ends. Through Astro's route pipeline
 * each such file cost ~1 ms, a second write into Astro's incremental cache,
 * and a copy on every rebuild; at 75,000 papers a link costs ~15 µs.
 *
 * Hand-written because what it needs is specific: only files whose text
 * changed are rewritten, each by rename (a new inode, so a site that still
 * links the old file keeps it), and files no longer staged are removed.
 */
import { createHash } from 'node:crypto';
import {
  constants,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { listCacheFile } from './list-cache.ts';

export interface StagedFile {
  /** Path in the built site, relative to its root, with `/` separators. */
  path: string;
  body: string;
}

const MANIFEST = '.manifest.json';

/** What is staged, as build reports name it. */
export const STAGED_WHAT =
  'paper twins (JSON), /abs/ redirects, search index, author feeds and BibTeX, author redirects';

/**
 * Where a list's files are staged for its builds: one folder per list and
 * part (the search index is staged by a stage of its own).
 */
export function stagingDir(
  cacheDir: string,
  registryFile: string,
  part: 'files' | 'search' = 'files',
): string {
  return listCacheFile(cacheDir, 'staged', registryFile, part);
}

type Manifest = Record<string, string>;

const digestOf = (body: string) => createHash('sha1').update(body).digest('base64url');

function safePath(dir: string, file: string): string {
  const parts = file.split('/');
  if (file === '' || parts.some((p) => p === '' || p === '.' || p === '..' || p.startsWith('.')))
    throw new Error(`cannot stage "${file}": not a plain relative path`);
  return path.join(dir, ...parts);
}

function readManifest(dir: string): Manifest {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Manifest) : {};
  } catch {
    return {}; // None yet, or damaged: everything is written again.
  }
}

function writeAtomically(file: string, body: string): void {
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, body);
  renameSync(temp, file);
}

/**
 * Makes `dir` hold exactly `files`: writes those that are new or changed,
 * keeps the rest untouched, removes those no longer listed. `files` may be
 * made as they are written (an async generator), so they are never all in
 * memory at once.
 */
export async function stageFiles(
  dir: string,
  files: Iterable<StagedFile> | AsyncIterable<StagedFile>,
): Promise<{ written: number; kept: number; removed: number }> {
  mkdirSync(dir, { recursive: true });
  const before = readManifest(dir);
  const after: Manifest = {};
  const folders = new Set<string>();
  let written = 0;
  let kept = 0;
  for await (const file of files) {
    const target = safePath(dir, file.path);
    if (file.path in after) throw new Error(`cannot stage "${file.path}" twice`);
    const digest = digestOf(file.body);
    after[file.path] = digest;
    if (before[file.path] === digest && existsSync(target)) {
      kept += 1;
      continue;
    }
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeAtomically(target, file.body);
    written += 1;
  }
  let removed = 0;
  for (const old of Object.keys(before)) {
    if (old in after) continue;
    rmSync(safePath(dir, old), { force: true });
    removed += 1;
  }
  writeAtomically(path.join(dir, MANIFEST), JSON.stringify(after));
  return { written, kept, removed };
}

/** The paths staged in `dir` (empty when nothing was staged). */
export function stagedPaths(dir: string): string[] {
  return Object.keys(readManifest(dir));
}

const CANNOT_LINK = new Set(['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP', 'EOPNOTSUPP']);

const alreadyWritten = (to: string) => new Error(`${to}: the build already wrote this file`);

/**
 * Puts every staged file into `outDir`: hard links, or copies where the two
 * folders cannot share files (another file system). A file already in
 * `outDir` is an error: two parts of the build would claim the same URL.
 * Link and copy refuse an existing target themselves, so no check beforehand:
 * that was 155,000 more calls into the file system at 74,728 papers (0.9 s
 * of a profiled rebuild).
 */
export function linkStaged(dir: string, outDir: string): { files: number; copied: boolean } {
  const folders = new Set<string>();
  let copy = false;
  const paths = stagedPaths(dir);
  for (const file of paths) {
    const from = safePath(dir, file);
    const to = safePath(outDir, file);
    const folder = path.dirname(to);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    try {
      if (copy) copyFileSync(from, to, constants.COPYFILE_EXCL);
      else linkSync(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') throw alreadyWritten(to);
      if (copy || !CANNOT_LINK.has(code)) throw error;
      // Linking is refused here (another file system): copy this file and the rest.
      copy = true;
      copyFileSync(from, to, constants.COPYFILE_EXCL);
    }
  }
  return { files: paths.length, copied: copy };
}
