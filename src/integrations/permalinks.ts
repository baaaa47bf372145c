/**
 * Commits the permalink registry once a build has succeeded (a failed build
 * never changes it), and writes `_redirects` for hosts that read one
 * (Netlify, Cloudflare Pages); every redirect also exists as an HTML page.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { toPlainText } from '../lib/ingest/latex.ts';
import { redirectPage } from '../lib/permalinks/redirect-page.ts';
import type { AstroIntegration } from 'astro';
import { createUrls } from '../lib/permalinks/urls.ts';
import { parseRegistry } from '../lib/permalinks/registry.ts';
import { pendingRegistryPath, writeRegistryFile } from '../lib/permalinks/state.ts';
import { arxivSlugs, redirectRules } from '../lib/permalinks/redirects.ts';

export interface PermalinkOptions {
  registryFile: string;
  cacheDir: string;
  basePath: string;
  siteUrl: string;
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
        // `/abs/<arXiv id>/` pages are written here, not by an Astro route: each is a
        // tiny redirect, and Astro's per-route overhead would cost minutes at 75,000.
        const out = fileURLToPath(dir);
        for (const [id, slug] of arxivSlugs(registry)) {
          const entry = registry.papers[slug];
          const folder = path.join(out, 'abs', ...id.split('/'));
          mkdirSync(folder, { recursive: true });
          const to = urls.paper(slug);
          writeFileSync(
            path.join(folder, 'index.html'),
            redirectPage(to, urls.absolute(`/papers/${slug}/`), toPlainText(entry?.title ?? slug)),
          );
        }
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
