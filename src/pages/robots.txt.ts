/**
 * `/robots.txt`: everything may be crawled; the sitemap says where the pages
 * are (when the site's origin is known: without it there is no sitemap).
 */
import type { APIRoute } from 'astro';
import { urls } from '../lib/site.ts';

export const GET: APIRoute = () => {
  const sitemap = urls.absoluteOnly('/sitemap-index.xml');
  return new Response(`User-agent: *\nAllow: /\n${sitemap ? `\nSitemap: ${sitemap}\n` : ''}`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
