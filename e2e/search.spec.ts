import { expect, test, type Page } from '@playwright/test';
import { SITES, siteUrl } from './sites.ts';

const site = SITES.main;

/** Types into the header box once the index has loaded, and returns the result titles. */
async function headerSearch(page: Page, query: string): Promise<string[]> {
  const box = page.locator('#site-search');
  // Emptying the box clears the list, so the results below are the query's own.
  await box.fill('');
  await box.fill(query);
  const results = page.locator('[data-search-panel] [data-search-hit]');
  await expect(results.first()).toBeVisible();
  return results.locator('span.font-serif').allTextContents();
}

test.describe('search from the header', () => {
  test('the index loads lazily: nothing is fetched before the box is used', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(siteUrl(site, '/papers/'));
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((p) => p.includes('/search-index/'))).toEqual([]);
    await page.keyboard.press('/');
    await expect(page.locator('#site-search')).toBeFocused();
    await expect
      .poll(() => fetched.filter((p) => p.endsWith('/search-index/manifest.json')).length)
      .toBe(1);
  });

  test('results appear as you type, with the matched words highlighted, within a frame', async ({
    page,
  }) => {
    await page.goto(siteUrl(site, '/'));
    const titles = await headerSearch(page, 'spar');
    expect(titles.some((t) => /sparse/i.test(t))).toBe(true);
    await expect(page.locator('[data-search-panel] mark').first()).toBeVisible();
    const marks = await page.locator('[data-search-panel] mark').allTextContents();
    expect(marks.some((m) => /^spar/i.test(m))).toBe(true);

    // Keystroke to rendered results once the index files a query needs are in
    // (each query runs once to load them, then is timed), measured in the page.
    const timings: number[] = [];
    for (const query of [
      'spars',
      'sparse',
      'sparse a',
      'sparse at',
      'sparse att',
      'spars',
      'sparse',
      'sparse a',
      'sparse at',
      'sparse att',
    ]) {
      const ms = await page.evaluate(async (q) => {
        const input = document.querySelector<HTMLInputElement>('#site-search');
        const list = document.querySelector('[data-search-results]');
        if (!input || !list) return -1;
        const done = new Promise<number>((resolve) => {
          const started = performance.now();
          new MutationObserver((_, observer) => {
            observer.disconnect();
            resolve(performance.now() - started);
          }).observe(list, { childList: true });
        });
        input.value = q;
        input.dispatchEvent(new Event('input'));
        return done;
      }, query);
      timings.push(ms);
    }
    timings.splice(0, 5);
    timings.sort((a, b) => a - b);
    console.log(`keystroke to results, ms: ${timings.map((t) => t.toFixed(1)).join(' ')}`);
    expect(timings[2]).toBeLessThan(50);
  });

  test('a prefix, a typo and a phrase find what they should', async ({ page }) => {
    await page.goto(siteUrl(site, '/'));
    expect((await headerSearch(page, 'spar')).join(' ')).toMatch(/Sparse/);
    expect((await headerSearch(page, 'difusion')).every((t) => /diffusion/i.test(t))).toBe(true);
    await page.goto(siteUrl(site, '/search/?q=%22mixture+of+experts%22'));
    const hits = page.locator('[data-search-results] [data-search-hit]');
    await expect(hits.first()).toBeVisible();
    const texts = await hits.allTextContents();
    for (const text of texts)
      expect(text.toLowerCase().replace(/-/g, ' ')).toMatch(/mixture|experts|moe/);
    expect(texts.length).toBeGreaterThan(3);
  });

  test('arrows walk the results and Enter opens the paper at the matched passage', async ({
    page,
  }) => {
    await page.goto(siteUrl(site, '/'));
    await headerSearch(page, 'lottery ticket');
    await page.keyboard.press('ArrowDown');
    const first = page.locator('[data-search-panel] [data-search-hit]').first();
    await expect(first).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('[data-search-panel] [data-search-hit]').nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(first).toBeFocused();
    const slug = await first.getAttribute('data-search-hit');
    await page.keyboard.press('Enter');
    // Highlighted, then `hl` leaves the address: a copied link is the paper's own.
    const mark = page.locator('[data-abstract] mark[data-hl]').first();
    await expect(mark).toBeVisible();
    await expect(mark).toBeInViewport();
    expect((await mark.textContent())?.toLowerCase()).toMatch(/lottery|ticket/);
    await expect(page).toHaveURL(new RegExp(`/papers/${slug}/$`));
  });

  test('Escape clears the box, and an empty box shows nothing', async ({ page }) => {
    await page.goto(siteUrl(site, '/'));
    await headerSearch(page, 'pruning');
    await page.keyboard.press('Escape');
    await expect(page.locator('#site-search')).toHaveValue('');
    await expect(page.locator('[data-search-panel]')).toBeHidden();
  });

  test('screen readers hear the number of results', async ({ page }) => {
    await page.goto(siteUrl(site, '/'));
    await headerSearch(page, 'pruning');
    await expect(page.locator('#site-search-status')).toHaveText(/^\d+ papers match$/);
    await expect(page.locator('#site-search-status')).toHaveAttribute('aria-live', 'polite');
  });
});

