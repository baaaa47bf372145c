import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { checkKatexPages } from '../src/lib/katex-pages.ts';
import { SITES, siteUrl } from './sites.ts';

/** Every page right for its reader (issue 25): math, links, a way out, layout, map, home. */
const site = SITES.main;
const MATH_PAPER = '/papers/sharper-bounds-for-ell-p-sensitivity-sampling/';
const HF_PAPER =
  '/papers/convllava-hierarchical-backbones-as-visual-encoder-for-large-multimodal-models/';

/** A built paper page whose only math is outside its abstract and title (related, previous/next). */
function pageWithBorrowedMath(): string | undefined {
  for (const slug of readdirSync('dist/papers')) {
    let html: string;
    try {
      html = readFileSync(path.join('dist/papers', slug, 'index.html'), 'utf8');
    } catch {
      continue;
    }
    const h1 = /<h1[\s\S]*?<\/h1>/.exec(html)?.[0] ?? '';
    const abstract = /data-abstract[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    if (html.includes('class="katex') && !h1.includes('katex') && !abstract.includes('katex'))
      return `/papers/${slug}/`;
  }
  return undefined;
}

test.describe('math everywhere it appears', () => {
  test('no page of any site shows KaTeX output without its stylesheet', () => {
    for (const s of Object.values(SITES)) {
      const { missing, withMath } = checkKatexPages(s.dir);
      expect(missing, s.dir).toEqual([]);
      if (s === SITES.main) expect(withMath).toBeGreaterThan(40);
    }
  });

  test('a page whose only math is in a related or neighbouring title draws each formula once', async ({
    page,
  }) => {
    const borrowed = pageWithBorrowedMath();
    expect(borrowed).toBeDefined();
    await page.goto(siteUrl(site, borrowed ?? '/'));
    const math = page.locator('.katex').first();
    await expect(math.locator('.katex-html')).toBeVisible();
    // The MathML copy is for screen readers: KaTeX's stylesheet clips it out of sight.
    const clipped = await math
      .locator('.katex-mathml')
      .evaluate((el) => getComputedStyle(el).position === 'absolute' && el.clientWidth <= 1);
    expect(clipped).toBe(true);
  });

  test('the search page loads the stylesheet for results drawn in the browser', async ({
    page,
  }) => {
    await page.goto(siteUrl(site, '/search/?q=sensitivity+sampling'));
    await expect(page.locator('link[href$="/assets/katex/katex.min.css"]')).toHaveCount(1);
  });

  test('numbers that lost their × get it back', async ({ page }) => {
    await page.goto(
      siteUrl(
        site,
        '/papers/twilight-adaptive-attention-sparsity-with-hierarchical-top-p-pruning/',
      ),
    );
    await expect(page.locator('[data-abstract]')).toContainText('15.4× acceleration');
    await expect(page.locator('[data-abstract]')).not.toContainText('15.4times');
  });
});

test.describe('a way out from every paper', () => {
  test('a paper with an arXiv id offers its PDF first, then its abstract page', async ({
    page,
  }) => {
    await page.goto(siteUrl(SITES.hf, HF_PAPER));
    const links = page.locator('[data-paper-access] a');
    await expect(links.first()).toHaveAttribute('data-access', 'pdf');
    await expect(links.first()).toHaveAttribute('href', /^https:\/\/arxiv\.org\/pdf\//);
    await expect(links.nth(1)).toHaveAttribute('data-access', 'abstract');
    await expect(page.getByText('Find this paper')).toHaveCount(0);
  });

  test('a paper without an id offers searches by title, marked as external', async ({ page }) => {
    await page.goto(siteUrl(site, MATH_PAPER));
    await expect(page.getByRole('heading', { name: 'Find this paper' })).toBeVisible();
    const links = page.locator('[data-paper-access] a');
    await expect(links).toHaveText([/arXiv/, /Semantic Scholar/, /Google Scholar/, /DBLP/]);
    for (const link of await links.all()) {
      await expect(link).toHaveAttribute('rel', /external/);
      await expect(link).toHaveAccessibleName(/\(another site\)$/);
      expect(await link.getAttribute('href')).toContain('Sensitivity');
    }
  });

  test('a citation says what the list lacks instead of (n.d.)', async ({ page }) => {
    await page.goto(siteUrl(site, MATH_PAPER));
    await expect(page.locator('[data-citation]')).toContainText(
      'Authors and year not given in the list.',
    );
    await expect(page.locator('[data-citation]')).not.toContainText('n.d.');
    await expect(page.locator('[data-bibtex]')).toContainText(
      'note = {Authors and year not given in the list}',
    );
  });
});

test.describe('layout', () => {
  test('at desktop width the abstract sits beside a side column of ids, links, topics, cite and share', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(siteUrl(SITES.hf, HF_PAPER));
    const abstract = await page.locator('[data-abstract]').boundingBox();
    const side = await page.locator('[data-paper-side]').boundingBox();
    expect(abstract && side).toBeTruthy();
    if (!abstract || !side) return;
    expect(side.x).toBeGreaterThan(abstract.x + abstract.width);
    expect(side.y).toBeLessThan(abstract.y + 50);
    for (const part of ['[data-ids]', '[data-topic-chips]', '[data-share-cite]'])
      await expect(page.locator(`[data-paper-side] ${part}`)).toBeVisible();
  });

  test('on a phone the paper page is one column', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(siteUrl(site, MATH_PAPER));
    const abstract = await page.locator('[data-abstract]').boundingBox();
    const side = await page.locator('[data-paper-side]').boundingBox();
    expect(side?.y ?? 0).toBeGreaterThan((abstract?.y ?? 0) + (abstract?.height ?? 0));
  });

  test('the phone header is one row of at most 64 px; its search icon expands the search box', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(siteUrl(site, '/papers/'));
    const header = await page.locator('[data-header]').boundingBox();
    expect(header?.height ?? 999).toBeLessThanOrEqual(64);
    const input = page.locator('#site-search');
    await expect(input).toBeHidden();
    const toggle = page.locator('[data-search-toggle]');
    await expect(toggle).toHaveAccessibleName('Search');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(input).toBeFocused();
    await input.fill('sparse');
    await expect(page.locator('[data-search-hit]').first()).toBeVisible();
    // The navigation is one tap away in the menu.
    await page.locator('[data-menu] summary').click();
    await expect(
      page.getByRole('navigation', { name: 'Main (menu)' }).getByRole('link'),
    ).toHaveCount(4);
  });

  test('the focus ring is neutral and contrasts with the page (WCAG 2.2 focus appearance)', async ({
    page,
  }) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(siteUrl(site, '/'));
      await page.locator('#home-search').focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      const { outline, width, background } = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return {
          outline: style.outlineColor,
          width: parseFloat(style.outlineWidth),
          // The page's background is on <html>; <body> is transparent.
          background: getComputedStyle(document.documentElement).backgroundColor,
        };
      });
      expect(width).toBeGreaterThanOrEqual(2);
      const [r, g, b] = (outline.match(/\d+/g) ?? []).map(Number);
      // Neutral: no hue (not the error red).
      expect(Math.max(r ?? 0, g ?? 0, b ?? 0) - Math.min(r ?? 0, g ?? 0, b ?? 0)).toBeLessThan(16);
      expect(contrast(outline, background), scheme).toBeGreaterThanOrEqual(3);
    }
  });

  test('every control is at least 44 px to tap on a touch screen', async ({ browser }) => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 800 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    // Every control but links inside running text (WCAG 2.5.8 exempts those): a checkbox counts by its label.
    const CONTROLS = [
      'header a, header button, header summary',
      'main button, main select, main summary',
      'main input:not([type=checkbox]):not([type=radio])',
      'main label:has(> input[type=checkbox])',
      '.chip, [data-paper-access] a, [data-paper-side] a, [data-map-legend] a, [data-pagination] a',
      '[data-topic-index] a, [aria-label="Sort topics"] a, nav[aria-label="Breadcrumb"] a, footer a',
      'article a[rel~=noopener]',
    ].join(', ');
    for (const p of [
      '/',
      MATH_PAPER,
      '/map/',
      '/search/?q=sparse',
      '/papers/',
      '/topics/',
      '/topics/mixture-of-experts/',
    ]) {
      await page.goto(siteUrl(site, p));
      await page.waitForLoadState('networkidle');
      const small = await page.evaluate(
        (selector) =>
          [...document.querySelectorAll<HTMLElement>(selector)]
            .filter((el) => el.offsetParent !== null && !el.closest('.sr-only'))
            .map((el) => ({ el, box: el.getBoundingClientRect() }))
            .filter(({ box }) => box.height < 43.5)
            .map(
              ({ el, box }) =>
                `${el.tagName} "${el.textContent?.trim().slice(0, 30)}" ${box.height}`,
            ),
        CONTROLS,
      );
      expect(small, p).toEqual([]);
    }
    await context.close();
  });

  test('Tab never stops on something unseen', async ({ page }) => {
    for (const p of ['/', MATH_PAPER, '/search/']) {
      await page.goto(siteUrl(site, p));
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const box = el.getBoundingClientRect();
          return {
            name: `${el.tagName} ${el.textContent?.trim().slice(0, 30)}`,
            w: box.width,
            h: box.height,
          };
        });
        if (!stop) break;
        expect(stop.w > 4 && stop.h > 4, `${p}: ${stop.name}`).toBe(true);
      }
    }
  });
});

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

/** WCAG contrast ratio of two `rgb(...)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}
