/**
 * The site's related papers and map positions: computed once per build from
 * titles and abstracts (src/lib/related), with a cache on disk keyed by each
 * paper's content digest, so an unchanged collection costs almost nothing.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { StoredPaper } from './content/schema.ts';
import { shortHash } from './ingest/slug.ts';
import { computeLayout, computeRelated, isRelatedCache, type Neighbour } from './related/index.ts';
import { config } from './site.ts';

/** Related papers less similar than this are not shown: below it, the "relation" is noise. */
export const MIN_RELATED_SCORE = 0.12;

export interface SiteRelated {
  related: Map<string, Neighbour[]>;
  positions: Map<string, [number, number]>;
}

function cacheFile(): string {
  return path.join(
    config.cacheDir,
    'related',
    `${shortHash(path.resolve(config.permalinks), 10)}.json`,
  );
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

export function buildSiteRelated(papers: readonly StoredPaper[]): SiteRelated {
  const file = cacheFile();
  const cache = readCache(file);
  const docs = papers.map((p) => ({
    id: p.slug,
    title: p.plainTitle,
    abstract: p.plainAbstract,
    digest: p.contentDigest,
  }));
  const result = computeRelated(docs, cache ? { cache } : {});
  const map = computeLayout(result.graph, cache?.layout ? { cache: cache.layout } : {});
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, JSON.stringify({ ...result.cache, layout: map.cache }));
  renameSync(temp, file);
  const related = new Map<string, Neighbour[]>();
  for (const [slug, list] of result.related)
    related.set(
      slug,
      list.filter((n) => n.score >= MIN_RELATED_SCORE),
    );
  return { related, positions: map.positions };
}
