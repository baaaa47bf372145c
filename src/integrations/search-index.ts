/**
 * Writes the search index files (`/search-index/...`) at the end of a build,
 * from the cache the background worker made for this build. Building the
 * index takes ~40 s at 75,000 papers; as files written here rather than an
 * Astro route's paths, it runs on the second core while Astro renders pages,
 * instead of before every page (Astro asks all routes for their paths first).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { awaitMadeNow } from '../lib/background/wait.ts';
import { readSearchCache } from '../lib/site-search.ts';
import { recordStage } from '../lib/stages.ts';

export function searchIndexFiles(options: { cacheFile: string }): AstroIntegration {
  return {
    name: 'paper-browser:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        // Only what this build's worker made: never a stale index.
        await awaitMadeNow(options.cacheFile, 'search index files');
        const { index } = readSearchCache(options.cacheFile);
        const out = path.join(fileURLToPath(dir), 'search-index');
        const folders = new Set<string>();
        for (const file of index.files) {
          const target = path.join(out, ...file.path.split('/'));
          const folder = path.dirname(target);
          if (!folders.has(folder)) {
            mkdirSync(folder, { recursive: true });
            folders.add(folder);
          }
          writeFileSync(target, file.body);
        }
        const ms = performance.now() - started;
        recordStage(
          'search index: waiting for the worker, writing',
          ms,
          `${index.files.length} files`,
        );
        logger.info(`${index.files.length} files in ${Math.round(ms)} ms`);
      },
    },
  };
}
