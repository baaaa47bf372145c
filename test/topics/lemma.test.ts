import { describe, expect, test } from 'vitest';
import { lightStem as lemma } from '../../src/lib/text/index.ts';

describe('lemma', () => {
  test('conflates plurals and verb forms', () => {
    for (const group of [
      ['prune', 'pruned', 'pruning', 'prunes'],
      ['expert', 'experts'],
      ['mixture', 'mixtures'],
      ['study', 'studies', 'studied'],
      ['process', 'processes'],
      ['embed', 'embedding', 'embeddings', 'embedded'],
      ['run', 'running', 'runs'],
      ['tune', 'tuned', 'tuning'],
    ]) {
      expect(new Set(group.map(lemma)), group.join(' ')).toHaveProperty('size', 1);
    }
  });

  test('keeps derived words apart, unlike Porter', () => {
    expect(lemma('adaptive')).not.toBe(lemma('adapters'));
    expect(lemma('accelerator')).not.toBe(lemma('accelerating'));
    expect(lemma('generation')).not.toBe(lemma('general'));
    expect(lemma('sparsity')).not.toBe(lemma('sparse'));
  });

  test('leaves short words, words with digits and non-inflections alone', () => {
    expect(lemma('bias')).toBe('bias');
    expect(lemma('v2s')).toBe('v2s');
    expect(lemma('string')).toBe('string');
    expect(lemma('speed')).toBe('speed');
  });
});
