/**
 * The topic model with a cache on disk, keyed by everything it depends on
 * (every paper's slug, title and abstract, the topics file's text, the
 * reserved slugs): an unchanged list rebuilds without rediscovering topics.
 * Shared by the collection model and the background worker.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { listCacheFile } from '../list-cache.ts';
import { buildTopicModel } from './assign.ts';
import { parseTopicsFile } from './curate.ts';
import type { Assignment, RelatedTopic, Topic, TopicModel, TopicPaper } from './types.ts';

/** 3: topics clustered first (Louvain, refined), areas (`parent`, `children`). */
const VERSION = 3;

interface Saved {
  version: number;
  key: string;
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

export function topicsCacheKey(
  papers: readonly TopicPaper[],
  curatedText: string | undefined,
  reserved: readonly string[],
): string {
  const hash = createHash('sha256').update(
    `${VERSION}\n${topicsCodeDigest()}\n${curatedText ?? ''}\n${reserved.join(',')}\n`,
  );
  for (const p of papers) hash.update(`${p.slug}\t${p.title}\t${p.abstract}\n`);
  return hash.digest('hex');
}

function read(file: string, key: string): TopicModel | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved;
    if (saved.version !== VERSION || saved.key !== key) return undefined;
    return {
      topics: saved.topics,
      byPaper: new Map(saved.byPaper),
      related: new Map(saved.related),
      warnings: saved.warnings,
    };
  } catch {
    return undefined;
  }
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
  papers: readonly TopicPaper[],
  curated: { text: string; file: string } | undefined,
  reserved: readonly string[],
  cacheFile: string,
  renamed?: ReadonlyMap<string, string>,
): TopicModel {
  const key = topicsCacheKey(papers, curated?.text, reserved);
  const hit = read(cacheFile, key);
  if (hit) return hit;
  const model = buildTopicModel(
    papers,
    curated ? parseTopicsFile(curated.text, curated.file) : undefined,
    { reserved: new Set(reserved), ...(renamed ? { renamed } : {}) },
  );
  const saved: Saved = {
    version: VERSION,
    key,
    topics: model.topics,
    byPaper: [...model.byPaper],
    related: [...model.related],
    warnings: model.warnings,
  };
  mkdirSync(path.dirname(cacheFile), { recursive: true });
  const temp = `${cacheFile}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  writeFileSync(temp, JSON.stringify(saved));
  renameSync(temp, cacheFile);
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
  papers: readonly TopicPaper[],
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
