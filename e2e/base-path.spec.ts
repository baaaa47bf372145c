import { expect, test } from '@playwright/test';
import { SITES, siteUrl } from './sites.ts';

const site = SITES.base;

test.describe('a deployment under a base path', () => {
  test('every internal link and asset of each page type stays under the base path and resolves', async ({
    page,
    request,
  }) => {
    const pages = [
      '/',
      '/papers/',
      '/papers/page/2/',
      '/papers/sharper-bounds-for-ell-p-sensitivity-sampling/',
      '/no-such-page/',
    ];
    const checked = new Set<string>();
    for (const path of pages) {
      await page.goto(siteUrl(site, path));
      const refs = await page.evaluate(() =>
        [
          ...[...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
          ...[...document.querySelectorAll('link[href]')].map((l) => l.getAttribute('href') ?? ''),
          ...[...document.querySelectorAll('script[src], img[src]')].map(
            (s) => s.getAttribute('src') ?? '',
          ),
        ].filter((h) => !/^(https?:|mailto:|#)/.test(h)),
      );
      expect(refs.length, path).toBeGreaterThan(0);
      for (const ref of refs) {
        expect(ref, `${path} links to ${ref}`).toMatch(/^\/papers-site\//);
        if (checked.has(ref)) continue;
        checked.add(ref);
        const response = await request.get(`http://127.0.0.1:${site.port}${ref}`);
        expect(response.status(), ref).toBe(200);
      }
    }
  });

  test('canonical links are absolute, on the configured origin and base path', async ({ page }) => {
    await page.goto(siteUrl(site, '/papers/sharper-bounds-for-ell-p-sensitivity-sampling/'));
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      'https://lab.example.org/papers-site/papers/sharper-bounds-for-ell-p-sensitivity-sampling/',
    );
  });

  test('math is typeset with the stylesheet from under the base path', async ({ page }) => {
    await page.goto(siteUrl(site, '/papers/sharper-bounds-for-ell-p-sensitivity-sampling/'));
    const fontLoaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].some((f) => f.family.includes('KaTeX') && f.status === 'loaded');
    });
    expect(fontLoaded).toBe(true);
  });
});
