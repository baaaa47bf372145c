import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  isAscii,
  prose,
  scan,
  scanUnicode,
  stemClauses,
  tokenize,
} from '../../src/lib/topics/tokens.ts';

type Event = [string, string, boolean] | [string];

function events(text: string, unicode: boolean): Event[] {
  const out: Event[] = [];
  const word = (lower: string, surface: string, joined: boolean) =>
    out.push([lower, surface, joined]);
  const boundary = (mark: string) => out.push([mark]);
  if (unicode) scanUnicode(prose(text), word, boundary);
  else scan(text, word, boundary);
  return out;
}

describe('tokens', () => {
  test('the ASCII fast path gives the same tokens as the regex', () => {
    const alphabet = fc.constantFrom(...'aZ9 -\'.:,;()"|\n\tSs'.split(''), 'MoE', 'of', 'pre-');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        if (!isAscii(prose(text))) return;
        expect(events(text, false)).toEqual(events(text, true));
      }),
      { numRuns: 500 },
    );
  });

  test('clause punctuation splits phrases, but not N:M or v2.0', () => {
    expect(stemClauses('Sparse. Retrieval, with N:M sparsity v2.0')).toEqual([
      ['spars'],
      ['retrieval'],
      ['with', 'n', 'm', 'sparsity', 'v2', '0'],
    ]);
  });

  test('math, URLs and LaTeX commands are boundaries', () => {
    expect(stemClauses('top-$p$ pruning at https://x.org/a b')).toEqual([
      ['top'],
      ['prun', 'at'],
      ['b'],
    ]);
  });

  test('folds case and accents, drops the possessive, marks hyphen joins', () => {
    expect(tokenize("Hyvärinen's Mixture-of-Experts")).toEqual([
      { lower: 'hyvarinen', surface: "Hyvarinen's", joined: false },
      { lower: 'mixture', surface: 'Mixture', joined: false },
      { lower: 'of', surface: 'of', joined: true },
      { lower: 'experts', surface: 'Experts', joined: true },
    ]);
  });

  test('a hyphenated prefix is one word with what follows', () => {
    expect(stemClauses('pre-training and pretraining; fine-tuning')).toEqual([
      ['pretrain', 'and', 'pretrain'],
      ['finetun'],
    ]);
  });
});
