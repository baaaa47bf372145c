/**
 * Writes `_headers` for hosts that read one (Netlify, Cloudflare Pages): the
 * same Content-Security-Policy the pages carry in a meta tag, plus what only
 * a header can say (frame-ancestors, nosniff, referrer policy).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { headerPolicy } from '../lib/csp.ts';

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
        ];
        writeFileSync(new URL('_headers', dir), lines.join('\n'));
      },
    },
  };
}
