import { describe, expect, test } from 'vitest';
import {
  authorPageMinimum,
  otherPageCount,
  parsePageMinSetting,
} from '../../src/lib/authors/pages.ts';

/** `n` authors with `papers` papers each. */
const many = (n: number, papers: number) => Array<number>(n).fill(papers);

describe('authorPageMinimum', () => {
  test('every author of a collection up to 10,000 papers', () => {
    expect(authorPageMinimum(many(50_000, 1), { papers: 10_000, otherPages: 10_500 })).toEqual({
      min: 1,
      rule: 'all',
    });
  });

  test('AUTHOR_PAGE_MIN wins', () => {
    expect(authorPageMinimum(many(10, 1), { papers: 100, otherPages: 200, setting: 3 })).toEqual({
      min: 3,
      rule: 'setting',
    });
  });

  test('above 10,000 papers: the smallest minimum keeping author pages under a quarter', () => {
    // 90,000 other pages allow 30,000 author pages (30,000 / 120,000 = 1/4).
    const counts = [...many(100_000, 1), ...many(40_000, 2), ...many(25_000, 3), ...many(5_000, 9)];
    // At least 2: 70,000; at least 3: 30,000 (allowed); at least 4: 5,000.
    expect(authorPageMinimum(counts, { papers: 75_000, otherPages: 90_000 })).toEqual({
      min: 3,
      rule: 'share',
    });
    expect(authorPageMinimum(counts, { papers: 75_000, otherPages: 89_999 }).min).toBe(4);
  });

  test('the 74,728-paper list: about the issue figures', () => {
    // Authors by plain name there: 67,746 with 2 or more papers, 38,988 with 3 or more.
    const counts = [
      ...many(108_520, 1),
      ...many(28_758, 2),
      ...many(13_000, 3),
      ...many(25_988, 4),
    ];
    const min = authorPageMinimum(counts, { papers: 74_728, otherPages: 80_000 }).min;
    expect(min).toBe(4);
  });
});

describe('parsePageMinSetting', () => {
  test.each([
    [undefined, undefined],
    ['', undefined],
    ['3', 3],
  ])('%j -> %j', (value, min) => expect(parsePageMinSetting(value)).toBe(min));
  test.each(['0', '-1', '2.5', 'many'])('%j is an error', (value) => {
    expect(() => parsePageMinSetting(value)).toThrow(/AUTHOR_PAGE_MIN/);
  });
});

describe('otherPageCount', () => {
  test('papers, their list pages, topic and month pages, gone pages and the fixed pages', () => {
    expect(
      otherPageCount({
        papers: 120,
        gonePages: 2,
        pageSize: 50,
        topicSizes: [60, 10],
        monthSizes: [100, 20],
      }),
    ).toBe(120 + 2 + 3 + (2 + 1) + (2 + 1) + 7);
  });
});
