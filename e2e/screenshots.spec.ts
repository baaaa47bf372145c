import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SITES, siteUrl } from './sites.ts';

/**
 * Screenshots of the main pages in both themes at phone and desktop widths,
 * written to test-results/screenshots/ (CI keeps test-results/ as an artifact) for people
 * to look at. They are not compared pixel by pixel.
 */
const PAGES: Record<string, string> = {
  home: '/',
  papers: '/papers/',
  paper: '/papers/sharper-bounds-for-ell-p-sensitivity-sampling/',
  topics: '/topics/',
  topic: '/topics/mixture-of-experts/',
  search: '/search/?q=sparse+retrieval',
  map: '/map/',
};
const DIR = 'test-results/screenshots';

test.describe('screenshots', () => {
  test.beforeAll(() => mkdirSync(DIR, { recursive: true }));
  for (const width of [375, 1280]) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`main pages at ${width} px, ${scheme}`, async ({ browser }) => {
        // The phone width is a phone: a touch screen, so the larger touch targets show.
        const phone = width < 500;
        const context = await browser.newContext({
          viewport: { width, height: phone ? 800 : 900 },
          hasTouch: phone,
          isMobile: phone,
          colorScheme: scheme,
        });
        const page = await context.newPage();
        for (const [name, path] of Object.entries(PAGES)) {
          await page.goto(siteUrl(SITES.main, path), { waitUntil: 'networkidle' });
          await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
          // The whole page through a viewport as tall as it: Chromium's full-page capture
          // drops the touch emulation, so a phone would be drawn with mouse-sized targets.
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          await page.setViewportSize({ width, height: Math.min(height, 12_000) });
          await page.screenshot({ path: `${DIR}/${name}-${width}-${scheme}.png` });
          await page.setViewportSize({ width, height: phone ? 800 : 900 });
        }
        await context.close();
      });
    }
  }
});
