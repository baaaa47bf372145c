/**
 * Commits the permalink registry once a build has succeeded (a failed build
 * never changes it), and writes `_redirects` for hosts that read one
 * (Netlify, Cloudflare Pages); every redirect also exists as an HTML page.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { createUrls } from '../lib/permalinks/urls.ts';
import { parseRegistry } from '../lib/permalinks/registry.ts';
import { pendingRegistryPath, writeRegistryFile } from '../lib/permalinks/state.ts';
import { redirectRules } from '../lib/permalinks/redirects.ts';

export interface PermalinkOptions {
  registryFile: string;
  cacheDir: string;
  basePath: string;
  siteUrl: string | undefined;
}

export function permalinks(options: PermalinkOptions): AstroIntegration {
  return {
    name: 'paper-browser:permalinks',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const pending = pendingRegistryPath(options.cacheDir, options.registryFile);
        if (!existsSync(pending)) return;
        const registry = parseRegistry(readFileSync(pending, 'utf8'), pending);
        if (writeRegistryFile(options.registryFile, registry))
          logger.info(`updated ${options.registryFile}`);
        const urls = createUrls(options.basePath, options.siteUrl);
        // The `/abs/<arXiv id>/` pages come from the background worker (staged-files.ts).
        const rules = redirectRules(registry, urls);
        const lines = [
          '# Redirects for hosts that read this file (Netlify, Cloudflare Pages).',
          ...rules.map((r) => `${r.from} ${r.to} 301`),
        ];
        writeFileSync(new URL('_redirects', dir), `${lines.join('\n')}\n`);
      },
    },
  };
}
