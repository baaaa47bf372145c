/**
 * Where a cache of one paper list lives: one file per list (named by a hash
 * of its permalink registry's path) in a folder per kind of cache, so that
 * builds of different lists never share a cache.
 */
import path from 'node:path';
import { shortHash } from './ingest/slug.ts';

export function listCacheFile(
  cacheDir: string,
  kind: string,
  registryFile: string,
  ext: string,
): string {
  return path.join(cacheDir, kind, `${shortHash(path.resolve(registryFile), 10)}.${ext}`);
}
