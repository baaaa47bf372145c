/** `/robots.txt`: everything may be crawled; the sitemap says where the pages are. */
import type { APIRoute } from 'astro';
import { urls } from '../lib/site.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${urls.absolute('/sitemap-index.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
