/**
 * Splitting folded text into words. A word is a run of letters and digits;
 * apostrophes inside a word are dropped (`model's` -> `models` would be
 * wrong, so the possessive `'s` is cut instead).
 */
import { fold } from './fold.ts';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** Folded words of `text`, in order, possessive `'s` removed. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const match of fold(text).matchAll(WORD)) {
    const w = match[0].replace(/['’]s$/u, '').replace(/['’]/gu, '');
    if (w) out.push(w);
  }
  return out;
}
