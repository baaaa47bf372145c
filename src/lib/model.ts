/**
 * The collection model: everything that depends on the whole collection,
 * computed once per build and shared by every route (routes never recompute).
 */
import { getCollection } from 'astro:content';
import { assignCitationKeys } from './cite/index.ts';
import type { StoredPaper } from './content/schema.ts';
import { arxivSlugs } from './permalinks/redirects.ts';
import type { RedirectEntry, RemovedEntry } from './permalinks/registry.ts';
import { pendingRegistryPath, readRegistryFile } from './permalinks/state.ts';
import { chunk } from './paging.ts';
import { config } from './site.ts';

export type ModelPaper = StoredPaper;

export interface Model {
  /** Papers in list order. */
  papers: ModelPaper[];
  bySlug: Map<string, ModelPaper>;
  /** The pages of `/papers/`, `pageSize` papers each. */
  pages: ModelPaper[][];
  /** The previous and next paper in list order. */
  neighbours(slug: string): { prev: ModelPaper | undefined; next: ModelPaper | undefined };
  /** Whether the list gives dates (then lists can sort by date). */
  hasDates: boolean;
  /** Published slugs that now redirect (retitled papers), old slug -> entry. */
  redirects: Map<string, RedirectEntry>;
  /** Published slugs whose papers were removed on purpose. */
  removed: Map<string, RemovedEntry>;
  /** arXiv id -> slug, for `/abs/<id>/`. */
  arxiv: Map<string, string>;
  /** BibTeX citation keys, unique across the collection. */
  citeKeys: Map<string, string>;
}

let model: Promise<Model> | undefined;

/** The model of this build; the first caller computes it, the rest share it. */
export function getModel(): Promise<Model> {
  model ??= buildModel();
  return model;
}

async function buildModel(): Promise<Model> {
  const entries = await getCollection('papers');
  const papers = entries.map((e) => e.data).sort((a, b) => a.index - b.index);
  const bySlug = new Map(papers.map((p) => [p.slug, p]));
  const position = new Map(papers.map((p, i) => [p.slug, i]));
  // The registry this build resolved (written by the content loader).
  const registry = readRegistryFile(pendingRegistryPath(config.cacheDir, config.permalinks));
  const redirects = new Map<string, RedirectEntry>();
  const removed = new Map<string, RemovedEntry>();
  for (const [slug, entry] of Object.entries(registry.papers)) {
    if (entry.status === 'redirect') redirects.set(slug, entry);
    if (entry.status === 'removed') removed.set(slug, entry);
  }
  return {
    papers,
    bySlug,
    pages: chunk(papers, config.pageSize),
    neighbours(slug) {
      const i = position.get(slug);
      if (i === undefined) return { prev: undefined, next: undefined };
      return { prev: papers[i - 1], next: papers[i + 1] };
    },
    hasDates: papers.some((p) => p.date !== undefined),
    redirects,
    removed,
    arxiv: arxivSlugs(registry),
    citeKeys: assignCitationKeys(papers),
  };
}
