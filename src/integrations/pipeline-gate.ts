/**
 * Holds Astro's page generation until the build pipeline's stages are done
 * (src/lib/pipeline/gate.ts), so Astro's start-up (content sync, bundling)
 * runs beside them. Documented hooks only: `astro:config:setup` adds a Vite
 * plugin whose `buildApp` hook (order "post") runs after Vite built every
 * environment; Astro's own generation is an `enforce: "post"` plugin, which
 * Vite orders after plugins without `enforce`.
 */
import type { AstroIntegration } from 'astro';
import { isGated, waitForStages } from '../lib/pipeline/gate.ts';

export function pipelineGate(): AstroIntegration {
  return {
    name: 'paper-browser:pipeline-gate',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, logger }) => {
        // `astro build` run by hand, dev and check have no pipeline to wait for.
        if (command !== 'build' || !isGated()) return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'paper-browser:pipeline-gate',
                apply: 'build',
                buildApp: {
                  order: 'post',
                  handler: async () => {
                    const started = performance.now();
                    await waitForStages();
                    const waited = (performance.now() - started) / 1000;
                    logger.info(`waited ${waited.toFixed(1)} s for the pipeline's stages`);
                  },
                },
              },
            ],
          },
        });
      },
    },
  };
}
