/**
 * Collects garbage once, just before Astro's bundler compiles the content
 * store. Serialising the store and checking the written file leave ~1 GB of
 * dead objects at 74,728 papers, and V8 collected them only after the
 * bundler's own peak, with both worker threads busy: that moment was the
 * build's peak memory (5.2-6.1 GB). Needs `--expose-gc`, which
 * scripts/build.ts passes; without it this does nothing.
 */
import type { AstroIntegration } from 'astro';
import { recordStage } from '../lib/stages.ts';

/** Vite's id of the module Astro compiles the content store into. */
const STORE_MODULE = '\0astro:data-layer-content';

export function releaseMemory(): AstroIntegration {
  return {
    name: 'paper-browser:release-memory',
    hooks: {
      'astro:config:setup': ({ updateConfig, command }) => {
        const gc = (globalThis as { gc?: () => void }).gc;
        if (command !== 'build' || !gc) return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'paper-browser:release-memory',
                transform(_code: string, id: string) {
                  if (id !== STORE_MODULE) return;
                  const before = process.memoryUsage().heapUsed;
                  const started = performance.now();
                  gc();
                  const freed = (before - process.memoryUsage().heapUsed) / 2 ** 20;
                  recordStage(
                    'garbage collection before bundling the content store',
                    performance.now() - started,
                    `${Math.round(freed)} MB freed`,
                  );
                },
              },
            ],
          },
        });
      },
    },
  };
}
