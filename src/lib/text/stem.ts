/**
 * English stemming (Porter, via the `stemmer` package) with a small cache:
 * the same few thousand words recur across every abstract.
 */
import { stemmer } from 'stemmer';

const cache = new Map<string, string>();

/** Porter stem of a folded word; words with digits are kept as they are. */
export function stem(word: string): string {
  if (/\d/.test(word) || word.length < 3) return word;
  let s = cache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (cache.size > 200_000) cache.clear();
    cache.set(word, s);
  }
  return s;
}
