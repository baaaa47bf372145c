/**
 * Records Astro's peak memory (its process: the main thread and its page
 * workers) for the build report, once the build is done.
 */
import type { AstroIntegration } from 'astro';
import { recordStage } from '../lib/stages.ts';

export function buildReport(): AstroIntegration {
  return {
    name: 'paper-browser:build-report',
    hooks: {
      'astro:build:done': () => {
        recordStage('peak memory', 0, `${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
      },
    },
  };
}
