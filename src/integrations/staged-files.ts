/**
 * Links the files a background worker staged for this build (the papers'
 * JSON twins and `/abs/` redirects, see lib/staging.ts) into the built site
 * when the build ends.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { awaitMadeNow } from '../lib/background/wait.ts';
import { linkStaged } from '../lib/staging.ts';
import { recordStage } from '../lib/stages.ts';

export function stagedFiles(options: { dir: string; what: string }): AstroIntegration {
  return {
    name: 'paper-browser:staged-files',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        // Only what this build's worker made: never a stale set.
        await awaitMadeNow(options.dir, options.what);
        const { files, copied } = linkStaged(options.dir, fileURLToPath(dir));
        const ms = performance.now() - started;
        const how = copied ? 'copied' : 'linked';
        recordStage(`${options.what}: waiting for the worker, ${how}`, ms, `${files} files`);
        logger.info(`${files} ${options.what} ${how} in ${Math.round(ms)} ms`);
      },
    },
  };
}
