import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { checkKatexPages } from '../src/lib/katex-pages.ts';
import { SITES, siteUrl } from './sites.ts';

/** Every page right for its reader: math, a way out from each paper, layout (map and home: map-home.spec.ts). */
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
      // Paper titles in lists and related papers.
      'article > h2 > a, article > h3 > a, [data-related] a',
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
