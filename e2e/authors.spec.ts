import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SITES, siteUrl } from './sites.ts';

/** The Hugging Face fixture: Minglei Li and Jiawei Wang sign two papers together. */
const site = SITES.hf;
const PAPER = '/papers/softvtbench-a-deformation-aware-visuo-tactile-dataset-and-benchmark-for/';

test.describe('authors', () => {
  test('from a paper to an author, to a co-author, and back to the paper', async ({ page }) => {
    await page.goto(siteUrl(site, PAPER));
    const byline = page.locator('[data-byline]');
    await byline.getByRole('link', { name: 'Minglei Li' }).click();
    await expect(page).toHaveURL(siteUrl(site, '/authors/minglei-li/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Minglei Li');
    await expect(page.locator('[data-paper-count]')).toHaveText('2 papers');
    // Co-authors with the papers they share, most first.
    const coauthor = page.locator('[data-coauthors] a').first();
    await expect(coauthor).toHaveText('Jiawei Wang 2');
    await coauthor.click();
    await expect(page).toHaveURL(siteUrl(site, '/authors/jiawei-wang/'));
    await expect(page.locator('[data-coauthor="minglei-li"]')).toContainText('Minglei Li 2');
    // Their papers, newest first, link back to the paper.
    const titles = page.locator('[data-author-page] article h3 a');
    await expect(titles).toHaveCount(2);
    await page.getByRole('link', { name: /^SoftVTBench/ }).click();
    await expect(page).toHaveURL(siteUrl(site, PAPER));
    await page.goBack();
    await page.goBack();
    await expect(page).toHaveURL(siteUrl(site, '/authors/minglei-li/'));
  });

  test('the A-Z index lists every author by family name with their papers', async ({ page }) => {
    await page.goto(siteUrl(site, '/authors/'));
    await expect(page.getByRole('link', { name: 'Authors', exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    const letterL = page.locator('[data-author-letters] a', { hasText: /^L/ });
    await letterL.click();
    await expect(page).toHaveURL(siteUrl(site, '/authors/letter/l/'));
    const entry = page.locator('[data-author-names] li', { hasText: 'Li, Minglei' });
    await expect(entry.locator('[data-count]')).toHaveText('2');
    await entry.getByRole('link').click();
    await expect(page).toHaveURL(siteUrl(site, '/authors/minglei-li/'));
  });

  test('an author page gives the ORCID iD, homepage, topics, feed and BibTeX', async ({ page }) => {
    await page.goto(siteUrl(site, '/authors/minglei-li/'));
    await expect(page.locator('[data-orcid]')).toHaveAttribute(
      'href',
      'https://orcid.org/0000-0002-1825-0097',
    );
    await expect(page.locator('[data-homepage]')).toHaveAttribute(
      'href',
      'https://example.org/minglei-li',
    );
    await expect(page.locator('[data-author-topics] a')).not.toHaveCount(0);
    await expect(
      page.locator('link[rel="alternate"][href="/authors/minglei-li/feed.xml"]'),
    ).toHaveCount(1);

    const feed = await (
      await page.request.get(siteUrl(site, '/authors/minglei-li/feed.xml'))
    ).text();
    expect(XMLValidator.validate(feed)).toBe(true);
    const channel = new XMLParser().parse(feed).rss.channel;
    expect(channel.title).toBe('Paper Browser: papers by Minglei Li');
    const items = channel.item as { link: string }[];
    // Root-relative links: the fixture is built without SITE_URL.
    expect(items.map((i) => new URL(i.link, 'https://example.org').pathname)).toContain(PAPER);

    const response = await page.request.get(siteUrl(site, '/authors/minglei-li.bib'));
    const bib = parseBibtex(await response.text());
    expect(bib.errors).toEqual([]);
    expect(bib.entries).toHaveLength(2);
    expect(bib.entries.map((e) => e.fields.eprint).sort()).toEqual(['2608.18701', '2608.18746']);
  });

  test("a paper's JSON-LD names each author's page; Scholar's tags name the authors", async ({
    page,
  }) => {
    await page.goto(siteUrl(site, PAPER));
    const ld = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '',
    ) as { author: { name: string; url?: string; sameAs?: string[] }[] };
    const minglei = ld.author.find((a) => a.name === 'Minglei Li');
    // Root-relative: the fixture site is built without SITE_URL (src/lib/site-url.ts).
    expect(minglei).toMatchObject({
      url: '/authors/minglei-li/',
      sameAs: ['https://orcid.org/0000-0002-1825-0097', 'https://example.org/minglei-li'],
    });
    expect(ld.author.every((a) => a.url?.startsWith('/authors/'))).toBe(true);
    const names = await page
      .locator('meta[name="citation_author"]')
      .evaluateAll((ms) => ms.map((m) => m.getAttribute('content')));
    expect(names).toContain('Minglei Li');
    expect(names).toHaveLength(ld.author.length);
  });

  test('search: author:"…" in the query and the URL, the author facet, and links from hits', async ({
    page,
  }) => {
    await page.goto(siteUrl(site, `/search/?q=${encodeURIComponent('author:"Minglei Li"')}`));
    const hits = page.locator('[data-search-results] [data-search-hit]');
    await expect(hits).toHaveCount(2);
    await expect(page.locator('[data-facet-author="minglei-li"] input')).toBeChecked();
    // Ticking a co-author adds them to the query, and so to the URL.
    await page.locator('[data-facet-author="jiawei-wang"] input').check();
    await expect(page).toHaveURL(/q=author%3A%22Minglei\+Li%22\+author%3A%22Jiawei\+Wang%22/);
    await expect(page.locator('[data-facet-author="jiawei-wang"] input')).toBeChecked();
    await expect(hits).toHaveCount(2);
    // Two authors: their papers together only.
    await page.goto(
      siteUrl(site, `/search/?q=${encodeURIComponent('author:"Minglei Li" author:"Ke Rui"')}`),
    );
    await expect(hits).toHaveCount(1);
    await page.locator('[data-hit-authors] a[data-author="jiawei-wang"]').click();
    await expect(page).toHaveURL(siteUrl(site, '/authors/jiawei-wang/'));
  });

  test('the header search suggests authors with a page', async ({ page }) => {
    await page.goto(siteUrl(site, '/papers/'));
    await page.locator('#site-search').fill('minglei');
    const suggestion = page.locator('[data-search-panel] [data-author-suggestion]');
    await expect(suggestion).toHaveCount(1);
    await expect(suggestion).toContainText('Minglei Li');
    await page.locator('#site-search').press('ArrowDown');
    await expect(suggestion).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(siteUrl(site, '/authors/minglei-li/'));
  });

  test("the search page leads from a person's name to their page, not from part of a word", async ({
    page,
  }) => {
    await page.goto(siteUrl(site, '/search/?q=minglei+li'));
    const people = page.locator('[data-search-people] [data-author-suggestion]');
    await expect(people).toHaveCount(1);
    await expect(people).toContainText('Minglei Li');
    await expect(people).toContainText('2 papers');
    await people.click();
    await expect(page).toHaveURL(siteUrl(site, '/authors/minglei-li/'));
    // "mingl" begins the name but is no name: no one is offered.
    await page.goto(siteUrl(site, '/search/?q=mingl'));
    await expect(page.locator('[data-search-status]')).not.toHaveText('Results');
    await page.waitForLoadState('networkidle');
    await expect(page.locator('[data-search-people]')).toBeHidden();
  });

  test('cards link their authors', async ({ page }) => {
    await page.goto(siteUrl(site, '/papers/'));
    const first = page.locator('article [data-byline]').first();
    await expect(first.locator('a[data-author]')).toHaveCount(3);
    const href = await first.locator('a[data-author]').first().getAttribute('href');
    expect(href).toMatch(/^\/authors\/[a-z0-9-]+\/$/);
  });

  for (const scheme of ['light', 'dark'] as const)
    for (const path of ['/authors/', '/authors/minglei-li/'])
      test(`${path} has no WCAG 2.1 AA violations in the ${scheme} theme`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(siteUrl(site, path));
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual(
          [],
        );
      });

  test('author pages fit a 320 px screen', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ['/authors/', '/authors/letter/l/', '/authors/minglei-li/', PAPER]) {
      await page.goto(siteUrl(site, path));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
