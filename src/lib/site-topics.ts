/**
 * The site's topics: the curated topics file (when there is one) read and
 * validated, the topic model built over the collection, and topic permalinks
 * recorded in the build's registry. Called once, by the collection model.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { StoredPaper } from './content/schema.ts';
import { resolveTopicPermalinks, type TopicEntry } from './permalinks/registry.ts';
import { pendingRegistryPath, readRegistryFile, writeRegistryFile } from './permalinks/state.ts';
import { RESERVED_TOPIC_SLUGS } from '../config.ts';
import { waitForBackground } from './background/wait.ts';
import { config } from './site.ts';
import { computeTopicsCached, topicsCacheFile } from './topics/cached.ts';
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

export async function buildSiteTopics(papers: readonly StoredPaper[]): Promise<SiteTopics> {
  const cacheFile = topicsCacheFile(config.cacheDir, config.permalinks);
  // The content loader computes topics on a worker; wait for its cache.
  await waitForBackground(cacheFile);
  // Retitled papers' old slugs (the registry this build resolved), for the topics file.
  const pending = pendingRegistryPath(config.cacheDir, config.permalinks);
  const registry = readRegistryFile(pending);
  const renamed = new Map<string, string>();
  for (const [slug, entry] of Object.entries(registry.papers)) {
    if (entry.status === 'redirect') renamed.set(slug, entry.to);
  }
  let model: TopicModel;
  try {
    model = computeTopicsCached(papers, readCurated(), RESERVED_TOPIC_SLUGS, cacheFile, renamed);
  } catch (error) {
    if (error instanceof TopicsFileError)
      throw plainError(`Cannot use the topics file.\n${error.message}`);
    throw error;
  }
  for (const warning of model.warnings) console.warn(`[topics] ${warning}`);

  // Topic slugs join the registry the content loader resolved for this build.
  const published = readRegistryFile(config.permalinks).topics;
  registry.topics = resolveTopicPermalinks(model.topics, { ...published, ...registry.topics });
  writeRegistryFile(pending, registry);

  const redirects = new Map<string, string>();
  const removed = new Map<string, string>();
  for (const [slug, entry] of Object.entries(registry.topics) as [string, TopicEntry][]) {
    if (entry.status === 'redirect') redirects.set(slug, entry.to);
    if (entry.status === 'removed') removed.set(slug, entry.name);
  }
  return { model, bySlug: new Map(model.topics.map((t) => [t.slug, t])), redirects, removed };
}

export type { Assignment, Topic };
