/**
 * The one typed site configuration: what the site is called, where it is
 * deployed, which paper list it is built from, and the budgets it is held to.
 * Environment variables override the defaults so that one build command can
 * make any site (`PAPERS=... SITE_URL=... BASE_PATH=... npm run build`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { inferSiteLocation, normaliseBase, UNKNOWN_SITE_WARNING } from './lib/site-url.ts';

export { normaliseBase };

export interface SiteConfig {
  /** Shown in the header, titles and social cards. */
  title: string;
  /** One sentence about the collection, for the home page and meta descriptions. */
  description: string;
  /**
   * Absolute origin the site is served from, no trailing slash (`SITE_URL`, or
   * what the host says: src/lib/site-url.ts). Undefined when nothing says it:
   * links are then root-relative and absolute-only things are left out.
   */
  siteUrl: string | undefined;
  /** Sub-path of the deployment with leading and trailing slash, `/` at the root (`BASE_PATH`). */
  basePath: string;
  /** The paper list file(s), as given (`PAPERS`; comma-separated or a glob). */
  papers: string;
  /** Whether `papers` is the bundled list (then the bundled topics and registry apply). */
  bundled: boolean;
  /** The curated topics file, when there is one (`TOPICS`). */
  topics: string | undefined;
  /**
   * The authors file (`AUTHORS`; by default `authors.yaml` beside the list,
   * used when it exists): merges, splits, ORCID iDs and homepages.
   */
  authors: string;
  /**
   * Authors with at least this many papers get a page (`AUTHOR_PAGE_MIN`,
   * checked by the pipeline); unset, the rule in src/lib/authors/pages.ts.
   */
  authorPageMin: string | undefined;
  /** The committed registry of published permalinks (`PERMALINKS`). */
  permalinks: string;
  /** Papers per page on list and topic pages. */
  pageSize: number;
  /** Where build caches live (rendered abstracts, social images, related papers). */
  cacheDir: string;
  /**
   * Collections up to this size get a social image per paper (`PAPER_IMAGE_LIMIT`).
   * Larger ones share the site's card: at about 25 ms a card, 75,000 of them would
   * take half an hour on two cores.
   */
  paperImageLimit: number;
  /**
   * Astro's page-rendering worker threads (`PRERENDER_WORKERS`;
   * `experimental.parallelPrerender`): Astro's own default, every core but
   * one, which is left to Astro's main thread (it writes every page). On two
   * cores, one worker built 10,000 papers in 35-38 s against 42-57 s with
   * two, with one model in memory instead of two (bench/RESULTS.md).
   */
  prerenderWorkers: number;
}

const env = (name: string): string | undefined => {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
};

/** Paths under /topics/ that are pages of their own, never topic slugs. */
export const RESERVED_TOPIC_SLUGS = ['by-name'];

const root = process.cwd();

/** The repository's CNAME file (a GitHub Pages custom domain), at the root or in public/. */
function readCname(): string | undefined {
  for (const file of ['CNAME', 'public/CNAME']) {
    const full = path.join(root, file);
    if (existsSync(full)) return readFileSync(full, 'utf8');
  }
  return undefined;
}

const location = inferSiteLocation(process.env, readCname());
// Once per build: worker threads and child processes inherit the flag.
if (!location.siteUrl && !process.env.VITEST && !process.env.PAPER_BROWSER_SITE_WARNED) {
  process.env.PAPER_BROWSER_SITE_WARNED = '1';
  console.warn(`\u26a0 ${UNKNOWN_SITE_WARNING}`);
}
const BUNDLED_PAPERS = 'src/content/papers.txt';
const papers = env('PAPERS') ?? BUNDLED_PAPERS;
const bundled = papers === BUNDLED_PAPERS;

function defaultTopics(): string | undefined {
  if (bundled) return 'src/content/topics.yaml';
  return undefined;
}

function defaultAuthors(): string {
  if (bundled) return 'src/content/authors.yaml';
  const first = papers.split(',')[0]?.trim() ?? '';
  return path.join(path.dirname(first), 'authors.yaml');
}

function defaultRegistry(): string {
  if (bundled) return 'src/content/permalinks.json';
  // A list given by PAPERS keeps its registry under the cache unless PERMALINKS says where to commit it.
  const key = papers.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return path.join('node_modules/.cache/paper-browser/permalinks', `${key}.json`);
}

export const config: SiteConfig = {
  title: env('SITE_TITLE') ?? (bundled ? 'Sparse Papers' : 'Paper Browser'),
  description:
    env('SITE_DESCRIPTION') ??
    (bundled
      ? 'Research papers on sparsity, sparse retrieval, sampling and efficient models, from a Hugging Face Papers search: browse by topic, search every abstract, share a permanent link.'
      : 'A browsable, searchable collection of research papers.'),
  siteUrl: location.siteUrl,
  basePath: location.basePath,
  papers,
  bundled,
  topics: env('TOPICS') ?? defaultTopics(),
  authors: env('AUTHORS') ?? defaultAuthors(),
  authorPageMin: env('AUTHOR_PAGE_MIN'),
  permalinks: env('PERMALINKS') ?? defaultRegistry(),
  pageSize: Math.max(1, Number(env('PAGE_SIZE') ?? 50)),
  cacheDir: path.resolve(root, env('CACHE_DIR') ?? 'node_modules/.cache/paper-browser'),
  paperImageLimit: Number(env('PAPER_IMAGE_LIMIT') ?? 5000),
  prerenderWorkers: Math.max(1, Number(env('PRERENDER_WORKERS') ?? availableParallelism() - 1)),
};
