/**
 * Related papers and map positions with their cache on disk: computes what
 * the cache does not already hold and writes the cache back. The pipeline's
 * pool computes; the collection model reads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../atomic-write.ts';
import { listCacheFile } from '../list-cache.ts';
import {
  computeLayout,
  computeRelated,
  isRelatedCache,
  type Neighbour,
  type RelatedDoc,
} from './index.ts';

export interface RelatedResult {
  related: Map<string, Neighbour[]>;
  positions: Map<string, [number, number]>;
}

function readCache(file: string) {
  if (!existsSync(file)) return undefined;
  try {
    const saved: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isRelatedCache(saved) ? saved : undefined;
  } catch {
    return undefined; // A damaged cache only costs a cold computation.
  }
}

/**
 * Related papers and positions of `docs`, from the cache where it holds them.
 * `readOnly` (the collection model): the build pipeline computed them
 * already, so a cache that does not cover `docs` is an error, not work.
 */
export function computeCached(
  docs: RelatedDoc[],
  file: string,
  options: { readOnly?: boolean } = {},
): RelatedResult {
  const cache = readCache(file);
  const result = computeRelated(docs, cache ? { cache } : {});
  const map = computeLayout(result.graph, cache?.layout ? { cache: cache.layout } : {});
  if (result.stats.mode !== 'cached' || map.stats.mode !== 'cached') {
    if (options.readOnly)
      throw new Error(
        `${file}: related papers not computed for this list. Build with \`npm run build\`, which computes them first.`,
      );
    writeFileAtomic(file, JSON.stringify({ ...result.cache, layout: map.cache }));
  }
  return { related: result.related, positions: map.positions };
}

/** Where the related-papers cache of a list lives (one per permalink registry, i.e. per list). */
export function relatedCacheFile(cacheDir: string, registryFile: string): string {
  return listCacheFile(cacheDir, 'related', registryFile, 'json');
}
