import { describe, expect, test } from 'vitest';
import { ByteLru } from '../../src/lib/search/cache.ts';
import { DIGIT_VALUE, pairEntry, writeNumber } from '../../src/lib/search/format.ts';
import { findMatches } from '../../src/lib/search/highlight.ts';
import { scan, tokenize } from '../../src/lib/search/tokenize.ts';

/** Reads the numbers written by `writeNumber`. */
function readNumbers(text: string): number[] {
  const out: number[] = [];
  let acc = 0;
  for (let i = 0; i < text.length; i++) {
    const v = DIGIT_VALUE[text.charCodeAt(i)] as number;
    if (v < 32) acc = acc * 32 + v;
    else {
      out.push(acc * 32 + v - 32);
      acc = 0;
    }
  }
  return out;
}

describe('postings digits', () => {
  test('numbers round-trip, small ones in one digit', () => {
    const values = [0, 1, 31, 32, 1023, 1024, 32767, 74727, 1_000_000, 2 ** 31 - 1];
    const out = new Uint8Array(128);
    let at = 0;
    for (const v of values) at = writeNumber(out, at, v);
    const text = new TextDecoder().decode(out.subarray(0, at));
    expect(readNumbers(text)).toEqual(values);
    expect(text).not.toMatch(/[\s,]/u);
    expect(writeNumber(new Uint8Array(8), 0, 31)).toBe(1);
    expect(writeNumber(new Uint8Array(8), 0, 1023)).toBe(2);
  });

  test('pair entries carry the gap only across stop words', () => {
    expect(pairEntry('languag', 'model', 1)).toBe('languag_model');
    expect(pairEntry('state', 'art', 3)).toBe('state_3_art');
  });
});

describe('byte-bounded cache', () => {
  test('forgets the least recently used entries past its budget', () => {
    const lru = new ByteLru<string>(100);
    lru.set('a', 'A', 40);
    lru.set('b', 'B', 40);
    expect(lru.get('a')).toBe('A'); // a is now the most recent
    lru.set('c', 'C', 40);
    expect(lru.has('b')).toBe(false);
    expect(lru.has('a')).toBe(true);
    expect(lru.size).toBe(80);
    lru.resize('c', 'C', 70);
    expect(lru.has('a')).toBe(false);
    expect(lru.size).toBe(70);
    // A single entry over budget is kept (it is in use).
    lru.set('big', 'X', 500);
    expect(lru.count).toBe(1);
  });
});

describe('scanner', () => {
  test('a filter skips words without changing offsets, positions or compounds', () => {
    const text = 'Top-p sampling, GPT-3.5 and Hyvärinen’s k-sparse models’ outputs';
    const all = tokenize(text);
    const kept: string[] = [];
    const compounds: string[] = [];
    const next = scan(text, 0, {
      accept: (t, s) => t[s]?.toLowerCase() === 's',
      token: (w, s, e, p) => kept.push(`${w}@${s}-${e}#${p}`),
      compound: (w) => compounds.push(w),
    });
    const expected = all.tokens
      .filter((t) => t.word.startsWith('s') || !/^\p{ASCII}+$/u.test(text.slice(t.start, t.end)))
      .map((t) => `${t.word}@${t.start}-${t.end}#${t.pos}`);
    expect(kept).toEqual(expected);
    expect(compounds).toEqual(all.compounds.map((c) => c.word));
    expect(next).toBe((all.tokens[all.tokens.length - 1]?.pos ?? -1) + 1);
  });
});

describe('matching without a full scan', () => {
  const texts = [
    'Top-p sampling, GPT-3.5 and $k$-sparse N:M codes; the model’s pre-training (e.g. co-occurrence).',
    "k – sparse, top-$p$ decoding, x-ray, 3.5.2, a.b.c, p-values and P values; models' outputs.",
    'Hyvärinen’s ÉCLAIR method — non-Gaussian sources, naïve Bayes, top-k.',
    '<b>& friends</b> $\\ell_p$ norms: p, pp, ppp-p.',
  ];
  const termSets = [
    ['topp', 'sampl', 'gpt35', 'kspars', 'nm', 'model'],
    ['p', 'top', 'k', 'spars', 'pretrain', 'cooccurr', 'train'],
    ['xrai', '35', '352', 'abc', 'pvalu', 'valu', 'output'],
    ['hyvarinen', 'eclair', 'nongaussian', 'gaussian', 'naiv', 'topk'],
    ['friend', 'norm', 'ell', 'pp', 'ppp', 'ppp-p'],
  ];
  test('finds what a full scan finds', () => {
    for (const text of texts) {
      for (const terms of termSets) {
        const set = new Set(terms);
        expect(findMatches(text, set)).toEqual(findMatches(text, set, true));
      }
    }
    const some = findMatches(texts[0] as string, new Set(termSets[0]));
    expect(some.map((f) => (texts[0] as string).slice(f.start, f.end))).toEqual([
      'Top-p',
      'sampling',
      'GPT-3.5',
      'k$-sparse',
      'N:M',
      'model’s',
    ]);
  });
});
