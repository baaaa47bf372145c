/**
 * Page weights of the built bundled site (dist/), measured as the e2e budget
 * check measures them: gzip bytes of everything a page loads to render and
 * become interactive; web fonts and data fetched on use reported apart.
 * Writes bench/weights-results.md. Usage: node bench/weights.ts (after npm run build).
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const PAGES: [string, string][] = [
  ['home', '/'],
  ['papers list', '/papers/'],
  [
    'paper',
    '/papers/pdf-wukong-a-large-multimodal-model-for-efficient-long-pdf-reading-with-end-to/',
  ],
  ['paper with math', '/papers/sharper-bounds-for-ell-p-sensitivity-sampling/'],
  ['topic index', '/topics/'],
  ['topic', '/topics/pruning/'],
  ['search page', '/search/'],
  ['map', '/map/'],
];

const server = spawn(process.execPath, ['scripts/serve.ts', 'dist', '--port', '4499'], {
  stdio: 'ignore',
});
await new Promise((r) => setTimeout(r, 800));
const system = '/usr/bin/chromium';
const browser = await chromium.launch(
  existsSync(system) ? { executablePath: system, args: ['--no-sandbox'] } : {},
);
const rows: string[] = [];
for (const [name, path] of PAGES) {
  const page = await browser.newPage();
  let counted = 0;
  let fonts = 0;
  page.on('response', async (r) => {
    const body = await r.body().catch(() => undefined);
    if (!body) return;
    const p = new URL(r.url()).pathname;
    if (p.endsWith('.woff2')) fonts += body.length;
    else if (!/\/(search-index|map\/(points|tiles))/.test(p)) counted += gzipSync(body).length;
  });
  await page.goto(`http://127.0.0.1:4499${path}`, { waitUntil: 'networkidle' });
  rows.push(`| ${name} | ${(counted / 1024).toFixed(1)} | ${(fonts / 1024).toFixed(1)} |`);
  await page.close();
}
await browser.close();
server.kill();
const text = [
  '| page type | KB gzip (HTML, CSS, JS, images) | + web fonts KB |',
  '| --- | --- | --- |',
  ...rows,
].join('\n');
writeFileSync('bench/weights-results.md', `${text}\n`);
console.log(text);
