import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { lacksKatexStylesheet } from '../../src/lib/katex-pages.ts';

const require = createRequire(import.meta.url);
const version = (from: string) =>
  (
    JSON.parse(readFileSync(createRequire(from).resolve('katex/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

describe('KaTeX', () => {
  test('rehype-katex renders with the release whose stylesheet the site serves', () => {
    expect(version(require.resolve('rehype-katex'))).toBe(version(import.meta.url));
  });

  test.each([
    ['<p>no math</p>', false],
    ['<span class="katex"><math></math></span>', true],
    [
      '<link rel="stylesheet" href="/assets/katex/katex.min.css"><span class="katex">x</span>',
      false,
    ],
    [
      '<link rel="stylesheet" href="/sub/assets/katex/katex.min.css"><span class="katex-display">',
      false,
    ],
  ])('a page %j lacks the stylesheet: %s', (html, expected) => {
    expect(lacksKatexStylesheet(html)).toBe(expected);
  });
});
