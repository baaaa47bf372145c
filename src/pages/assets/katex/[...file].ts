/**
 * KaTeX's stylesheet and fonts, served from the installed package (no network,
 * nothing copied into public/). Pages link the stylesheet only when they show
 * math. The stylesheet is trimmed to the WOFF2 fonts every current browser reads,
 * and swaps fonts in instead of hiding text while they load.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';

const dir = path.dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'));

export const getStaticPaths = (() => [
  { params: { file: 'katex.min.css' } },
  ...readdirSync(path.join(dir, 'fonts'))
    .filter((f) => f.endsWith('.woff2'))
    .map((f) => ({ params: { file: `fonts/${f}` } })),
]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const file = params.file ?? '';
  if (file === 'katex.min.css') {
    const css = readFileSync(path.join(dir, 'katex.min.css'), 'utf8')
      .replace(/,url\([^)]+\.woff\) format\("woff"\),url\([^)]+\.ttf\) format\("truetype"\)/g, '')
      .replace(/font-display:block/g, 'font-display:swap');
    return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
  }
  return new Response(readFileSync(path.join(dir, file)), {
    headers: { 'Content-Type': 'font/woff2' },
  });
};
