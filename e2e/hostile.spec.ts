import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { expect, test, type Page } from '@playwright/test';
import { XMLValidator } from 'fast-xml-parser';
import { SITES, siteUrl } from './sites.ts';

const site = SITES.hostile;
const paperSlugs = readdirSync(`${site.dir}/papers`, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'page')
  .map((d) => d.name);
const authorSlugs = readdirSync(`${site.dir}/authors`, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'letter')
  .map((d) => d.name);
const pages = [
  '/',
  '/papers/',
  '/no-such-page/',
  '/authors/',
  ...paperSlugs.map((s) => `/papers/${s}/`),
  ...authorSlugs.map((s) => `/authors/${s}/`),
];

/** Records what a successful attack would leave behind: dialogs, globals, CSP violations. */
async function watch(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return dialogs;
}

test.describe('hostile titles, abstracts and author names', () => {
  test('no page runs their scripts, opens a dialog or carries their attributes', async ({
    page,
  }) => {
    // The nine of hostile.txt and the three of hostile-authors.jsonl.
    expect(paperSlugs.length).toBe(12);
    expect(authorSlugs.length).toBeGreaterThan(10);
    const dialogs = await watch(page);
    for (const path of pages) {
      await page.goto(siteUrl(site, path));
      await page.mouse.move(200, 200);
      const found = await page.evaluate(() => {
        const w = window as unknown as { __pwned?: unknown; __violations: string[] };
        const attributes = [...document.querySelectorAll('*')].flatMap((el) =>
          [...el.attributes]
            .filter((a) => /^on/i.test(a.name) || a.name === 'autofocus')
            .map((a) => `${el.tagName} ${a.name}`),
        );
        const badLinks = [...document.querySelectorAll('a[href], link[href]')]
          .map((a) => a.getAttribute('href') ?? '')
          .filter((h) => /^\s*(javascript|data|vbscript):/i.test(h));
        // The home page's own search form and map preview are the site's; anything else is foreign.
        const own = 'form[role="search"][action$="/search/"], img[src$="/map/preview.svg"]';
        const foreign = [
          ...document.querySelectorAll(
            'main img, main iframe, main object, main embed, main video, main audio, main form',
          ),
        ]
          .filter((el) => !el.matches(own))
          .map((el) => el.outerHTML.slice(0, 80));
        const scripts = [...document.scripts].filter(
          (s) =>
            !s.src &&
            s.type !== 'application/ld+json' &&
            !s.textContent?.includes('prefers-color-scheme'),
        );
        return {
          pwned: w.__pwned,
          violations: w.__violations,
          attributes,
          badLinks,
          foreign,
          inlineScripts: scripts.length,
        };
      });
      expect(found, path).toEqual({
        pwned: undefined,
        violations: [],
        attributes: [],
        badLinks: [],
        foreign: [],
        inlineScripts: 0,
      });
    }
    expect(dialogs).toEqual([]);
  });

  test('author names that look like markup show as text, linked to pages with safe slugs', async ({
    page,
  }) => {
    await page.goto(siteUrl(site, '/papers/hostile-author-names-in-bylines/'));
    const names = page.locator('[data-byline] [data-authors]');
    await expect(names).toHaveText(
      `<script>window.__pwned='author'</script> Smith, " onmouseover="window.__pwned='attr'" x=", <img src=x onerror="window.__pwned='img'"> Jones, javascript:alert('author'), Ann Lee`,
    );
    const hrefs = await names
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs).toHaveLength(5);
    for (const href of hrefs) expect(href).toMatch(/^\/authors\/[a-z0-9-]+\/$/);
    await page.goto(siteUrl(site, '/authors/script-window-pwned-author-script-smith/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `<script>window.__pwned='author'</script> Smith`,
    );
    await expect(page).toHaveTitle(
      `<script>window.__pwned='author'</script> Smith · Paper Browser`,
    );
    // A name made only of emoji is no author: printed, not linked.
    await page.goto(siteUrl(site, '/papers/hostile-author-names-in-other-scripts-and-sizes/'));
    await expect(page.locator('[data-authors]')).toContainText('💥💥💥');
    await expect(page.locator('[data-authors] a', { hasText: '💥' })).toHaveCount(0);
    // Names of Object.prototype's members are ordinary authors.
    for (const slug of ['constructor', 'proto', 'tostring'])
      expect(authorSlugs, slug).toContain(slug);
    expect(authorSlugs).toContain('letter-2');
  });

  test("hostile author names leave every author's feed and BibTeX valid", () => {
    for (const slug of authorSlugs) {
      const feed = readFileSync(`${site.dir}/authors/${slug}/feed.xml`, 'utf8');
      expect(XMLValidator.validate(feed), slug).toBe(true);
      const bib = parseBibtex(readFileSync(`${site.dir}/authors/${slug}.bib`, 'utf8'));
      expect(bib.errors, slug).toEqual([]);
      expect(bib.entries.length, slug).toBeGreaterThan(0);
      for (const entry of bib.entries)
        expect(JSON.stringify(entry.fields), slug).not.toMatch(/\\input|\\write/);
    }
  });

  test('markup in a title shows as text, in the page and in its title bar', async ({ page }) => {
    await page.goto(
      siteUrl(site, '/papers/script-window-pwned-title-script-sparse-attention-b-bold-b-claims/'),
    );
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveText(
      `<script>window.__pwned='title'</script> Sparse Attention <b>Bold</b> Claims`,
    );
    await expect(h1.locator('b, script')).toHaveCount(0);
    await expect(page).toHaveTitle(
      `<script>window.__pwned='title'</script> Sparse Attention <b>Bold</b> Claims · Paper Browser`,
    );
    const abstract = page.locator('[data-abstract]');
    await expect(abstract).toContainText(
      `An image <img src=x onerror="window.__pwned='img';alert('img')"> should show as text`,
    );
  });

  test('only http(s) URLs become links, and external links do not leak the opener or referrer', async ({
    page,
  }) => {
    await page.goto(
      siteUrl(site, '/papers/links-that-are-not-links-javascript-alert-1-and-data-text-html/'),
    );
    const abstract = page.locator('[data-abstract]');
    await expect(abstract).toContainText("[click me](javascript:alert('md'))");
    await expect(abstract).toContainText('![pixel](https://evil.example/pixel.png)');
    const hrefs = await abstract
      .locator('a')
      .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('rel')]));
    expect(hrefs).toEqual([
      ['https://evil.example/pixel.png', 'noopener noreferrer'],
      ['https://example.org/safe-link', 'noopener noreferrer'],
    ]);
    for (const path of pages) {
      await page.goto(siteUrl(site, path));
      const external = await page
        .locator('a[href^="http"]')
        .evaluateAll((as) =>
          as
            .filter((a) => new URL((a as HTMLAnchorElement).href).host !== location.host)
            .map((a) => a.getAttribute('rel') ?? ''),
        );
      for (const rel of external)
        expect(rel.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    }
  });

  test('text that ends up in JSON-LD cannot close the script block', async ({ page }) => {
    await page.goto(
      siteUrl(
        site,
        '/papers/closing-tags-script-script-alert-close-script-and-comments-in-titles/',
      ),
    );
    const blocks = page.locator('script[type="application/ld+json"]');
    await expect(blocks).toHaveCount(1);
    const ld = JSON.parse((await blocks.textContent()) ?? '');
    expect(ld.name).toBe(
      `Closing Tags </script><script>alert('close')</script> and Comments --> <!-- in Titles`,
    );
  });

  test('invisible controls are removed from titles, while scripts of every language display', async ({
    page,
  }) => {
    await page.goto(
      siteUrl(site, '/papers/bidi-override-and-zerowidth-characters-isolate-in-a-title/'),
    );
    const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    expect(title).toBe('Bidi override and zerowidth characters isolate in a title');
    expect(title).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b\u2060]/);
    await expect(page.locator('[data-abstract]')).toContainText(
      'emoji 🧪 and Arabic العربية and Hebrew עברית',
    );
  });

  test('math cannot make links or classes, and a macro bomb does not stop the build', async ({
    page,
  }) => {
    await page.goto(
      siteUrl(
        site,
        '/papers/math-attacks-href-javascript-alert-13-click-and-url-javascript-alert-14/',
      ),
    );
    await expect(page.locator('main a[href^="javascript" i]')).toHaveCount(0);
    await expect(page.locator('[data-abstract] a')).toHaveCount(0);
    await expect(page.locator('[data-abstract] .katex')).not.toHaveCount(0);
    await expect(page.locator('[data-abstract]')).not.toContainText('pwned');
  });

  test('a 200 KB abstract and a 2,000-character title render, and the layout holds', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of [
      '/papers/a-paper-with-a-very-large-abstract/',
      '/papers/an-extremely-long-title-about-sparse-mixture-of-experts-and-their-many-sparse/',
      '/papers/',
      '/papers/hostile-author-names-in-other-scripts-and-sizes/',
      '/authors/wolfeschlegelsteinhausenbergerdorff-hubert-blaine-hubert-blaine-hubert-blaine/',
      '/authors/',
    ]) {
      await page.goto(siteUrl(site, path));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.goto(siteUrl(site, '/papers/a-paper-with-a-very-large-abstract/'));
    expect((await page.locator('[data-abstract]').textContent())?.length).toBeGreaterThan(200_000);
  });
});
