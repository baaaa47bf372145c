import { readdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import { LinkChecker } from 'linkinator';
import { SITES, siteUrl } from './sites.ts';

/** Every HTML file of a built site. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name));
}

test.describe('the built HTML', () => {
  // html-validate's recommended rules, but two: KaTeX positions glyphs with style
  // attributes, and a paper's <title> is its full title however long (bookmarks and
  // search results need it whole).
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: { 'no-inline-style': 'off', 'long-title': 'off' },
  });

  for (const name of ['main', 'hostile', 'hf'] as const) {
    test(`every page of the ${name} site validates`, async () => {
      const files = htmlFiles(SITES[name].dir);
      expect(files.length).toBeGreaterThan(5);
      const problems: string[] = [];
      for (const file of files) {
        const report = await validator.validateFile(file);
        for (const result of report.results) {
          for (const m of result.messages)
            problems.push(
              `${path.relative(SITES[name].dir, file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`,
            );
        }
      }
      expect(problems.slice(0, 20)).toEqual([]);
    });
  }
});

test.describe('links', () => {
  for (const name of ['main', 'hostile'] as const) {
    test(`every internal link and asset of the ${name} site resolves`, async () => {
      test.setTimeout(120_000);
      const checker = new LinkChecker();
      const result = await checker.check({
        path: SITES[name].dir,
        recurse: true,
        concurrency: 8,
        // No network: links to other sites are not followed.
        linksToSkip: async (link) => !/^https?:\/\/(localhost|127\.0\.0\.1):\d+\//.test(link),
      });
      const broken = result.links
        .filter((l) => l.state === 'BROKEN')
        .map((l) => `${l.status} ${l.url} (from ${l.parent})`);
      expect(broken).toEqual([]);
      expect(result.links.filter((l) => l.state === 'OK').length).toBeGreaterThan(20);
    });
  }
});

const PAGE_TYPES = {
  home: '/',
  'papers list': '/papers/',
  'paper with math': '/papers/sharper-bounds-for-ell-p-sensitivity-sampling/',
  'topic index': '/topics/',
  topic: '/topics/mixture-of-experts/',
  'search with results': '/search/?q=sparse+retrieval',
  map: '/map/',
  404: '/no-such-page/',
};

test.describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [type, pagePath] of Object.entries(PAGE_TYPES)) {
      test(`${type} has no WCAG 2.1 AA violations in the ${scheme} theme`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(siteUrl(SITES.main, pagePath));
        await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
        if (pagePath.startsWith('/search/'))
          await expect(page.locator('[data-search-hit]').first()).toBeVisible();
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze();
        expect(
          results.violations.map(
            (v) =>
              `${v.id}: ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(', ')}`,
          ),
        ).toEqual([]);
      });
    }
  }

  test('a keyboard user can skip to the content, and every stop shows where focus is', async ({
    page,
  }) => {
    await page.goto(siteUrl(SITES.main, PAGE_TYPES['paper with math']));
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    const box = await skip.boundingBox();
    expect(box && box.width > 10 && box.height > 10).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();

    await page.goto(siteUrl(SITES.main, PAGE_TYPES['paper with math']));
    const stops: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const visible =
          (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
          style.boxShadow !== 'none';
        return { name: `${el.tagName} ${(el.textContent ?? '').trim().slice(0, 30)}`, visible };
      });
      if (!stop) break;
      expect(stop.visible, stop.name).toBe(true);
      stops.push(stop.name);
    }
    // The toggle, the navigation, the links, the share buttons and the pager are all reachable.
    expect(stops.some((s) => s.startsWith('BUTTON Copy link'))).toBe(true);
    expect(stops.some((s) => s.startsWith('A') && s.includes('Papers'))).toBe(true);
    expect(stops.some((s) => s.startsWith('SUMMARY'))).toBe(true);
  });
});
