import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { SITES, siteUrl, type Site } from './sites.ts';

/**
 * Page weight: gzip bytes of everything a page loads to render and become
 * interactive (HTML, CSS, scripts, images). Excluded, and reported: web fonts
 * (KaTeX's, on pages with math, use font-display: swap, so they never block
 * text or interaction) and data fetched only on use (search index, map data).
 * Sizes are deterministic, so unlike timings they can fail a test.
 */
async function weigh(page: Page, path: string, site: Site = SITES.main) {
  const counted: [string, number][] = [];
  const fonts: number[] = [];
  page.on('response', async (response) => {
    const url = new URL(response.url());
    let body: Buffer;
    try {
      body = await response.body();
    } catch {
      return;
    }
    if (/\.woff2$/.test(url.pathname)) fonts.push(body.length);
    else if (!/\/(search-index|map\/(points|tiles))/.test(url.pathname))
      counted.push([url.pathname, gzipSync(body).length]);
  });
  await page.goto(siteUrl(site, path), { waitUntil: 'networkidle' });
  const total = counted.reduce((n, [, b]) => n + b, 0);
  console.log(
    `${path}: ${(total / 1024).toFixed(1)} KB (+ fonts ${(fonts.reduce((a, b) => a + b, 0) / 1024).toFixed(1)} KB)`,
  );
  return { total, counted };
}

const BUDGETS: [string, string, number, Site?][] = [
  [
    'paper page',
    '/papers/pdf-wukong-a-large-multimodal-model-for-efficient-long-pdf-reading-with-end-to/',
    20,
  ],
  ['paper page with math', '/papers/sharper-bounds-for-ell-p-sensitivity-sampling/', 20],
  ['home', '/', 30],
  ['papers list', '/papers/', 30],
  ['topic index', '/topics/', 30],
  ['topic page', '/topics/pruning/', 30],
  ['search page', '/search/', 30],
  ['map page', '/map/', 30],
  // The bundled list gives no authors: author pages are weighed on the Hugging Face fixture.
  ['author index', '/authors/', 30, SITES.hf],
  ['author letter page', '/authors/letter/l/', 30, SITES.hf],
  ['author page', '/authors/minglei-li/', 30, SITES.hf],
];

test.describe('page weight budgets', () => {
  for (const [name, path, kb, site] of BUDGETS) {
    test(`${name} loads under ${kb} KB gzipped`, async ({ page }) => {
      const { total, counted } = await weigh(page, path, site);
      expect(total, counted.map(([u, b]) => `${u} ${b}`).join('\n')).toBeLessThan(kb * 1024);
    });
  }

  test('no page blocks rendering on a script', async ({ page }) => {
    await page.goto(siteUrl(SITES.main, '/'));
    const blocking = await page
      .locator('head script[src]:not([type="module"]):not([async]):not([defer])')
      .count();
    expect(blocking).toBe(0);
  });
});
