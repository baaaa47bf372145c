import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeBag, encodeBag } from '../../src/lib/related/cache.ts';
import {
  Vocabulary,
  asciiWords,
  bagStrings,
  docWordStrings,
  isTermWord,
  stripMarkup,
} from '../../src/lib/related/tokens.ts';
import { words } from '../../src/lib/text/index.ts';

describe('asciiWords', () => {
  test('gives exactly the shared words() on ASCII text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."aZ09 '’-.$\\_s\n".split('')), maxLength: 60 }),
        (s) => {
          const ascii = s.replaceAll('’', "'");
          expect(asciiWords(ascii)).toEqual(words(ascii));
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 80 }), (s) => {
        expect(asciiWords(s)).toEqual(words(s));
      }),
      { numRuns: 500 },
    );
  });

  test('drops the possessive and keeps inner apostrophes out', () => {
    expect(asciiWords("The model's output isn't rock'n'roll's")).toEqual([
      'the',
      'model',
      'output',
      'isnt',
      'rocknroll',
    ]);
  });
});

describe('stripMarkup', () => {
  test('removes URLs, inline math and LaTeX commands but keeps prose', () => {
    const text =
      'Code at https://github.com/a/b and www.example.org. We bound $O(n \\log n)$ error with \\emph{sparse} codes.';
    const out = stripMarkup(text);
    expect(out).not.toMatch(/github|example|log|emph/u);
    expect(out).toMatch(/Code at/u);
    expect(out).toMatch(/\{sparse\} codes/u);
  });

  test('leaves a lone dollar sign and the text after it alone', () => {
    expect(stripMarkup('costs $5 per paper and more words')).toBe(
      'costs $5 per paper and more words',
    );
  });
});

describe('docWords', () => {
  test('counts title and abstract words apart, without stop words or numbers', () => {
    const bag = docWordStrings(
      'Sparse Retrieval',
      'We study sparse retrieval of 2024 documents. Retrieval is sparse.',
    );
    expect(bag.get('sparse')).toEqual([1, 2]);
    expect(bag.get('retrieval')).toEqual([1, 2]);
    expect(bag.get('documents')).toEqual([0, 1]);
    expect(bag.has('we')).toBe(false);
    expect(bag.has('2024')).toBe(false);
  });

  test('never throws on arbitrary strings, and its bag survives encoding', () => {
    const vocab = new Vocabulary();
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.string({ maxLength: 200 }),
        (t, a) => {
          const bag = vocab.docWords(t, a);
          expect(decodeBag(encodeBag(bag), vocab.size)).toEqual(bag);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('the fast ASCII scanner agrees with the shared words() on any text', () => {
    const reference = (t: string, a: string): Map<string, [number, number]> => {
      const out = new Map<string, [number, number]>();
      for (const [field, text] of [
        [0, t],
        [1, a],
      ] as const) {
        for (const w of words(stripMarkup(text))) {
          if (!isTermWord(w)) continue;
          const c = out.get(w) ?? [0, 0];
          c[field]++;
          out.set(w, c);
        }
      }
      return out;
    };
    const vocab = new Vocabulary();
    const pieces = "ab'c Ab0 1x the of ' ’ é - . $".split(' ').concat([' ']);
    const text = fc.string({ unit: fc.constantFrom(...pieces), maxLength: 40 });
    fc.assert(
      fc.property(text, text, (t, a) => {
        const bag = vocab.docWords(t, a);
        expect(bagStrings(bag, vocab)).toEqual(reference(t, a));
      }),
      { numRuns: 500 },
    );
  });

  test('gives a word the same id in every paper', () => {
    const vocab = new Vocabulary();
    const a = vocab.docWords('graph coloring', 'greedy graph coloring');
    const b = vocab.docWords('coloring graphs', 'graph');
    expect(b[0]).toBe(a[3]);
    expect(vocab.words[a[0] as number]).toBe('graph');
  });
});

describe('decodeBag', () => {
  test('rejects malformed entries and unknown ids instead of guessing', () => {
    expect(decodeBag('1*!', 10)).toBeUndefined();
    expect(decodeBag('*3', 10)).toBeUndefined();
    expect(decodeBag('a+1*2', 10)).toBeUndefined();
    expect(decodeBag('1  2', 10)).toBeUndefined();
    expect(decodeBag('a', 10)).toBeUndefined();
    expect(decodeBag('', 10)).toEqual(new Int32Array(0));
    expect(decodeBag('9*0+2 1', 10)).toEqual(Int32Array.from([9, 2, 0, 1, 0, 1]));
  });
});