test.describe('the search page', () => {
  test('an empty search page fetches no index until the first key', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(siteUrl(site, '/search/'));
    await page.waitForLoadState('networkidle');
    await expect(page.locator('#search-q')).toBeFocused();
    expect(fetched.filter((p) => p.includes('/search-index/'))).toEqual([]);
    await page.keyboard.type('sparse');
    await expect(page.locator('[data-search-results] [data-search-hit]').first()).toBeVisible();
    expect(fetched.filter((p) => p.endsWith('/search-index/manifest.json'))).toHaveLength(1);
  });

  test('the query lives in the URL, and a reload or a shared link shows the same results', async ({
    page,
  }) => {
    await page.goto(siteUrl(site, '/search/'));
    await page.locator('#search-q').fill('speculative decoding');
    await expect(page).toHaveURL(/\?q=speculative\+decoding$/);
    const status = page.locator('[data-search-status]');
    await expect(status).toContainText('contain all words');
    const before = await page
      .locator('[data-search-hit]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('data-search-hit')));
    await page.reload();
    await expect(page.locator('#search-q')).toHaveValue('speculative decoding');
    await expect(page.locator('[data-search-hit]').first()).toBeVisible();
    const after = await page
      .locator('[data-search-hit]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('data-search-hit')));
    expect(after).toEqual(before);
  });

  test('a topic filter counts, filters, and back and forward undo and redo it', async ({
    page,
  }) => {
    await page.goto(siteUrl(site, '/search/?q=sparse'));
    const facet = page.locator('[data-facet-topic="mixture-of-experts"]');
    await expect(facet).toBeVisible();
    const count = Number(await facet.locator('span').last().textContent());
    await facet.locator('input').check();
    await expect(page).toHaveURL(/topic=mixture-of-experts/);
    await expect(page.locator('[data-search-status]')).toHaveText(
      `${count} papers match “sparse” with these filters.`,
    );
    const chips = page.locator('[data-search-results] > li');
    const n = await chips.count();
    for (let i = 0; i < n; i++)
      await expect(chips.nth(i).locator('a.chip', { hasText: 'Mixture of experts' })).toHaveCount(
        1,
      );
    await page.goBack();
    await expect(page).toHaveURL(siteUrl(site, '/search/?q=sparse'));
    await expect(page.locator('[data-facet-topic="mixture-of-experts"] input')).not.toBeChecked();
    await page.goForward();
    await expect(page.locator('[data-facet-topic="mixture-of-experts"] input')).toBeChecked();
  });

  test('sorting by title orders the results A to Z', async ({ page }) => {
    await page.goto(siteUrl(site, '/search/?q=diffusion&sort=title'));
    await expect(page.locator('[data-sort]')).toHaveValue('title');
    // Results render after the index loads, a few hundred ms after `load`: wait for them.
    await expect(page.locator('[data-search-hit]')).toHaveCount(20);
    const titles = await page.locator('[data-search-hit] span.font-serif').allTextContents();
    expect(titles.length).toBe(20);
    expect(titles).toEqual(
      [...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
    );
  });

  test('results page through, and the BibTeX of the current results downloads', async ({
    page,
  }) => {
    await page.goto(siteUrl(site, '/search/?q=sparse'));
    await expect(page.locator('[data-search-hit]')).toHaveCount(20);
    const firstPage = await page
      .locator('[data-search-hit]')
      .first()
      .getAttribute('data-search-hit');
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.locator('[data-search-hit]').first()).not.toHaveAttribute(
      'data-search-hit',
      firstPage ?? '',
    );
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'BibTeX of these results' }).click();
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(file, 'utf8');
    expect(text.match(/^@\w+\{/gm)?.length).toBe(20);
  });

  test('without JavaScript the page says what search needs, and the rest still works', async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(siteUrl(site, '/search/?q=sparse'));
    await expect(page.getByText('Search runs in your browser and needs JavaScript.')).toBeVisible();
    await page.getByRole('link', { name: 'the topics' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Topics');
    await context.close();
  });

  test('works at 320 px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(siteUrl(site, '/search/?q=sparse+retrieval'));
    await expect(page.locator('[data-search-hit]').first()).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe('search over hostile text', () => {
  test('a title with an <img onerror> payload shows as text in results', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(siteUrl(SITES.hostile, '/search/?q=onerror'));
    const hits = page.locator('[data-search-results]');
    await expect(hits.locator('[data-search-hit]').first()).toBeVisible();
    await expect(hits).toContainText('<img src=x onerror=');
    await expect(hits.locator('img, script, svg, iframe')).toHaveCount(0);
    await page.locator('#search-q').fill('script pwned');
    await expect(hits.locator('[data-search-hit]').first()).toBeVisible();
    await expect(hits).toContainText("<script>window.__pwned='title'</script>");
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    ).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});

test.describe('every word counts, and no search is a dead end', () => {
  const hits = (page: Page) => page.locator('[data-search-results] > li');
  const status = (page: Page) => page.locator('[data-search-status]');

  /** Types `q` on the search page and returns [papers with all words, papers in all]. */
  async function counts(page: Page, q: string): Promise<[number, number]> {
    await page.locator('#search-q').fill(q);
    await expect(status(page)).toHaveText(/contain/);
    const text = (await status(page).textContent()) ?? '';
    const n = (re: RegExp) => Number(text.match(re)?.[1]?.replace(/,/g, '') ?? 0);
    const all = n(/^([\d,]+) papers? contains? all words/);
    return [all, all + n(/· ([\d,]+) (?:more )?contains? some/)];
  }

  // What each query word looks like in a paper's text (`lp` is written ℓ_p, `3d` 3D or 3-D).
  const FORMS: Record<string, RegExp> = {
    sensitivity: /sensitiv/i,
    lp: /ℓ_?p|\blp\b/i,
    sparse: /spars/i,
    attention: /attenti/i,
  };

  for (const q of ['sensitivity lp', 'sparse attention']) {
    test(`“${q}”: the first hits contain every word`, async ({ page }) => {
      await page.goto(siteUrl(site, '/search/'));
      const [all] = await counts(page, q);
      expect(all).toBeGreaterThan(0);
      for (let i = 0; i < Math.min(all, 3); i++) {
        const hit = hits(page).nth(i);
        await expect(hit.locator('[data-missing]')).toHaveCount(0);
        const slug = await hit.locator('[data-search-hit]').getAttribute('data-search-hit');
        const twin = await (await page.request.get(siteUrl(site, `/papers/${slug}.json`))).json();
        for (const word of q.split(' '))
          expect(`${twin.title} ${twin.abstract}`, `${slug}: ${word}`).toMatch(FORMS[word] ?? word);
      }
    });
  }

  // No paper of the bundled list has both words: each word's papers are found,
  // the count says so, each hit names the word it lacks, and fewer words are offered.
  for (const [q, words] of [
    ['pruning 3d', ['pruning', '3d']],
    ['ml theory', ['ml', 'theory']],
    ['ai safety', ['ai', 'safety']],
  ] as const) {
    test(`“${q}”: papers with some of the words, each saying which it lacks`, async ({ page }) => {
      await page.goto(siteUrl(site, '/search/'));
      const [all, total] = await counts(page, q);
      expect(all).toBe(0);
      expect(total).toBeGreaterThan(0);
      await expect(status(page)).toHaveText(`No paper contains all words · ${total} contain some`);
      const missing = await hits(page).locator('[data-missing]').allTextContents();
      expect(missing.length).toBe(Math.min(total, 20));
      for (const m of missing) expect(words.map((w) => `Missing: ${w}`)).toContain(m);
      const fewer = page.locator('[data-search-suggest] a[data-search-query]');
      await expect(fewer.first()).toBeVisible();
      expect(words).toContain(await fewer.first().textContent());
    });
  }

  test('the count line gives both counts, and a hit that lacks a word says which', async ({
    page,
  }) => {
    await page.goto(siteUrl(site, '/search/'));
    const [all, total] = await counts(page, 'lottery tickets');
    expect(all).toBeGreaterThan(0);
    expect(total).toBeGreaterThan(all);
    await expect(status(page)).toHaveText(
      `${all} papers contain all words · ${total - all} more contain${total - all === 1 ? 's' : ''} some`,
    );
    await expect(
      hits(page)
        .nth(all - 1)
        .locator('[data-missing]'),
    ).toHaveCount(0);
    await expect(hits(page).nth(all).locator('[data-missing]')).toHaveText(
      /^Missing: (lottery|tickets)$/,
    );
  });

  test('no results: did you mean, closest topics, and example searches', async ({ page }) => {
    await page.goto(siteUrl(site, '/search/?q=sparseattention'));
    await expect(status(page)).toHaveText('No papers match “sparseattention”.');
    const box = page.locator('[data-search-suggest]');
    await expect(box).toContainText('Did you mean sparse attention');
    await expect(box.locator('a.chip').first()).toBeVisible();
    await box.getByRole('link', { name: 'sparse attention' }).click();
    await expect(page).toHaveURL(/\?q=sparse\+attention$/);
    await expect(hits(page).first()).toBeVisible();

    await page.locator('#search-q').fill('xyzzyq');
    await expect(status(page)).toHaveText('No papers match “xyzzyq”.');
    const example = box.locator('a[data-search-query]').first();
    await expect(example).toBeVisible();
    await example.click();
    await expect(hits(page).first()).toBeVisible();
  });

  test('the empty page says what can be searched, with examples that find papers', async ({
    page,
  }) => {
    await page.goto(siteUrl(site, '/search/'));
    await expect(page.locator('[data-search-body]')).toBeHidden();
    const examples = page.locator('[data-search-help] a[data-search-example]');
    expect(await examples.count()).toBeGreaterThanOrEqual(4);
    for (const text of await examples.allTextContents()) {
      await page.goto(siteUrl(site, `/search/?q=${encodeURIComponent(text.trim())}`));
      await expect(hits(page).first(), text).toBeVisible();
    }
  });

  test('the opened paper highlights the forms the search matched, then drops hl', async ({
    page,
  }) => {
    await page.goto(siteUrl(site, '/search/?q=prune'));
    await hits(page).first().locator('[data-search-hit]').click();
    const marks = page.locator('main mark[data-hl]');
    await expect(marks.first()).toBeVisible();
    const forms = new Set((await marks.allTextContents()).map((m) => m.toLowerCase()));
    // `prune` was typed; the paper says `pruning` (or `pruned`).
    expect([...forms].some((f) => /^prun(ing|ed)$/.test(f))).toBe(true);
    await expect(page).not.toHaveURL(/hl=/);
  });

  test('a page change moves the view to the results and focus to their heading', async ({
    page,
  }) => {
    await page.goto(siteUrl(site, '/search/?q=sparse'));
    await expect(hits(page)).toHaveCount(20);
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByRole('heading', { level: 2, name: /papers match/ })).toBeFocused();
    await expect(status(page)).toBeInViewport();
    const y = await status(page).evaluate((el) => el.getBoundingClientRect().top);
    expect(y).toBeLessThan(100);
  });

  test('at 375 px the filters sit above the results in a panel that says how many are on', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(siteUrl(site, '/search/?q=sparse&topic=mixture-of-experts'));
    await expect(hits(page).first()).toBeVisible();
    const toggle = page.locator('[data-filters-toggle]');
    await expect(toggle).toHaveText(/Filters\s*\(1 active\)/);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('#search-filters')).toBeHidden();
    const above = async () =>
      ((await toggle.boundingBox())?.y ?? 1e9) < ((await hits(page).first().boundingBox())?.y ?? 0);
    expect(await above()).toBe(true);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const facet = page.locator('[data-facet-topic="mixture-of-experts"] input');
    await expect(facet).toBeVisible();
    await expect(facet).toBeChecked();
    expect(await above()).toBe(true);

    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(toggle).toBeHidden();
    await expect(page.locator('#search-filters')).toBeVisible();
  });
});
