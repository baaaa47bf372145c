/**
 * The topic model with a cache on disk, keyed by everything it depends on
 * (every paper's slug and content digest, the topics file's text, the
 * reserved slugs): an unchanged list rebuilds without rediscovering topics,
 * and a small edit of a list without a topics file keeps the last build's
 * topics, placing only the new and edited papers (incremental.ts).
 * Shared by the collection model and the background worker.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { writeFileAtomic } from '../atomic-write.ts';
import { contentDigestOf } from '../content/digest.ts';
import { listCacheFile } from '../list-cache.ts';
import { buildTopicModel } from './assign.ts';
import { parseTopicsFile } from './curate.ts';
import { INCREMENTAL_SHARE, updateTopics } from './incremental.ts';
import type { Assignment, RelatedTopic, Topic, TopicModel, TopicPaper } from './types.ts';

/**
 * 3: topics clustered first (Louvain, refined), areas (`parent`, `children`);
 * 4: kept across small edits; 5: papers keyed by their content digest.
 */
const VERSION = 5;

interface Saved {
  version: number;
  key: string;
  /** The key without the papers: the code, the topics file, the reserved slugs. */
  base: string;
  /** Paper slug -> content digest, to tell an edit from a new list. */
  digests: Record<string, string>;
  /** Papers added, edited or removed since topics were last discovered afresh (incremental.ts). */
  drift: number;
  topics: Topic[];
  byPaper: [string, Assignment[]][];
  related: [string, RelatedTopic[]][];
  warnings: string[];
}

/**
 * The code that turns papers into topics (discovery, curation, the text
 * analyser, the neighbour search): a change to it recomputes the topics
 * without anyone having to bump VERSION. Paths from the working directory,
 * the project's root in every build, as the search index cache does.
 */
const TOPICS_CODE_GLOBS = [
  'src/lib/topics/*.ts',
  'src/lib/text/**/*.ts',
  'src/lib/related/neighbours.ts',
  'src/lib/related/vectors.ts',
  'src/lib/related/tokens.ts',
  'src/lib/related/prng.ts',
];

/** The files of that code (for tests). */
export function topicsCodeFiles(): string[] {
  return globSync(TOPICS_CODE_GLOBS, { cwd: process.cwd() }).sort();
}

let topicsCode: string | undefined;
function topicsCodeDigest(): string {
  if (topicsCode === undefined) {
    const hash = createHash('sha256');
    for (const name of topicsCodeFiles()) hash.update(`${name}\n${readFileSync(name, 'utf8')}\n`);
    topicsCode = hash.digest('hex');
  }
  return topicsCode;
}

const baseOf = (curatedText: string | undefined, reserved: readonly string[]) =>
  `${VERSION}\n${topicsCodeDigest()}\n${curatedText ?? ''}\n${reserved.join(',')}\n`;

/** A paper as the cache sees it: its slug and content digest (a record's `contentDigest`). */
export interface KeyedPaper {
  slug: string;
  digest: string;
}

/**
 * The cache's key. Digests rather than text: the collection model checks
 * the key on every build, and hashing every abstract there cost ~0.7 s of
 * its start at 10,000 papers.
 */
export function topicsCacheKey(
  papers: readonly KeyedPaper[],
  curatedText: string | undefined,
  reserved: readonly string[],
): string {
  const hash = createHash('sha256').update(baseOf(curatedText, reserved));
  for (const p of papers) hash.update(`${p.slug}\t${p.digest}\n`);
  return hash.digest('hex');
}

function readSaved(file: string): Saved | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved;
    return saved.version === VERSION ? saved : undefined;
  } catch {
    return undefined;
  }
}

const modelOf = (saved: Saved): TopicModel => ({
  topics: saved.topics,
  byPaper: new Map(saved.byPaper),
  related: new Map(saved.related),
  warnings: saved.warnings,
});

function read(file: string, key: string): TopicModel | undefined {
  const saved = readSaved(file);
  return saved?.key === key ? modelOf(saved) : undefined;
}

/**
 * The last build's topics updated for a small edit (incremental.ts), with
 * the changes since the last full discovery; undefined when the list
 * changed too much, or the code, topics file or reserved slugs changed.
 */
function updated(
  saved: Saved | undefined,
  papers: readonly TopicPaper[],
  digests: Record<string, string>,
  base: string,
): { model: TopicModel; drift: number } | undefined {
  if (saved === undefined || saved.base !== base) return undefined;
  const changed = new Set(
    papers.filter((p) => saved.digests[p.slug] !== digests[p.slug]).map((p) => p.slug),
  );
  const removed = Object.keys(saved.digests).filter((slug) => !Object.hasOwn(digests, slug));
  const drift = saved.drift + changed.size + removed.length;
  if (drift > Math.floor(papers.length * INCREMENTAL_SHARE)) return undefined;
  const model = updateTopics(modelOf(saved), papers, changed);
  return model && { model, drift };
}

/**
 * The topic model of `papers`, from the cache when nothing it depends on
 * changed. Throws TopicsFileError for a bad topics file, like buildTopicModel.
 * `renamed` (old paper slug -> current, from the permalink registry) lets the
 * topics file keep a retitled paper's old slug; it is not part of the key: the
 * papers' slugs and the file's text settle what each old slug means, and a
 * caller without it fails on an old slug rather than caching a model.
 */
export function computeTopicsCached(
  papers: readonly (TopicPaper & { digest?: string })[],
  curated: { text: string; file: string } | undefined,
  reserved: readonly string[],
  cacheFile: string,
  renamed?: ReadonlyMap<string, string>,
): TopicModel {
  const digests: Record<string, string> = {};
  for (const p of papers) digests[p.slug] = p.digest ?? contentDigestOf(p);
  const key = topicsCacheKey(
    papers.map((p) => ({ slug: p.slug, digest: digests[p.slug] ?? '' })),
    curated?.text,
    reserved,
  );
  const last = readSaved(cacheFile);
  if (last?.key === key) return modelOf(last);
  const base = createHash('sha256').update(baseOf(curated?.text, reserved)).digest('hex');
  // A topics file's rules are matched afresh: only discovered topics are kept across edits.
  const kept = curated ? undefined : updated(last, papers, digests, base);
  const model =
    kept?.model ??
    buildTopicModel(papers, curated ? parseTopicsFile(curated.text, curated.file) : undefined, {
      reserved: new Set(reserved),
      ...(renamed ? { renamed } : {}),
    });
  const saved: Saved = {
    version: VERSION,
    key,
    base,
    digests,
    drift: kept?.drift ?? 0,
    topics: model.topics,
    byPaper: [...model.byPaper],
    related: [...model.related],
    warnings: model.warnings,
  };
  writeFileAtomic(cacheFile, JSON.stringify(saved));
  return model;
}

/** Where the topic-model cache of a list lives (one per permalink registry, i.e. per list). */
export function topicsCacheFile(cacheDir: string, registryFile: string): string {
  return listCacheFile(cacheDir, 'topics', registryFile, 'json');
}

/**
 * The topic model the build pipeline computed for `papers`, read from its
 * cache; throws when the cache is not for these papers (the pipeline did
 * not run, or ran for another list), rather than computing it again.
 */
export function readTopicsCached(
  papers: readonly KeyedPaper[],
  curated: { text: string; file: string } | undefined,
  reserved: readonly string[],
  cacheFile: string,
): TopicModel {
  const hit = read(cacheFile, topicsCacheKey(papers, curated?.text, reserved));
  if (!hit)
    throw new Error(
      `${cacheFile}: no topics for this list. Build with \`npm run build\`, which computes them first.`,
    );
  return hit;
}
