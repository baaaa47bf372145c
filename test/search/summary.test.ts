import { describe, expect, test } from 'vitest';
import { summaryLine } from '../../src/lib/search-summary.ts';

describe('the count line', () => {
  test('one word: how many papers match', () => {
    expect(summaryLine({ total: 44, all: 44, words: ['pruning'] }, 'pruning')).toBe(
      '44 papers match “pruning”.',
    );
    expect(summaryLine({ total: 1, all: 1, words: ['gpt4'] }, 'gpt4')).toBe(
      '1 paper matches “gpt4”.',
    );
    expect(summaryLine({ total: 0, all: 0, words: ['xyzzy'] }, 'xyzzy')).toBe(
      'No papers match “xyzzy”.',
    );
  });

  test('several words: papers with all of them, and how many more have some', () => {
    expect(summaryLine({ total: 163, all: 12, words: ['sparse', 'attention'] }, 'q')).toBe(
      '12 papers contain all words · 151 more contain some',
    );
    expect(summaryLine({ total: 2, all: 1, words: ['a', 'b'] }, 'q')).toBe(
      '1 paper contains all words · 1 more contains some',
    );
    expect(summaryLine({ total: 6, all: 6, words: ['lottery', 'tickets'] }, 'q')).toBe(
      '6 papers contain all words',
    );
    expect(summaryLine({ total: 1234, all: 0, words: ['pruning', '3d'] }, 'q')).toBe(
      'No paper contains all words · 1,234 contain some',
    );
  });

  test('filters are named', () => {
    expect(summaryLine({ total: 0, all: 0, words: ['x'] }, 'x', true)).toBe(
      'No papers match “x” with these filters.',
    );
    expect(summaryLine({ total: 3, all: 1, words: ['a', 'b'] }, 'a b', true)).toBe(
      '1 paper contains all words with these filters · 2 more contain some',
    );
  });
});
