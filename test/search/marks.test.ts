import { describe, expect, test } from 'vitest';
import { findPhrases } from '../../src/lib/search/highlight.ts';
import type { Hit, SearchDoc } from '../../src/lib/search/types.ts';
import { makeClient } from './fixtures.ts';

const docs: SearchDoc[] = [
  {
    id: 1,
    slug: 'tickets',
    title: 'The Lottery Ticket Hypothesis',
    abstract:
      'Dense networks contain sparse subnetworks. We find winning tickets by pruning; the pruned networks train well. More lotteries follow.',
  },
  {
    id: 2,
    slug: 'art',
    title: 'State-of-the-art state space models',
    abstract: 'The state of the art moves fast. Art and state alone are not the phrase.',
  },
];
const { client } = makeClient(docs);

/** The first hit of `query` (submitted, unless `typing`). */
async function first(query: string, typing = false): Promise<Hit> {
  const [hit] = (await client.search(query, { complete: !typing })).hits;
  if (!hit) throw new Error(`no hit for ${query}`);
  return hit;
}

/** The marked pieces of a hit's title and snippet. */
function marked(hit: Hit): string[] {
  return [
    ...hit.titleMatches.map(([a, b]) => hit.title.slice(a, b)),
    ...hit.snippet.matches.map(([a, b]) => hit.snippet.text.slice(a, b)),
  ];
}

describe('highlighting every matched form', () => {
  test('stems: every form of a word, in the title and the whole abstract', async () => {
    const hit = await first('lottery tickets');
    expect(marked(hit)).toEqual(['Lottery', 'Ticket', 'tickets', 'lotteries']);
    // What the paper page is asked to highlight: the forms as written in this paper.
    expect(hit.marks.sort()).toEqual(['lotteries', 'lottery', 'ticket', 'tickets']);
    const pruned = await first('prune');
    expect(pruned.marks.sort()).toEqual(['pruned', 'pruning']);
  });

  test('typo corrections and the word being typed', async () => {
    const typo = await first('lotery');
    expect(typo.marks.sort()).toEqual(['lotteries', 'lottery']);
    const typing = await first('winn', true);
    expect(typing.marks).toEqual(['winning']);
  });

  test('a quoted phrase is marked whole, its words alone are not', async () => {
    const hit = await first('"state of the art"');
    expect(marked(hit)).toEqual(['State-of-the-art', 'state of the art']);
    expect(hit.marks).toEqual(['state-of-the-art', 'state of the art']);
    // With a word of its own, that word is marked wherever it is.
    const both = await first('"state of the art" space');
    expect(marked(both)).toEqual(['State-of-the-art', 'space', 'state of the art']);
  });

  test('findPhrases needs every word at its offset, stop words included', () => {
    const phrase = { key: 'p', terms: ['state', 'of', 'the', 'art'], offsets: [0, 1, 2, 3] };
    expect(findPhrases('the state of the art', [phrase])).toEqual([
      { start: 4, end: 20, term: 'p' },
    ]);
    expect(findPhrases('the state of an art', [phrase])).toEqual([]);
    expect(findPhrases('states of the arts', [phrase])).toEqual([{ start: 0, end: 18, term: 'p' }]);
  });
});
