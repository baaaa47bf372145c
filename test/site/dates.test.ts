import { describe, expect, test } from 'vitest';
import { byDateDesc, formatDate, monthKey, monthLabel, shortAuthors } from '../../src/lib/dates.ts';

describe('dates', () => {
  test.each([
    ['2024-05-27', '27 May 2024'],
    ['2024-05', 'May 2024'],
    ['2024', '2024'],
  ])('formatDate(%s) is %s', (iso, shown) => expect(formatDate(iso)).toBe(shown));

  test('archive months', () => {
    expect(monthKey('2024-05-27')).toBe('2024/05');
    expect(monthKey('2024')).toBeUndefined();
    expect(monthKey(undefined)).toBeUndefined();
    expect(monthLabel('2024/12')).toBe('December 2024');
  });

  test('short author lists', () => {
    expect(shortAuthors(['A', 'B'])).toBe('A, B');
    expect(shortAuthors(['A', 'B', 'C', 'D'])).toBe('A, B, C et al.');
  });
});

describe('byDateDesc', () => {
  test('puts the newest first, undated papers last, and keeps list order for ties', () => {
    const papers = [
      { slug: 'a', index: 0, date: '2024-01-02' },
      { slug: 'b', index: 1 },
      { slug: 'c', index: 2, date: '2025-03' },
      { slug: 'd', index: 3, date: '2024-01-02' },
      { slug: 'e', index: 4 },
    ];
    expect(byDateDesc(papers).map((p) => p.slug)).toEqual(['c', 'a', 'd', 'b', 'e']);
  });
});
