/**
 * Writes `_headers` for hosts that read one (Netlify, Cloudflare Pages): the
 * same Content-Security-Policy the pages carry in a meta tag, plus what only
 * a header can say (frame-ancestors, nosniff, referrer policy), and the
 * search index's cache rules.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { headerPolicy } from '../lib/csp.ts';

/**
 * Cache rules of the search index: its manifest (and facets) must be
 * revalidated on every use, while every other index file has a hash of its
 * content in its name (src/lib/search/format.ts) and sits in a folder, so
 * it may be kept for good.
 */
export function searchIndexHeaders(basePath: string): string[] {
  const root = `${basePath}search-index/`;
  const lines: string[] = [];
  for (const file of ['manifest.json', 'facets.json'])
    lines.push(`${root}${file}`, '  Cache-Control: no-cache', '');
  for (const folder of ['t', 'p', 'l', 'd', 'f'])
    lines.push(`${root}${folder}/*`, '  Cache-Control: public, max-age=31536000, immutable', '');
  return lines;
}

export function securityHeaders(options: {
  basePath: string;
  inlineScripts: string[];
}): AstroIntegration {
  return {
    name: 'paper-browser:headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const scripts = options.inlineScripts.map((file) => readFileSync(file, 'utf8'));
        const lines = [
          `${options.basePath}*`,
          `  Content-Security-Policy: ${headerPolicy(scripts)}`,
          '  X-Content-Type-Options: nosniff',
          '  Referrer-Policy: strict-origin-when-cross-origin',
          '',
          ...searchIndexHeaders(options.basePath),
        ];
        writeFileSync(new URL('_headers', dir), lines.join('\n'));
      },
    },
  };
}
