import { describe, expect, test } from 'vitest';
import { createUrls } from '../../src/lib/permalinks/urls.ts';
import { cnameDomain, inferSiteLocation } from '../../src/lib/site-url.ts';

describe('inferSiteLocation', () => {
  test.each([
    [
      'an explicit SITE_URL and BASE_PATH',
      { SITE_URL: 'https://lab.example.org/', BASE_PATH: 'papers' },
      { siteUrl: 'https://lab.example.org', basePath: '/papers/', source: 'SITE_URL' },
    ],
    [
      'a SITE_URL with a path: the path is the base',
      { SITE_URL: 'https://lab.example.org/reading-group/' },
      { siteUrl: 'https://lab.example.org', basePath: '/reading-group/', source: 'SITE_URL' },
    ],
    [
      'SITE_URL wins over the host',
      { SITE_URL: 'https://papers.example.org', NETLIFY: 'true', URL: 'https://x.netlify.app' },
      { siteUrl: 'https://papers.example.org', basePath: '/', source: 'SITE_URL' },
    ],
    [
      'GitHub Actions: a project page',
      { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'Lab-Group/sparse-papers' },
      {
        siteUrl: 'https://lab-group.github.io',
        basePath: '/sparse-papers/',
        source: 'GitHub Pages',
      },
    ],
    [
      'GitHub Actions: a user or organisation page',
      { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'octo/octo.github.io' },
      { siteUrl: 'https://octo.github.io', basePath: '/', source: 'GitHub Pages' },
    ],
    [
      'GitHub Actions: BASE_PATH overrides the repository path',
      { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'octo/papers', BASE_PATH: '/' },
      { siteUrl: 'https://octo.github.io', basePath: '/', source: 'GitHub Pages' },
    ],
    [
      'Netlify: URL',
      { NETLIFY: 'true', URL: 'https://sparse-papers.netlify.app' },
      { siteUrl: 'https://sparse-papers.netlify.app', basePath: '/', source: 'Netlify' },
    ],
    [
      'URL alone is not Netlify',
      { URL: 'https://example.org' },
      { siteUrl: undefined, basePath: '/', source: 'unknown' },
    ],
    [
      'Cloudflare Pages: CF_PAGES_URL',
      { CF_PAGES: '1', CF_PAGES_URL: 'https://abc123.sparse-papers.pages.dev' },
      {
        siteUrl: 'https://abc123.sparse-papers.pages.dev',
        basePath: '/',
        source: 'Cloudflare Pages',
      },
    ],
    [
      'Vercel: a production domain without a scheme',
      { VERCEL: '1', VERCEL_PROJECT_PRODUCTION_URL: 'sparse-papers.vercel.app' },
      { siteUrl: 'https://sparse-papers.vercel.app', basePath: '/', source: 'Vercel' },
    ],
    [
      'nothing: the origin stays unknown',
      { HOME: '/home/me', CI: 'true' },
      { siteUrl: undefined, basePath: '/', source: 'unknown' },
    ],
    [
      'nothing but a BASE_PATH',
      { BASE_PATH: '/sub/' },
      { siteUrl: undefined, basePath: '/sub/', source: 'unknown' },
    ],
    [
      'blank values count as unset',
      { SITE_URL: '  ', GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'octo/papers' },
      { siteUrl: 'https://octo.github.io', basePath: '/papers/', source: 'GitHub Pages' },
    ],
  ])('%s', (_name, env, expected) => {
    expect(inferSiteLocation(env)).toEqual(expected);
  });

  test('GitHub Actions with a CNAME file: the custom domain at its root', () => {
    const env = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'octo/papers' };
    expect(inferSiteLocation(env, 'papers.example.org\n')).toEqual({
      siteUrl: 'https://papers.example.org',
      basePath: '/',
      source: 'GitHub Pages (CNAME)',
    });
  });

  test('a CNAME file outside GitHub Actions says nothing', () => {
    expect(inferSiteLocation({}, 'papers.example.org').siteUrl).toBeUndefined();
  });

  test('a SITE_URL that is not http(s) is ignored', () => {
    expect(inferSiteLocation({ SITE_URL: 'ftp://example.org' }).siteUrl).toBeUndefined();
  });
});

describe('cnameDomain', () => {
  test.each([
    ['papers.example.org\n', 'papers.example.org'],
    ['\n  Papers.Example.org  \n', 'papers.example.org'],
    ['', undefined],
    ['not a domain', undefined],
    [undefined, undefined],
  ])('%j -> %s', (text, expected) => {
    expect(cnameDomain(text)).toBe(expected);
  });
});

describe('createUrls without a known origin', () => {
  const urls = createUrls('/sub/', undefined);
  test('absolute links fall back to root-relative ones', () => {
    expect(urls.absolute('/papers/x/')).toBe('/sub/papers/x/');
  });
  test('absolute-only links are left out', () => {
    expect(urls.absoluteOnly('/sitemap-index.xml')).toBeUndefined();
    expect(createUrls('/', 'https://a.org').absoluteOnly('/x/')).toBe('https://a.org/x/');
  });
});
