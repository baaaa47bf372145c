import { describe, expect, test } from 'vitest';
import {
  emptyState,
  parseState,
  sameState,
  stateToParams,
  toggleAuthor,
} from '../../src/lib/search-state.ts';

describe('search state in the URL', () => {
  test('round-trips query, topics, year, sort and page', () => {
    const state = {
      q: 'sparse "mixture of experts" -dense',
      topics: ['moe', 'pruning'],
      year: 2024,
      sort: 'date' as const,
      page: 3,
    };
    const params = stateToParams(state);
    expect(params.toString()).toBe(
      'q=sparse+%22mixture+of+experts%22+-dense&topic=moe&topic=pruning&year=2024&sort=date&page=3',
    );
    expect(parseState(params)).toEqual(state);
  });

  test('leaves defaults out', () => {
    expect(stateToParams({ ...emptyState(), q: 'spar' }).toString()).toBe('q=spar');
  });

  test('ignores malformed values instead of failing', () => {
    expect(
      parseState(new URLSearchParams('q=x&topic=<script>&year=abc&sort=evil&page=-2')),
    ).toEqual({
      q: 'x',
      topics: [],
      year: undefined,
      sort: 'relevance',
      page: 1,
    });
  });

  test('compares searches by what they ask, whatever the parameter order', () => {
    expect(
      sameState(
        parseState(new URLSearchParams('topic=b&topic=a&q=x')),
        parseState(new URLSearchParams('q=x&topic=a&topic=b')),
      ),
    ).toBe(true);
  });
});

describe('toggleAuthor', () => {
  test.each([
    ['sparse', 'Yang Liu', 'author:"Yang Liu" sparse'],
    ['author:"Yang Liu" sparse', 'Yang Liu', 'sparse'],
    ['author:"Liu, Yang"  sparse  ', 'yang liu', 'sparse'],
    ['author:Lee', 'Yang Liu', 'author:"Lee" author:"Yang Liu"'],
    ['', 'Ann "The" Lee', 'author:"Ann The Lee"'],
  ])('%j + %j -> %j', (query, name, next) => expect(toggleAuthor(query, name)).toBe(next));
});
