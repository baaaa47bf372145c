/**
 * The site's related papers and map positions: computed once per build from
 * titles and abstracts (src/lib/related), with a cache on disk keyed by each
 * paper's content digest, so an unchanged collection costs almost nothing.
 */
import type { StoredPaper } from './content/schema.ts';
import { computeCached, relatedCacheFile } from './related/cached.ts';
import type { Neighbour } from './related/index.ts';
import { config } from './site.ts';

/** Related papers less similar than this are not shown: below it, the "relation" is noise. */
export const MIN_RELATED_SCORE = 0.12;

export interface SiteRelated {
  related: Map<string, Neighbour[]>;
  positions: Map<string, [number, number]>;
}

export function buildSiteRelated(papers: readonly StoredPaper[]): SiteRelated {
  const file = relatedCacheFile(config.cacheDir, config.permalinks);
  // Computed by the build pipeline; read here.
  const result = computeCached(
    // Text is read only for papers the cache lacks (none, after the
    // pipeline): getters spare a read of every abstract.
    papers.map((p) => ({
      id: p.slug,
      get title() {
        return p.plainTitle;
      },
      get abstract() {
        return p.plainAbstract;
      },
      digest: p.contentDigest,
    })),
    file,
    { readOnly: true },
  );
  const related = new Map<string, Neighbour[]>();
  for (const [slug, list] of result.related)
    related.set(
      slug,
      list.filter((n) => n.score >= MIN_RELATED_SCORE),
    );
  return { related, positions: result.positions };
}
