/**
 * Content collections. `papers` is the paper list named by `PAPERS` (the
 * bundled Hugging Face Papers page by default), read by our own loader.
 */
import { defineCollection } from 'astro:content';
import { config, RESERVED_TOPIC_SLUGS } from './config.ts';
import { paperLoader } from './lib/content/paper-loader.ts';
import { expandPaperPaths } from './lib/ingest/index.ts';

const papers = defineCollection({
  loader: paperLoader({
    // PAPERS may name several files or globs, merged into one collection.
    files: () => expandPaperPaths(config.papers, process.cwd()),
    registryFile: config.permalinks,
    cacheDir: config.cacheDir,
    retire: process.env.RETIRE,
    topicsFile: config.topics,
    reservedTopicSlugs: RESERVED_TOPIC_SLUGS,
  }),
});

export const collections = { papers };
