import { describe, expect, test } from 'vitest';
import { chunk, pageWindow } from '../../src/lib/paging.ts';

describe('chunk', () => {
  test('splits into pages of the given size, the last one shorter', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
  test('gives one empty page for an empty list', () => {
    expect(chunk([], 50)).toEqual([[]]);
  });
  test('rejects a page size below one', () => {
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});

describe('pageWindow', () => {
  test('shows every page when there are few', () => {
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });
  test('shows the ends and the pages around the current one, with gaps', () => {
    expect(pageWindow(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
  });
  test('fills a gap of one page with the page itself', () => {
    expect(pageWindow(4, 20)).toEqual([1, 2, 3, 4, 5, 6, null, 20]);
  });
});
