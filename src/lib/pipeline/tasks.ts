/**
 * The pipeline's background stages, run on its thread pool (pool.ts): each
 * is a function of plain data that writes its cache (or staging folder) and
 * returns a short summary. A stage that throws rejects its promise, and the
 * pipeline fails the build naming it.
 */
import { authorFiles, authorRedirectFiles } from '../authors/files.ts';
import type { AuthorEntry } from '../permalinks/authors.ts';
import { computeCached } from '../related/cached.ts';
import type { RelatedDoc } from '../related/index.ts';
import { arxivRedirectFiles } from '../permalinks/redirects.ts';
import type { Registry } from '../permalinks/registry.ts';
import { createUrls } from '../permalinks/urls.ts';
import type { SearchAuthor, SearchDoc } from '../search/types.ts';
import { buildSearchCached } from '../site-search.ts';
import { stageFiles, type StagedFile } from '../staging.ts';
import { computeTopicsCached } from '../topics/cached.ts';
import { TopicsFileError } from '../topics/curate.ts';
import type { TopicModel, TopicPaper } from '../topics/types.ts';
import { twinJson, type TwinPaper } from '../twins.ts';

export interface RelatedTask {
  docs: RelatedDoc[];
  file: string;
}

export function related({ docs, file }: RelatedTask): { papers: number; ms: number } {
  const started = performance.now();
  computeCached(docs, file);
  return { papers: docs.length, ms: performance.now() - started };
}

export interface TopicsTask {
  /** With their content digests (records' `contentDigest`), the cache's key. */
  papers: (TopicPaper & { digest: string })[];
  curated: { text: string; file: string } | undefined;
  reserved: string[];
  file: string;
  /** Old slugs of retitled papers and their current slugs: the topics file may still name them. */
  renamed: [string, string][];
}

/**
 * A bad topics file is the list's author's to fix: it comes back as
 * `fileError` (an error's class does not survive the trip between threads).
 */
export function topics(
  task: TopicsTask,
): { model: TopicModel; ms: number } | { fileError: string; ms: number } {
  const started = performance.now();
  try {
    const model = computeTopicsCached(
      task.papers,
      task.curated,
      task.reserved,
      task.file,
      new Map(task.renamed),
    );
    return { model, ms: performance.now() - started };
  } catch (error) {
    if (error instanceof TopicsFileError)
      return { fileError: error.message, ms: performance.now() - started };
    throw error;
  }
}

export interface SearchTask {
  dir: string;
  searchFile: string;
  docs: SearchDoc[];
  authors: SearchAuthor[];
}

/**
 * The search index, built (or read from its cache) and staged in a folder of
 * its own. A stage apart from the other files, and finished before Astro
 * starts: at 74,728 papers it holds ~1.6 GB at its peak, which beside Astro's
 * build put the whole build over 6 GB.
 */
export async function search(task: SearchTask): Promise<{
  written: number;
  kept: number;
  removed: number;
  files: number;
  ms: number;
}> {
  const started = performance.now();
  const { files } = buildSearchCached(task.docs, task.searchFile, task.authors).index;
  const result = await stageFiles(
    task.dir,
    files.map((f) => ({ path: `search-index/${f.path}`, body: f.body })),
  );
  return { ...result, files: files.length, ms: performance.now() - started };
}

export interface StageTask {
  dir: string;
  papers: TwinPaper[];
  /** Each paper's topics (slug, name, why), strongest first. */
  topicsOf: Record<string, { slug: string; name: string; reason: string }[]>;
  registry: Registry;
  /** Authors with pages (their papers as indices into `papers`), and the registry's author slugs. */
  authors: { slug: string; name: string; papers: number[] }[];
  authorEntries: Record<string, AuthorEntry>;
  siteTitle: string;
  basePath: string;
  /** Undefined when nothing says where the site lives: the twins' links are then root-relative. */
  siteUrl: string | undefined;
}

/**
 * The other files that go into the site beside Astro's pages: each paper's
 * JSON twin, the `/abs/<arXiv id>/` redirects, and each author's feed and
 * BibTeX and the redirects of author slugs.
 */
export async function stage(task: StageTask): Promise<{
  written: number;
  kept: number;
  removed: number;
  ms: number;
}> {
  const started = performance.now();
  const urls = createUrls(task.basePath, task.siteUrl);
  const feedPapers = task.papers.map((p, index) => ({
    ...p,
    index,
    topics: (task.topicsOf[p.slug] ?? []).map((t) => t.name),
  }));
  const result = await stageFiles(
    task.dir,
    (async function* (): AsyncIterable<StagedFile> {
      for (const paper of task.papers)
        yield {
          path: `papers/${paper.slug}.json`,
          body: twinJson(paper, task.topicsOf[paper.slug] ?? [], urls.absolute),
        };
      yield* arxivRedirectFiles(task.registry, urls);
      yield* authorFiles(task.authors, feedPapers, urls, task.siteTitle);
      yield* authorRedirectFiles(task.authorEntries, urls);
    })(),
  );
  return { ...result, ms: performance.now() - started };
}
