/**
 * The site's topics: the curated topics file (when there is one) read and
 * validated, and the topic model and topic permalinks the build pipeline
 * computed. Called once, by the collection model.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { StoredPaper } from './content/schema.ts';
import type { TopicEntry } from './permalinks/registry.ts';
import { pendingRegistryPath, readRegistryFile } from './permalinks/state.ts';
import { RESERVED_TOPIC_SLUGS } from '../config.ts';
import { config } from './site.ts';
import { readTopicsCached, topicsCacheFile } from './topics/cached.ts';
import { TopicsFileError, type Assignment, type Topic, type TopicModel } from './topics/index.ts';

export interface SiteTopics {
  model: TopicModel;
  bySlug: Map<string, Topic>;
  /** Topic slugs published before that now redirect, or are gone. */
  redirects: Map<string, string>;
  removed: Map<string, string>;
}

function plainError(message: string): Error {
  return Object.assign(new Error(message), { stack: '' });
}

function readCurated(): { text: string; file: string } | undefined {
  const file = config.topics;
  if (!file) return undefined;
  if (!existsSync(file)) {
    if (process.env.TOPICS) throw plainError(`${file}: no such topics file (named by TOPICS)`);
    return undefined;
  }
  return { text: readFileSync(file, 'utf8'), file };
}

/** The topic model and topic permalinks the build pipeline computed, read from their files. */
export function buildSiteTopics(papers: readonly StoredPaper[]): SiteTopics {
  const cacheFile = topicsCacheFile(config.cacheDir, config.permalinks);
  let model: TopicModel;
  try {
    model = readTopicsCached(
      papers.map((p) => ({ slug: p.slug, digest: p.contentDigest })),
      readCurated(),
      RESERVED_TOPIC_SLUGS,
      cacheFile,
    );
  } catch (error) {
    if (error instanceof TopicsFileError)
      throw plainError(`Cannot use the topics file.\n${error.message}`);
    throw error;
  }
  // The registry this build resolved, topics included (written by the pipeline).
  const registry = readRegistryFile(pendingRegistryPath(config.cacheDir, config.permalinks));
  const redirects = new Map<string, string>();
  const removed = new Map<string, string>();
  for (const [slug, entry] of Object.entries(registry.topics) as [string, TopicEntry][]) {
    if (entry.status === 'redirect') redirects.set(slug, entry.to);
    if (entry.status === 'removed') removed.set(slug, entry.name);
  }
  return { model, bySlug: new Map(model.topics.map((t) => [t.slug, t])), redirects, removed };
}

export type { Assignment, Topic };
