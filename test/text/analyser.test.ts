import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  Vocabulary,
  asciiWords,
  hashSpan,
  lightStem,
  looksLikeUrl,
  stem,
  stripAccents,
  stripMarkup,
  tokenize,
  withoutMath,
  words,
} from '../../src/lib/text/index.ts';

describe('Vocabulary', () => {
  test('numbers words in order of first sight and finds ASCII spans in any case', () => {
    const added: string[] = [];
    const v = new Vocabulary((id, w) => added.push(`${id}:${w}`));
    expect(v.add('sparse')).toBe(0);
    expect(v.add('attention')).toBe(1);
    expect(v.add('sparse')).toBe(0);
    expect(added).toEqual(['0:sparse', '1:attention']);
    const text = 'Sparse ATTENTION heads';
    expect(v.lookup(text, 0, 6)).toBe(0);
    expect(v.lookup(text, 7, 16)).toBe(1);
    expect(v.lookup(text, 17, 22)).toBe(-1);
    expect(hashSpan(text, 0, 6)).toBe(hashSpan('sparse', 0, 6));
  });

  test('keeps finding words after growing', () => {
    const v = new Vocabulary();
    for (let i = 0; i < 5000; i++) v.add(`w${i}`);
    expect(v.lookup('x W4999 y', 2, 7)).toBe(4999);
    expect(v.size).toBe(5000);
  });
});

describe('scan', () => {
  test('gives the words of `words`, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), (s) => {
        expect(tokenize(s).tokens.map((t) => t.word)).toEqual(words(s));
        expect(asciiWords(s)).toEqual(words(s));
      }),
    );
  });

  test('reports hyphenated, colon and dotted compounds', () => {
    expect(tokenize('top-p N:M 3.5 k-$\\sigma$').compounds.map((c) => c.word)).toEqual([
      'topp',
      'nm',
      '35',
    ]);
  });
});

describe('stem', () => {
  test('the light stemmer (topic names) takes inflections only, lighter than Porter', () => {
    for (const w of ['pruning', 'pruned', 'prunes', 'prune']) expect(lightStem(w)).toBe('prun');
    expect(lightStem('embeddings')).toBe(lightStem('embedding'));
    expect(lightStem('studies')).toBe('study');
    expect(stem('generative', { light: true })).not.toBe(stem('general', { light: true }));
    expect(stem('generative')).toBe(stem('generation'));
  });
});

describe('markup', () => {
  test('one URL rule: addresses are not math and not words', () => {
    expect(looksLikeUrl('https://x.org/a')).toBe(true);
    expect(looksLikeUrl('github.com/a/b')).toBe(true);
    expect(looksLikeUrl('x^{2}')).toBe(false);
    expect(stripMarkup('see https://github.com/a/b now')).toBe('see   now');
  });

  test('math is what sits between unescaped dollars', () => {
    expect(withoutMath('a $x^2$ b \\$5 c', '|')).toBe('a | b $5 c');
    expect(withoutMath('costs $5 and more')).toBe('costs $5 and more');
  });

  test('stripAccents keeps case', () => {
    expect(stripAccents('Hyvärinen Éclair')).toBe('Hyvarinen Eclair');
  });
});
