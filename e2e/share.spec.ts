import { readdirSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { expect, test, type Page } from '@playwright/test';
import { SITES, siteUrl } from './sites.ts';

// The main site is built without SITE_URL: links are root-relative, and sharing
// uses the address the page is served from. The base site has an origin.
const site = SITES.main;
const PAPER = '/papers/sharper-bounds-for-ell-p-sensitivity-sampling/';
const CANONICAL = siteUrl(site, PAPER);
const ORIGIN = 'https://lab.example.org/papers-site';

test.describe('sharing and citing a paper', () => {
  test('Copy link puts the served URL on the clipboard and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(siteUrl(site, PAPER));
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.locator('[data-copy-status]')).toHaveText('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(CANONICAL);
  });

  test('Copy link falls back when the Clipboard API is refused', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new Error('denied')) },
      });
    });
    await page.goto(siteUrl(site, PAPER));
    await page.getByRole('button', { name: 'Copy link' }).click();
    // execCommand('copy') works in headless Chromium: the fallback reports success.
    await expect(page.locator('[data-copy-status]')).toHaveText('Link copied');
  });

  test('BibTeX and the plain citation can be copied, and the .bib downloaded', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(siteUrl(site, PAPER));
    await page.getByRole('button', { name: 'Copy BibTeX' }).click();
    await expect(page.locator('[data-copy-status]')).toHaveText('BibTeX copied');
    const bib = await page.evaluate(() => navigator.clipboard.readText());
    expect(bib).toMatch(/^@misc\{sharper-bounds-for-ell-p-sensitivity-sampling,/);
    expect(bib).toContain('title = {Sharper Bounds for {$\\ell_p$} Sensitivity Sampling}');
    expect(bib).toContain(`url = {${CANONICAL}}`);
    await page.getByRole('button', { name: 'Copy citation' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(CANONICAL);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download .bib' }).click();
    expect((await download).suggestedFilename()).toBe(
      'sharper-bounds-for-ell-p-sensitivity-sampling.bib',
    );
  });

  test('with a known origin, Copy link and BibTeX use it', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(siteUrl(SITES.base, PAPER));
    await expect(page.locator('[data-permalink]')).toHaveValue(`${ORIGIN}${PAPER}`);
    await page.getByRole('button', { name: 'Copy link' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${ORIGIN}${PAPER}`);
    await expect(page.locator('[data-bibtex]')).toContainText(`url = {${ORIGIN}${PAPER}}`);
  });

  test('without JavaScript the link and citations are still there, and no dead button shows', async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(siteUrl(site, PAPER));
    // Root-relative without an origin: never localhost.
    await expect(page.locator('[data-permalink]')).toHaveValue(PAPER);
    await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
    await expect(page.locator('[data-bibtex]')).toContainText('@misc{');
    await context.close();
  });
});

test.describe('what links look like where they are pasted', () => {
  test('a paper page on a site with an origin has absolute canonical, Open Graph, Twitter, Scholar and JSON-LD metadata', async ({
    page,
    request,
  }) => {
    const canonical = `${ORIGIN}${PAPER}`;
    await page.goto(siteUrl(SITES.base, PAPER));
    const meta = async (selector: string) => page.locator(selector).getAttribute('content');
    // A copy of the bundled list, so the default title.
    await expect(page).toHaveTitle('Sharper Bounds for ℓ_p Sensitivity Sampling · Paper Browser');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', canonical);
    expect(await meta('meta[property="og:url"]')).toBe(canonical);
    expect(await meta('meta[property="og:type"]')).toBe('article');
    expect(await meta('meta[name="description"]')).toMatch(/^In large scale machine learning/);
    const image = await meta('meta[property="og:image"]');
    expect(image).toBe(`${ORIGIN}/og/papers/sharper-bounds-for-ell-p-sensitivity-sampling.png`);
    expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(await meta('meta[name="twitter:image"]')).toBe(image);
    const png = await request.get(
      siteUrl(SITES.base, new URL(image ?? '').pathname.replace('/papers-site/', '/')),
    );
    expect(png.headers()['content-type']).toBe('image/png');
    expect((await png.body()).subarray(1, 4).toString()).toBe('PNG');
    expect(await meta('meta[name="citation_title"]')).toBe(
      'Sharper Bounds for ℓ_p Sensitivity Sampling',
    );
    expect(await meta('meta[name="citation_abstract_html_url"]')).toBe(canonical);
    const ld = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    );
    expect(ld).toMatchObject({
      '@type': 'ScholarlyArticle',
      url: canonical,
      name: 'Sharper Bounds for ℓ_p Sensitivity Sampling',
    });
  });

  test('without an origin nothing says localhost: canonical, og:url and og:image are left out', async ({
    page,
  }) => {
    await page.goto(siteUrl(site, PAPER));
    await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
    await expect(page.locator('meta[property="og:url"]')).toHaveCount(0);
    await expect(page.locator('meta[property="og:image"]')).toHaveCount(0);
    await expect(page.locator('meta[name="citation_abstract_html_url"]')).toHaveCount(0);
    await expect(page.locator('link[rel="sitemap"]')).toHaveCount(0);
    expect(await page.content()).not.toContain('localhost');
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      'href',
      '/feed.xml',
    );
  });

  test('the machine-readable twin has the paper data', async ({ request }) => {
    const twin = await (
      await request.get(siteUrl(site, '/papers/sharper-bounds-for-ell-p-sensitivity-sampling.json'))
    ).json();
    expect(twin).toMatchObject({
      slug: 'sharper-bounds-for-ell-p-sensitivity-sampling',
      url: PAPER,
    });
    expect(twin.abstract).toMatch(/^In large scale machine learning/);
    // Its topics link to their pages, which exist.
    expect(twin.topics.length).toBeGreaterThan(0);
    for (const topic of twin.topics as { slug: string; url: string }[]) {
      expect(topic.url).toBe(`/topics/${topic.slug}/`);
      expect((await request.get(siteUrl(site, `/topics/${topic.slug}/`))).status()).toBe(200);
    }
  });
});

/** Whether the browser's own XML parser accepts the text as well-formed XML. */
async function wellFormed(page: Page, xml: string): Promise<boolean> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return doc.getElementsByTagName('parsererror').length === 0;
  }, xml);
}

test.describe('feeds and discovery', () => {
  const parser = new XMLParser({ ignoreAttributes: false });

  test('the RSS feed is valid XML and lists papers, root-relative without an origin', async ({
    page,
    request,
  }) => {
    const xml = await (await request.get(siteUrl(site, '/feed.xml'))).text();
    expect(await wellFormed(page, xml)).toBe(true);
    const items = parser.parse(xml).rss.channel.item as { title: string; link: string }[];
    expect(items).toHaveLength(100);
    expect(items[0]?.title).toBe(
      'PDF-WuKong: A Large Multimodal Model for Efficient Long PDF Reading with End-to-End Sparse Sampling',
    );
    for (const item of items) expect(item.link).toMatch(/^\/papers\/[a-z0-9-]+\/$/);
    const based = await (await request.get(siteUrl(SITES.base, '/feed.xml'))).text();
    for (const item of parser.parse(based).rss.channel.item as { link: string }[])
      expect(item.link).toMatch(/^https:\/\/lab\.example\.org\/papers-site\/papers\/[a-z0-9-]+\/$/);
  });

  test('the sitemap is valid XML, lists every paper page and no redirect', async ({
    page,
    request,
  }) => {
    const index = await (await request.get(siteUrl(SITES.base, '/sitemap-index.xml'))).text();
    expect(await wellFormed(page, index)).toBe(true);
    const loc = parser.parse(index).sitemapindex.sitemap.loc as string;
    const xml = await (
      await request.get(siteUrl(SITES.base, new URL(loc).pathname.replace('/papers-site/', '/')))
    ).text();
    expect(await wellFormed(page, xml)).toBe(true);
    const urls = (parser.parse(xml).urlset.url as { loc: string }[]).map((u) => u.loc);
    const papers = readdirSync(`${SITES.base.dir}/papers`, { withFileTypes: true }).filter(
      (d) => d.isDirectory() && d.name !== 'page',
    );
    for (const p of papers) expect(urls).toContain(`${ORIGIN}/papers/${p.name}/`);
    expect(urls).not.toContain(`${ORIGIN}/404/`);
  });

  test('robots.txt names the sitemap where there is one, and nothing else', async ({ request }) => {
    const robots = await (await request.get(siteUrl(SITES.base, '/robots.txt'))).text();
    expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemap-index.xml`);
    const bare = await (await request.get(siteUrl(site, '/robots.txt'))).text();
    expect(bare).not.toContain('Sitemap');
    expect((await request.get(siteUrl(site, '/sitemap-index.xml'))).status()).toBe(404);
  });
});
