import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SITES, siteUrl } from './sites.ts';

const site = SITES.main;
const builtPapers = readdirSync('dist/papers', { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'page')
  .map((d) => d.name);

test.describe('browsing the bundled list', () => {
  test('home says what the collection is and how many papers it has', async ({ page }) => {
    await page.goto(siteUrl(site));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sparse Papers');
    await expect(page.locator('[data-stat="papers"]')).toHaveText('198');
    await page.getByRole('link', { name: 'Browse all papers' }).click();
    await expect(page).toHaveURL(siteUrl(site, '/papers/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('All papers');
  });

  test('pagination reaches every paper exactly once', async ({ page }) => {
    expect(builtPapers).toHaveLength(198);
    await page.goto(siteUrl(site, '/papers/'));
    const seen: string[] = [];
    for (let pageNo = 1; ; pageNo++) {
      // The whole page, not the part parsed so far: a list read mid-parse has no "Next" yet.
      await page.waitForLoadState('load');
      await expect(page.locator('main ol > li')).not.toHaveCount(0);
      const hrefs = await page
        .locator('main ol > li article h2 a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.length).toBeLessThanOrEqual(50);
      seen.push(...hrefs.map((h) => h.replace(/^\/papers\/|\/$/g, '')));
      const next = page.getByRole('link', { name: 'Next →' });
      if ((await next.count()) === 0) break;
      await next.click();
      await expect(page).toHaveURL(siteUrl(site, `/papers/page/${pageNo + 1}/`));
    }
    expect(seen).toHaveLength(198);
    expect(new Set(seen)).toEqual(new Set(builtPapers));
  });

  test('a paper page shows the rendered abstract, typeset math and its code link', async ({
    page,
  }) => {
    await page.goto(siteUrl(site, '/papers/sharper-bounds-for-ell-p-sensitivity-sampling/'));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Sharper Bounds for');
    await expect(page.locator('h1 .katex')).toHaveCount(1);
    const abstract = page.locator('[data-abstract]');
    await expect(abstract).toContainText('In large scale machine learning, random sampling');
    expect(await abstract.locator('.katex').count()).toBeGreaterThan(5);
    // The formula is typeset, not shown as TeX source.
    const visible = (await abstract.locator('.katex-html').allTextContents()).join(' ');
    expect(visible).toContain('S2/p');
    expect(visible).not.toContain('mathfrak');
    await expect(abstract.locator('.katex annotation').first()).toHaveText('\\mathfrak S');
    const stylesheet = await page.evaluate(() =>
      [...document.styleSheets].some(
        (s) => (s.href ?? '').endsWith('/assets/katex/katex.min.css') && s.cssRules.length > 0,
      ),
    );
    expect(stylesheet).toBe(true);

    await page.goto(
      siteUrl(
        site,
        '/papers/pdf-wukong-a-large-multimodal-model-for-efficient-long-pdf-reading-with-end-to/',
      ),
    );
    const code = page.locator('a[data-link-kind="code"]');
    await expect(code).toHaveAttribute('href', 'https://github.com/yh-hust/PDF-Wukong');
    await expect(code).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(code).toContainText('yh-hust/PDF-Wukong');
    // The URL inside the abstract is a link too, without the sentence's final full stop.
    await expect(page.locator('[data-abstract] a')).toHaveAttribute(
      'href',
      'https://github.com/yh-hust/PDF-Wukong',
    );
  });

  test('a paper page links to its neighbours and keeps the raw text for copying', async ({
    page,
  }) => {
    await page.goto(siteUrl(site, '/papers/'));
    const second = await page.locator('main ol > li article h2 a').nth(1).getAttribute('href');
    await page.goto(siteUrl(site, second ?? '/'));
    await page.getByRole('link', { name: /Previous/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('PDF-WuKong');
    await page.getByText('Raw text, for copying').click();
    await expect(page.locator('[data-raw-text]')).toContainText(
      'Our code and dataset will be released at https://github.com/yh-hust/PDF-Wukong.',
    );
  });

  test('pages without math load no KaTeX', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(
      siteUrl(
        site,
        '/papers/pdf-wukong-a-large-multimodal-model-for-efficient-long-pdf-reading-with-end-to/',
      ),
    );
    expect(requests.filter((u) => u.includes('katex'))).toEqual([]);
  });

  test('an unknown address answers 404 with a way back', async ({ page }) => {
    const response = await page.goto(siteUrl(site, '/no/such/page/'));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page does not exist');
    await page.getByRole('link', { name: 'All papers' }).first().click();
    await expect(page).toHaveURL(siteUrl(site, '/papers/'));
  });
});

test.describe('theme', () => {
  test('follows the system; system, light and dark each have their own icon; the choice persists and can return to the system', async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(siteUrl(site));
    const html = page.locator('html');
    const toggle = page.locator('[data-theme-toggle]');
    const icon = async () =>
      toggle
        .locator('svg')
        .evaluateAll((svgs) =>
          svgs.filter((s) => getComputedStyle(s).display !== 'none').map((s) => s.dataset.icon),
        );
    await expect(html).toHaveAttribute('data-theme', 'light');
    await expect(toggle).toHaveAccessibleName(/^Theme: follow the system/);
    expect(await icon()).toEqual(['system']);

    await toggle.click();
    await expect(toggle).toHaveAccessibleName(/^Theme: light \(switch to dark\)/);
    expect(await icon()).toEqual(['light']);
    await toggle.click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAccessibleName(/^Theme: dark/);
    expect(await icon()).toEqual(['dark']);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(251, 250, 247)');

    await page.getByRole('link', { name: 'Papers', exact: true }).first().click();
    await expect(page).toHaveURL(siteUrl(site, '/papers/'));
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    expect(await icon()).toEqual(['dark']);

    // Back to the system: the stored choice is forgotten and the system's change is followed live.
    await toggle.click();
    await expect(toggle).toHaveAccessibleName(/^Theme: follow the system/);
    await expect(html).toHaveAttribute('data-theme', 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(toggle).toHaveAccessibleName(/^Theme: follow the system/);
  });

  test('dark system preference is the default', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(siteUrl(site));
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });
});

test.describe('small screens', () => {
  test('nothing overflows at 320 px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of [
      '/',
      '/papers/',
      '/papers/sharper-bounds-for-ell-p-sensitivity-sampling/',
    ]) {
      await page.goto(siteUrl(site, path));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
