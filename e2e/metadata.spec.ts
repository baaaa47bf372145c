import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SITES, siteUrl } from './sites.ts';

const site = SITES.hf;
interface HfItem {
  paper: {
    id: string;
    title: string;
    publishedAt: string;
    authors: { name: string }[];
    githubRepo?: string;
  };
}
const items = JSON.parse(readFileSync('test/fixtures/formats/hf-daily.json', 'utf8')) as HfItem[];
const unwrap = (s: string) => s.replace(/\s+/g, ' ').trim();

test.describe('a site built from a Hugging Face daily-papers download', () => {
  test('a paper page shows all authors, the date, arXiv links and the GitHub repository', async ({
    page,
  }) => {
    const item = items.find((i) => i.paper.id === '2405.15738');
    expect(item).toBeDefined();
    await page.goto(siteUrl(site, '/abs/2405.15738/'));
    await expect(page).toHaveURL(
      siteUrl(
        site,
        '/papers/convllava-hierarchical-backbones-as-visual-encoder-for-large-multimodal-models/',
      ),
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      unwrap(item?.paper.title ?? ''),
    );
    await expect(page.locator('[data-authors]').first()).toHaveText(
      item?.paper.authors.map((a) => a.name).join(', ') ?? '',
    );
    await expect(page.locator('[data-byline] time')).toHaveAttribute('datetime', '2024-05-24');
    await expect(page.locator('[data-byline] time')).toHaveText('24 May 2024');
    await expect(page.locator('[data-arxiv-abs]')).toHaveAttribute(
      'href',
      'https://arxiv.org/abs/2405.15738',
    );
    await expect(page.locator('[data-arxiv-pdf]')).toHaveAttribute(
      'href',
      'https://arxiv.org/pdf/2405.15738',
    );
    const code = page.locator('a[data-link-kind="code"]');
    await expect(code).toHaveAttribute('href', 'https://github.com/alibaba/conv-llava');
    await expect(code).toContainText('alibaba/conv-llava');
    await expect(page.locator('meta[name="citation_author"]')).toHaveCount(
      item?.paper.authors.length ?? 0,
    );
    await expect(page.locator('[data-bibtex]')).toContainText(
      'author = {Chunjiang Ge and Sijie Cheng and',
    );
    await expect(page.locator('[data-bibtex]')).toContainText('eprint = {2405.15738}');
  });

  test('cards show the first authors with et al., and lists are newest first', async ({ page }) => {
    await page.goto(siteUrl(site, '/papers/'));
    const dates = await page
      .locator('main ol article time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
    expect(dates.length).toBeGreaterThan(10);
    expect([...dates].sort().reverse()).toEqual(dates);
    await expect(page.locator('main ol article [data-authors]').first()).toContainText('et al.');
  });

  test('the archive lists each month with the right papers', async ({ page }) => {
    const byMonth = new Map<string, string[]>();
    for (const { paper } of items) {
      const month = paper.publishedAt.slice(0, 7).replace('-', '/');
      byMonth.set(month, [...(byMonth.get(month) ?? []), unwrap(paper.title)]);
    }
    await page.goto(siteUrl(site, '/'));
    await page.getByRole('link', { name: 'Archive' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Archive');
    const month = '2024/05';
    await page.locator(`a[href="/archive/${month}/"]`).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('May 2024');
    const titles = await page.locator('main ol article h2').allTextContents();
    expect(new Set(titles.map(unwrap))).toEqual(new Set(byMonth.get(month)));
    for (const [m, list] of byMonth) {
      await page.goto(siteUrl(site, `/archive/${m}/`));
      await expect(page.locator('[data-month-count]')).toHaveText(`${list.length} papers`);
    }
  });

  test('the bundled list, which has no dates, has no archive', async ({ request }) => {
    expect((await request.get(siteUrl(SITES.main, '/archive/'))).status()).toBe(404);
  });
});
