import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { sitemapUrls, writeSitemaps } from '../../src/integrations/sitemap.ts';

const root = 'https://example.org/lab/';
const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });

describe('the sitemap', () => {
  test('lists absolute URLs under the base, once each, in @astrojs/sitemap order, without the pages it is told to leave out', () => {
    const urls = sitemapUrls(
      ['papers/page/10/', 'papers/page/9/', '/papers/b/', 'papers/a/', 'papers/a/', '', '404/'],
      root,
      (url) => !url.endsWith('/404/'),
    );
    expect(urls).toEqual([
      'https://example.org/lab/',
      'https://example.org/lab/papers/a/',
      'https://example.org/lab/papers/b/',
      'https://example.org/lab/papers/page/9/',
      'https://example.org/lab/papers/page/10/',
    ]);
    // The order the official integration gave, one collator per comparison.
    expect([...urls].reverse().sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))).toEqual(
      urls,
    );
  });

  test('splits past the limit into several sitemaps named by one index, losing no URL', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitemap-'));
    const urls = Array.from({ length: 2_501 }, (_, i) => `${root}papers/p${i}/`);
    expect(await writeSitemaps(urls, dir, root, 1_000)).toBe(3);
    expect(readdirSync(dir).sort()).toEqual([
      'sitemap-0.xml',
      'sitemap-1.xml',
      'sitemap-2.xml',
      'sitemap-index.xml',
    ]);
    const index = parser.parse(readFileSync(path.join(dir, 'sitemap-index.xml'), 'utf8')) as {
      sitemapindex: { sitemap: { loc: string }[] };
    };
    const locs = index.sitemapindex.sitemap.map((s) => s.loc);
    expect(locs).toEqual([0, 1, 2].map((i) => `${root}sitemap-${i}.xml`));
    const listed = [0, 1, 2].flatMap((i) => {
      const xml = parser.parse(readFileSync(path.join(dir, `sitemap-${i}.xml`), 'utf8')) as {
        urlset: { url: { loc: string }[] };
      };
      return xml.urlset.url.map((u) => u.loc);
    });
    expect(listed).toEqual(urls);
  });

  test('escapes what XML needs escaped', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitemap-'));
    await writeSitemaps([`${root}search/?q=a&b=<c>`], dir, root);
    const xml = readFileSync(path.join(dir, 'sitemap-0.xml'), 'utf8');
    expect(xml).toContain('<loc>https://example.org/lab/search/?q=a&amp;b=%3Cc%3E</loc>');
  });
});
