/**
 * The records file: one stored entry (what Astro's content store keeps of a
 * paper) per line, in list order. Written by the pipeline's text stage
 * (records.ts), read by the content loader: kept apart from records.ts so
 * the loader does not load the renderer.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { StoredEntry } from '../content/schema.ts';
import { listCacheFile } from '../list-cache.ts';

/** The records file of the list whose registry is `registryFile`. */
export function recordsFile(cacheDir: string, registryFile: string): string {
  return listCacheFile(cacheDir, 'records', registryFile, 'jsonl');
}

/** The stored entries of `file` (list order), or none when there is no file. */
export function readEntries(file: string): StoredEntry[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as StoredEntry);
}
