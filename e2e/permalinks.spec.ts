import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SITES, siteUrl } from './sites.ts';

const published = readdirSync('dist/papers', { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'page')
  .map((d) => d.name);

/** The abstract text a built page shows, to recognise a paper across builds. */
const abstractOf = (html: string) =>
  /<div class="prose-abstract" data-abstract[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';

test.describe('permalinks survive a changed list', () => {
  test('every paper URL of the first build answers with its paper, a redirect to it, or the removed page', async ({
    request,
  }) => {
    expect(published.length).toBe(198);
    const outcomes = { same: 0, redirected: 0, removed: 0 };
    for (const slug of published) {
      const original = readFileSync(`dist/papers/${slug}/index.html`, 'utf8');
      const response = await request.get(siteUrl(SITES.changed, `/papers/${slug}/`));
      expect(response.status(), slug).toBe(200);
      const html = await response.text();
      if (html.includes(`data-paper="${slug}"`)) {
        expect(abstractOf(html), slug).toBe(abstractOf(original));
        outcomes.same += 1;
        continue;
      }
      const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)"/.exec(html);
      if (refresh) {
        const target = await request.get(siteUrl(SITES.changed, refresh[1]));
        expect(target.status()).toBe(200);
        expect(abstractOf(await target.text()), slug).toBe(abstractOf(original));
        expect(html).toMatch(/<link rel="canonical" href="\/papers\/[^"]+\/">/);
        outcomes.redirected += 1;
        continue;
      }
      expect(html, slug).toContain(`data-removed-paper="${slug}"`);
      outcomes.removed += 1;
    }
    expect(outcomes).toEqual({ same: 196, redirected: 1, removed: 1 });
  });

  test("a retitled paper's old link takes the reader to the paper under its new title", async ({
    page,
  }) => {
    await page.goto(
      siteUrl(
        SITES.changed,
        '/papers/canary-in-a-coalmine-better-membership-inference-with-ensembled-adversarial/',
      ),
    );
    await expect(page).toHaveURL(
      siteUrl(
        SITES.changed,
        '/papers/canary-in-a-coal-mine-better-membership-inference-with-ensembled-adversarial/',
      ),
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Canary in a Coal Mine: Better Membership Inference with Ensembled Adversarial Queries',
    );
  });

  test('a removed paper leaves a page that says so and points onwards', async ({ page }) => {
    await page.goto(
      siteUrl(
        SITES.changed,
        '/papers/streaming-long-video-understanding-with-large-language-models/',
      ),
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'This paper is no longer in the collection',
    );
    await expect(page.locator('cite')).toHaveText(
      'Streaming Long Video Understanding with Large Language Models',
    );
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    await page.getByRole('link', { name: 'Browse all papers' }).click();
    await expect(page.locator('main ol > li')).toHaveCount(50);
  });

  test('added papers get their own URLs and hosts get a _redirects file', async ({ request }) => {
    const added = await request.get(
      siteUrl(SITES.changed, '/papers/a-note-on-fast-sampling-for-masked-diffusion/'),
    );
    expect(added.status()).toBe(200);
    const redirects = await (await request.get(siteUrl(SITES.changed, '/_redirects'))).text();
    expect(redirects).toContain(
      '/papers/canary-in-a-coalmine-better-membership-inference-with-ensembled-adversarial/ /papers/canary-in-a-coal-mine-better-membership-inference-with-ensembled-adversarial/ 301',
    );
  });
});
