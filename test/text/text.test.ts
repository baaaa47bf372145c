import { describe, expect, test } from 'vitest';
import { fold, stem, words } from '../../src/lib/text/index.ts';

describe('fold', () => {
  test('folds ASCII text as it folds the same text in a longer, non-ASCII string', () => {
    for (const text of ['Attention Is All You Need', 'BERT: Pre-training (2019) \tx_{1}', ''])
      expect(fold(text)).toBe(fold(`${text} é`).slice(0, -2));
  });

  test('lower-cases and strips accents', () => {
    expect(fold('Hyvärinen Éclair ÇA')).toBe('hyvarinen eclair ca');
  });
  test('maps letters NFD cannot decompose', () => {
    expect(fold('Łukasz Straße Æsir Øresund')).toBe('lukasz strasse aesir oresund');
  });
});

describe('words', () => {
  test('splits on punctuation and keeps digits', () => {
    expect(words('SPLADE-v2, top-p (N:M) 98%')).toEqual([
      'splade',
      'v2',
      'top',
      'p',
      'n',
      'm',
      '98',
    ]);
  });
  test('drops the possessive and inner apostrophes', () => {
    expect(words("the model's output isn't")).toEqual(['the', 'model', 'output', 'isnt']);
  });
});

describe('stem', () => {
  test('conflates inflections', () => {
    expect(stem('pruning')).toBe(stem('pruned'));
    expect(stem('diffusions')).toBe(stem('diffusion'));
  });
  test('keeps words with digits and short words', () => {
    expect(stem('v2')).toBe('v2');
    expect(stem('is')).toBe('is');
  });
});
