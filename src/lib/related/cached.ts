/**
 * Related papers and map positions with their cache on disk: computes what
 * the cache does not already hold and writes the cache back. Shared by the
 * collection model and the background worker the content loader starts.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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

export function computeCached(docs: RelatedDoc[], file: string): RelatedResult {
  const cache = readCache(file);
  const result = computeRelated(docs, cache ? { cache } : {});
  const map = computeLayout(result.graph, cache?.layout ? { cache: cache.layout } : {});
  if (result.stats.mode !== 'cached' || map.stats.mode !== 'cached') {
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    writeFileSync(temp, JSON.stringify({ ...result.cache, layout: map.cache }));
    renameSync(temp, file);
  }
  return { related: result.related, positions: map.positions };
}

/** Where the related-papers cache of a list lives (one per permalink registry, i.e. per list). */
export function relatedCacheFile(cacheDir: string, registryFile: string): string {
  return listCacheFile(cacheDir, 'related', registryFile, 'json');
}
