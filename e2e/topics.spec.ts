import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SITES, siteUrl } from './sites.ts';

const site = SITES.main;

test.describe('browsing by topic', () => {
  test('home → topic index → a topic → a paper → along a chip to another topic', async ({
    page,
  }) => {
    await page.goto(siteUrl(site));
    await page.getByRole('link', { name: 'Browse by topic' }).click();
    await expect(page).toHaveURL(siteUrl(site, '/topics/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Topics');
    const count = await page.locator('[data-topic-index] > li').count();
    expect(count).toBeGreaterThanOrEqual(12);
    expect(count).toBeLessThanOrEqual(30);

    await page.locator('[data-topic-link="mixture-of-experts"]').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mixture of experts');
    const first = page.locator('main ol > li article h2 a').first();
    const title = (await first.textContent())?.trim() ?? '';
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const chips = page.locator('main article [data-topic-chips] a');
    await expect(chips.filter({ hasText: 'Mixture of experts' })).toHaveCount(1);
    const other = chips.filter({ hasNotText: 'Mixture of experts' }).first();
    const otherName = (await other.textContent())?.trim() ?? '';
    await other.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(otherName);
    await expect(page.locator('main ol > li article h2 a', { hasText: title })).toHaveCount(1);
  });

  test('the counts shown match the papers listed, for every topic', async ({ page }) => {
    await page.goto(siteUrl(site, '/topics/'));
    const entries = await page.locator('[data-topic-index] > li').evaluateAll((lis) =>
      lis.map((li) => ({
        slug: li.querySelector('[data-topic-link]')?.getAttribute('data-topic-link') ?? '',
        count: Number(li.querySelector('[data-count]')?.getAttribute('data-count')),
      })),
    );
    const sizes = entries.map((e) => e.count);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    for (const { slug, count } of entries) {
      await page.goto(siteUrl(site, `/topics/${slug}/`));
      await expect(page.locator('[data-topic-count]')).toHaveAttribute(
        'data-topic-count',
        String(count),
      );
      await expect(page.locator('main ol > li')).toHaveCount(Math.min(count, 50));
      expect(count).toBeGreaterThanOrEqual(3);
      expect(count).toBeLessThanOrEqual(66);
    }
  });

  test('the A–Z view lists the same topics alphabetically', async ({ page }) => {
    await page.goto(siteUrl(site, '/topics/'));
    await page.getByRole('link', { name: 'A–Z' }).click();
    await expect(page).toHaveURL(siteUrl(site, '/topics/by-name/'));
    const names = await page.locator('[data-topic-link]').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  test('every paper card and page shows its topics', async ({ page }) => {
    await page.goto(siteUrl(site, '/papers/'));
    const cards = page.locator('main ol > li article');
    const n = await cards.count();
    for (let i = 0; i < n; i++)
      await expect(cards.nth(i).locator('[data-topic-chips] a')).not.toHaveCount(0);
  });

  test('a topic page links to related topics and offers its BibTeX and feed', async ({
    page,
    request,
  }) => {
    await page.goto(siteUrl(site, '/topics/mixture-of-experts/'));
    await expect(page.locator('[data-related-topics] a')).not.toHaveCount(0);
    const bib = await (await request.get(siteUrl(site, '/topics/mixture-of-experts.bib'))).text();
    expect(bib.match(/^@\w+\{/gm)?.length).toBe(
      Number(await page.locator('[data-topic-count]').getAttribute('data-topic-count')),
    );
    const feed = await (
      await request.get(siteUrl(site, '/topics/mixture-of-experts/feed.xml'))
    ).text();
    expect(feed).toContain('<title>Sparse Papers: Mixture of experts</title>');
    await expect(
      page.locator('link[rel="alternate"][href="/topics/mixture-of-experts/feed.xml"]'),
    ).toHaveCount(1);
  });
});

test.describe('topic pagination and discovered topics', () => {
  const base = SITES.base;

  test('a topic longer than a page is paginated, and the pages together list every paper once', async ({
    page,
  }) => {
    await page.goto(siteUrl(base, '/topics/'));
    const slug =
      (await page.locator('[data-topic-link]').first().getAttribute('data-topic-link')) ?? '';
    const count = Number(await page.locator('[data-count]').first().getAttribute('data-count'));
    expect(count).toBeGreaterThan(12);
    await page.goto(siteUrl(base, `/topics/${slug}/`));
    const seen: string[] = [];
    for (;;) {
      seen.push(
        ...(await page
          .locator('main ol > li article h2 a')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))),
      );
      const next = page.getByRole('link', { name: 'Next →' });
      if ((await next.count()) === 0) break;
      await next.click();
    }
    expect(seen).toHaveLength(count);
    expect(new Set(seen).size).toBe(count);
  });

  test('a list without a topics file gets discovered topics covering its papers, with reasons', async ({
    page,
  }) => {
    const items = JSON.parse(
      readFileSync('test/fixtures/formats/hf-daily.json', 'utf8'),
    ) as unknown[];
    await page.goto(siteUrl(SITES.hf, '/topics/'));
    const counts = await page
      .locator('[data-count]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
    expect(counts.length).toBeGreaterThan(2);
    for (const c of counts) expect(c).toBeLessThanOrEqual(Math.ceil(items.length / 3));
    await page.locator('[data-topic-link]').first().click();
    await expect(page.getByText('Discovered from titles and abstracts')).toBeVisible();
    await expect(page.locator('[data-reason]').first()).toContainText('Why here:');
  });
});

test.describe('areas, then topics (a list of 3,000 papers)', () => {
  const areas = SITES.areas;

  test('topic index → an area → one of its topics → a paper, with breadcrumbs back', async ({
    page,
  }) => {
    await page.goto(siteUrl(areas, '/topics/'));
    const tree = page.locator('[data-topic-tree] > li');
    const count = await tree.count();
    expect(count).toBeGreaterThanOrEqual(10);
    expect(count).toBeLessThanOrEqual(25);
    const area = tree.first();
    const areaLink = area.locator('h2 a');
    const areaName = (await areaLink.textContent())?.trim() ?? '';
    await areaLink.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(areaName);
    await expect(page.locator('[data-breadcrumb] a')).toHaveText(['Topics']);
    await expect(page.getByText(/^Area of \d+ topics/)).toBeVisible();

    // The area's topics, largest first; the second one (the first may be a near namesake).
    const children = page.locator('[data-topic-chips="area-topics"] a');
    expect(await children.count()).toBeGreaterThanOrEqual(2);
    const sizes = await children.evaluateAll((as) =>
      as.map((a) => Number(a.querySelector('span')?.textContent?.replace(/,/g, ''))),
    );
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    const topic = children.nth(1);
    const topicSlug = (await topic.getAttribute('data-topic-link')) ?? '';
    await topic.click();
    await expect(page).toHaveURL(siteUrl(areas, `/topics/${topicSlug}/`));
    await expect(page.locator('[data-breadcrumb] a')).toHaveText(['Topics', areaName]);
    await expect(page.getByText('Discovered from titles and abstracts')).toBeVisible();
    await expect(page.locator('[data-topic-chips="sibling-topics"] a').first()).toBeVisible();
    const count2 = Number(
      await page.locator('[data-topic-count]').getAttribute('data-topic-count'),
    );
    // No topic holds more than about 3% of the list.
    expect(count2).toBeLessThanOrEqual(93);

    const first = page.locator('main ol > li article h2 a').first();
    const title = (await first.textContent())?.trim() ?? '';
    await expect(page.locator('[data-reason]').first()).toContainText('Why here:');
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(
      page.locator(`main article [data-topic-chips] a[href="/topics/${topicSlug}/"]`),
    ).toHaveCount(1);

    // Back up the breadcrumb of the topic to its area.
    await page.goBack();
    await page.locator('[data-breadcrumb] a', { hasText: areaName }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(areaName);
  });

  test('an area holds the papers of its topics, and the index counts agree with the pages', async ({
    page,
  }) => {
    await page.goto(siteUrl(areas, '/topics/'));
    const area = page.locator('[data-topic-tree] > li').nth(2);
    const slug = (await area.getAttribute('data-area')) ?? '';
    const count = Number(await area.locator('[data-count]').first().getAttribute('data-count'));
    await page.goto(siteUrl(areas, `/topics/${slug}/`));
    await expect(page.locator('[data-topic-count]')).toHaveAttribute(
      'data-topic-count',
      String(count),
    );
    const childSum = await page
      .locator('[data-topic-chips="area-topics"] a span')
      .evaluateAll((spans) =>
        spans.reduce((a, s) => a + Number(s.textContent?.replace(/,/g, '')), 0),
      );
    // A paper in two topics of the area counts once in the area.
    expect(childSum).toBeGreaterThanOrEqual(count);
    expect(childSum).toBeLessThanOrEqual(Math.ceil(count * 1.2));
  });
});
