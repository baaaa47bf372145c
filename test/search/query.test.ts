import { describe, expect, test } from 'vitest';
import { boundedDistance, maxEdits } from '../../src/lib/search/fuzzy.ts';
import { parseQuery } from '../../src/lib/search/query.ts';
import { fieldTerms, tokenize } from '../../src/lib/search/tokenize.ts';

describe('tokeniser', () => {
  test('folds case and accents and keeps offsets into the original text', () => {
    const text = 'Hyvärinen’s ÉCLAIR';
    const { tokens } = tokenize(text);
    expect(tokens.map((t) => t.word)).toEqual(['hyvarinen', 'eclair']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Hyvärinen’s', 'ÉCLAIR']);
  });

  test('glues hyphenated, colon and dotted-digit words into compounds', () => {
    const { tokens, compounds } = tokenize('top-p and N:M with k-sparse GPT-3.5 top-$p$');
    expect(tokens.map((t) => t.word)).toEqual([
      'top',
      'p',
      'and',
      'n',
      'm',
      'with',
      'k',
      'sparse',
      'gpt',
      '3',
      '5',
      'top',
      'p',
    ]);
    expect(compounds.map((c) => c.word)).toEqual(['topp', 'nm', 'ksparse', 'gpt35', 'topp']);
  });

  test('does not glue words separated by spaces or other punctuation', () => {
    expect(tokenize('top p, encoder/decoder 3. 5').compounds).toEqual([]);
  });

  test('indexes stems, drops Lucene stop words, counts positions across them', () => {
    const f = fieldTerms('Pruning of the pruned models', 0);
    expect([...f.tf]).toEqual([
      ['prune', 2],
      ['model', 1],
    ]);
    expect(f.length).toBe(3);
    expect(f.positions.get('model')).toEqual([4]);
  });
});

describe('query parser', () => {
  test('splits words and marks the last one as typed while typing', () => {
    expect(parseQuery('sparse retr').include).toEqual([
      { kind: 'word', word: 'sparse', prefix: false, exact: false },
      { kind: 'word', word: 'retr', prefix: true, exact: false },
    ]);
  });

  test('a trailing space or a submitted query completes the last word', () => {
    expect(parseQuery('sparse ').include[0]).toMatchObject({ prefix: false });
    expect(parseQuery('sparse', true).include[0]).toMatchObject({ prefix: false });
  });

  test('drops stop words', () => {
    expect(
      parseQuery('the state of art', true).include.map((c) =>
        c.kind === 'word' ? c.word : c.kind,
      ),
    ).toEqual(['state', 'art']);
  });

  test('reads quoted phrases with stop-word gaps', () => {
    expect(parseQuery('"state of the art" model', true).include[0]).toEqual({
      kind: 'phrase',
      words: [
        { word: 'state', offset: 0 },
        { word: 'art', offset: 3 },
      ],
      stops: [
        { word: 'of', offset: 1 },
        { word: 'the', offset: 2 },
      ],
    });
  });

  test('an unclosed quote while typing is still a phrase', () => {
    expect(parseQuery('"language mod').include[0]).toMatchObject({ kind: 'phrase' });
  });

  test('-word and -"phrase" exclude', () => {
    const q = parseQuery('diffusion -image -"language model"', true);
    expect(q.include).toHaveLength(1);
    expect(q.exclude).toEqual([
      { kind: 'word', word: 'image', prefix: false, exact: true },
      {
        kind: 'phrase',
        words: [
          { word: 'language', offset: 0 },
          { word: 'model', offset: 1 },
        ],
      },
    ]);
  });

  test('a hyphen inside a word is a compound, not an exclusion', () => {
    expect(parseQuery('top-p', true)).toEqual({
      include: [{ kind: 'compound', parts: ['top', 'p'], joined: 'topp', prefix: false }],
      exclude: [],
    });
    expect(
      parseQuery('N:M k-sparse', true).include.map((c) => (c.kind === 'compound' ? c.joined : '')),
    ).toEqual(['nm', 'ksparse']);
  });

  test('a short word stays a word, with its neighbour glued to it as another form', () => {
    expect(parseQuery('SPLADE v2', true).include).toEqual([
      { kind: 'word', word: 'splade', prefix: false, exact: false, glued: ['spladev2'] },
      { kind: 'word', word: 'v2', prefix: false, exact: false, glued: ['spladev2'] },
    ]);
    expect(parseQuery('sensitivity lp', true).include.map((c) => c.kind)).toEqual(['word', 'word']);
  });

  test('a single letter typed after other words is not completed', () => {
    expect(parseQuery('top p').include[1]).toMatchObject({ word: 'p', prefix: false });
    expect(parseQuery('p').include[0]).toMatchObject({ word: 'p', prefix: true });
  });

  test('ignores lone punctuation and empty queries', () => {
    expect(parseQuery('  - ; ', true)).toEqual({ include: [], exclude: [] });
    expect(parseQuery('', false)).toEqual({ include: [], exclude: [] });
  });
});

describe('typo distance', () => {
  test('allows one edit from 5 letters and two from 9', () => {
    expect([4, 5, 8, 9].map(maxEdits)).toEqual([0, 1, 1, 2]);
  });

  test('counts a swap of neighbours as one edit', () => {
    expect(boundedDistance('trasnformer', 'transformer', 2)).toBe(1);
    expect(boundedDistance('difusion', 'diffusion', 1)).toBe(1);
    expect(boundedDistance('diffusion', 'diffusion', 1)).toBe(0);
  });

  test('stops early beyond the bound', () => {
    expect(boundedDistance('abcdef', 'uvwxyz', 1)).toBe(2);
    expect(boundedDistance('short', 'muchlongerword', 2)).toBe(3);
  });
});
