import { describe, expect, test } from 'vitest';
import { normaliseBase } from '../../src/config.ts';
import { createUrls } from '../../src/lib/permalinks/urls.ts';

describe('createUrls', () => {
  test('builds root paths', () => {
    const urls = createUrls('/', 'https://lab.example.org');
    expect(urls.paper('a-b')).toBe('/papers/a-b/');
    expect(urls.papers()).toBe('/papers/');
    expect(urls.papers(3)).toBe('/papers/page/3/');
    expect(urls.topic('moe', 2)).toBe('/topics/moe/page/2/');
    expect(urls.search('top-p & more')).toBe('/search/?q=top-p%20%26%20more');
    expect(urls.absolute('/papers/a/')).toBe('https://lab.example.org/papers/a/');
  });

  test('prefixes every path with a base path', () => {
    const urls = createUrls('/papers-site/', 'https://me.github.io/');
    expect(urls.home()).toBe('/papers-site/');
    expect(urls.paper('x')).toBe('/papers-site/papers/x/');
    expect(urls.path('/favicon.svg')).toBe('/papers-site/favicon.svg');
    expect(urls.absolute('/papers/x/')).toBe('https://me.github.io/papers-site/papers/x/');
  });
});

describe('normaliseBase', () => {
  test.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['papers-site', '/papers-site/'],
    ['/papers-site', '/papers-site/'],
    ['//a/b//', '/a/b/'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseBase(input)).toBe(expected);
  });
});
