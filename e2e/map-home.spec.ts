import { expect, test, type Page } from '@playwright/test';
import { SITES, siteUrl } from './sites.ts';

/** The map (tooltip, tap preview, palette, bounds) and the home page (hero search, start here, map preview). */
const site = SITES.main;

test.describe('map', () => {
  async function ready(page: Page) {
    await page.goto(siteUrl(site, '/map/'));
    await expect(page.locator('[data-map-page]')).toHaveAttribute('data-ready', '198');
  }

  test('the tooltip follows the pointer to the hovered paper', async ({ page }) => {
    await ready(page);
    const point = await firstPoint(page);
    await page.mouse.move(point.x, point.y);
    const tip = page.locator('[data-map-tip]');
    await expect(tip).toBeVisible();
    const box = await tip.boundingBox();
    expect(Math.abs((box?.x ?? 0) - point.x)).toBeLessThan(320);
    expect(Math.abs((box?.y ?? 0) - point.y)).toBeLessThan(200);
    expect(box && box.y + box.height).toBeLessThan(900);
  });

  test('the keyboard-focused paper gets the tooltip beside it', async ({ page }) => {
    await ready(page);
    await page.locator('[data-map]').focus();
    const tip = page.locator('[data-map-tip]');
    await expect(tip).toBeVisible();
    const before = await tip.textContent();
    await page.keyboard.press('ArrowLeft');
    await expect(tip).not.toHaveText(before ?? '');
  });

  test('a tap shows a preview card with an Open link instead of leaving', async ({ browser }) => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 800 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await ready(page);
    const point = await firstPoint(page);
    await page.touchscreen.tap(point.x, point.y);
    const open = page.locator('[data-map-tip] a[data-map-open]');
    await expect(open).toBeVisible();
    await expect(page).toHaveURL(siteUrl(site, '/map/'));
    const slug = await open.getAttribute('data-map-open');
    await open.tap();
    await expect(page).toHaveURL(siteUrl(site, `/papers/${slug}/`));
    await context.close();
  });

  test('legend colours are the colour-blind-safe palette, one each', async ({ page }) => {
    await ready(page);
    const colours = await page
      .locator('[data-map-legend] [data-legend] span[aria-hidden]')
      .evaluateAll((spans) => spans.map((s) => getComputedStyle(s).backgroundColor));
    expect(colours.length).toBeGreaterThan(4);
    expect(new Set(colours).size).toBe(colours.length);
  });

  test('the view is fitted to the points: dots reach every edge of the map', async ({ page }) => {
    await ready(page);
    const edges = await page.locator('[data-map-canvas]').evaluate((c: HTMLCanvasElement) => {
      const ctx = c.getContext('2d');
      if (!ctx) return null;
      const { data, width, height } = ctx.getImageData(0, 0, c.width, c.height);
      let top = height;
      let bottom = 0;
      let left = width;
      let right = 0;
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++)
          if ((data[(y * width + x) * 4 + 3] ?? 0) > 0) {
            top = Math.min(top, y);
            bottom = Math.max(bottom, y);
            left = Math.min(left, x);
            right = Math.max(right, x);
          }
      return {
        top: top / height,
        bottom: 1 - bottom / height,
        left: left / width,
        right: 1 - right / width,
      };
    });
    for (const [edge, gap] of Object.entries(edges ?? {})) expect(gap, edge).toBeLessThan(0.05);
  });
});

test.describe('home', () => {
  test('a search box in the hero opens the search page', async ({ page }) => {
    await page.goto(siteUrl(site, '/'));
    await page.locator('#home-search').fill('mixture of experts');
    await page.locator('#home-search').press('Enter');
    await expect(page).toHaveURL(siteUrl(site, '/search/?q=mixture+of+experts'));
  });

  test('without dates, a "start here" set of the most connected papers; with dates, the newest', async ({
    page,
  }) => {
    await page.goto(siteUrl(site, '/'));
    await expect(page.getByRole('heading', { name: 'Start here' })).toBeVisible();
    await expect(page.locator('[data-featured] > li')).toHaveCount(6);
    await page.goto(siteUrl(SITES.hf, '/'));
    await expect(page.getByRole('heading', { name: 'Newest papers' })).toBeVisible();
  });

  test('nothing on the home page moves as it loads (the map preview has its box reserved)', async ({
    browser,
  }) => {
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __shift: number };
      w.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          w.__shift += (entry as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(siteUrl(site, '/'), { waitUntil: 'networkidle' });
    await expect(page.locator('a[data-map-preview] img')).toHaveJSProperty('complete', true);
    const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
    expect(shift).toBeLessThan(0.01);
    await context.close();
  });

  test('a small map preview links to the map', async ({ page, request }) => {
    await page.goto(siteUrl(site, '/'));
    const preview = page.locator('a[data-map-preview]');
    await expect(preview).toHaveAttribute('href', '/map/');
    const svg = await request.get(siteUrl(site, '/map/preview.svg'));
    expect(svg.headers()['content-type']).toContain('image/svg+xml');
    expect((await svg.body()).length).toBeLessThan(60_000);
  });
});

async function firstPoint(page: Page): Promise<{ x: number; y: number }> {
  // The first painted pixel, as a page coordinate.
  return page.locator('[data-map-canvas]').evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d');
    const rect = c.getBoundingClientRect();
    if (!ctx) return { x: 0, y: 0 };
    const { data, width, height } = ctx.getImageData(0, 0, c.width, c.height);
    for (let y = Math.floor(height * 0.3); y < height; y++)
      for (let x = 0; x < width; x++)
        if ((data[(y * width + x) * 4 + 3] ?? 0) > 200)
          return {
            x: rect.left + ((x + 3) / width) * rect.width,
            y: rect.top + ((y + 3) / height) * rect.height,
          };
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
}
