import { expect, test } from '@playwright/test';
import { SITES, siteUrl } from './sites.ts';

const site = SITES.main;

test.describe('related papers', () => {
  test('a paper lists related papers with the terms they share, and the links open them', async ({
    page,
  }) => {
    await page.goto(
      siteUrl(
        site,
        '/papers/a-few-brief-notes-on-deepimpact-coil-and-a-conceptual-framework-for-information/',
      ),
    );
    const items = page.locator('[data-related] > li');
    await expect(items).toHaveCount(5);
    const titles = await items.locator('a').allTextContents();
    expect(titles.join(' ')).toMatch(/SPLADE/);
    await expect(items.first().locator('[data-shared-terms]')).toContainText('Shares:');
    await items.nth(2).locator('a').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[2] ?? '');
  });

  test('a paper with no close neighbour shows no related list rather than noise', async ({
    page,
  }) => {
    await page.goto(
      siteUrl(
        site,
        '/papers/canary-in-a-coalmine-better-membership-inference-with-ensembled-adversarial/',
      ),
    );
    const count = await page.locator('[data-related] > li').count();
    expect(count).toBeLessThan(5);
  });
});

test.describe('the map', () => {
  test('renders every paper, a legend click filters, and the filter is in the URL', async ({
    page,
  }) => {
    await page.goto(siteUrl(site, '/map/'));
    await expect(page.locator('[data-map-page]')).toHaveAttribute('data-ready', '198');
    const painted = await page.locator('[data-map-canvas]').evaluate((c: HTMLCanvasElement) => {
      const ctx = c.getContext('2d');
      if (!ctx) return 0;
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(1000);
    const button = page.locator('[data-legend="0"]');
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/\/map\/\?topic=[a-z0-9-]+$/);
    await expect(page.locator('[data-map-page]')).toHaveAttribute('data-filter', '0');
    await page.getByRole('button', { name: 'Show all topics' }).click();
    await expect(page.locator('[data-map-page]')).toHaveAttribute('data-filter', '');
  });

  test('keyboard focus on the map shows a paper title, arrows move, Enter opens the paper', async ({
    page,
  }) => {
    await page.goto(siteUrl(site, '/map/'));
    await expect(page.locator('[data-map-page]')).toHaveAttribute('data-ready', '198');
    await page.locator('[data-map]').focus();
    const label = page.locator('[data-map-label] a[data-map-paper]');
    await expect(label).toBeVisible();
    const first = await label.textContent();
    await page.keyboard.press('ArrowRight');
    await expect(label).not.toHaveText(first ?? '');
    const slug = await label.getAttribute('data-map-paper');
    const title = (await label.textContent()) ?? '';
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(siteUrl(site, `/papers/${slug}/`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  });

  test('a topic page shows where its papers sit, linking to the filtered map', async ({ page }) => {
    await page.goto(siteUrl(site, '/topics/diffusion-models/'));
    const map = page.locator('[data-topic-map]');
    await expect(map.locator('circle')).toHaveCount(
      Number(await page.locator('[data-topic-count]').getAttribute('data-topic-count')),
    );
    await map.locator('a').click();
    await expect(page).toHaveURL(siteUrl(site, '/map/?topic=diffusion-models'));
  });
});
