/**
 * Stemming, two strengths:
 *
 * - `stem` (default, search and related papers): Porter, via the `stemmer`
 *   package. It also strips derivational suffixes ("adaptive" and "adapters"
 *   both give `adapt`), which widens a search usefully.
 * - `lightStem` (`{ light: true }`; for topic names): inflections only, the
 *   S-stemmer (Harman 1991) extended to `-ed` and `-ing`, silent `e` and
 *   doubled consonants evened out ("prune", "pruned", "pruning" give
 *   `prun`), so a topic phrase matches its inflections and nothing else
 *   ("general", "generative" and "generation" stay apart).
 *
 * Both keep words with digits and short words as they are, and cache.
 */
import { stemmer } from 'stemmer';

const porterCache = new Map<string, string>();
const lightCache = new Map<string, string>();

export interface StemOptions {
  /** Inflections only (`lightStem`). */
  light?: boolean;
}

/** Porter stem of a folded word (or its light stem with `{ light: true }`); words with digits are kept. */
export function stem(word: string, options: StemOptions = {}): string {
  if (options.light) return lightStem(word);
  if (/\d/.test(word) || word.length < 3) return word;
  let s = porterCache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (porterCache.size > 200_000) porterCache.clear();
    porterCache.set(word, s);
  }
  return s;
}

/** Words that end like an inflection but are not one. */
const NOT_INFLECTED = new Set(
  'embed speed seed need feed breed shed hundred naked wicked sacred kindred during'.split(' '),
);
const VOWEL = /[aeiouy]/u;

/** Inflectional stem of a folded word: plural and verb endings only. */
export function lightStem(word: string): string {
  if (word.length < 4 || /\d/u.test(word)) return word;
  let s = lightCache.get(word);
  if (s === undefined) {
    s = inflectionless(word);
    if (lightCache.size > 200_000) lightCache.clear();
    lightCache.set(word, s);
  }
  return s;
}

function inflectionless(w: string): string {
  let s = w;
  if (NOT_INFLECTED.has(s)) return s;
  if (/ie[sd]$/u.test(s) && s.length > 6) s = `${s.slice(0, -3)}y`;
  else if (/(?:ss|x|z|ch|sh)es$/u.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(?:ss|us|is|as|ys)$/u.test(s)) s = s.slice(0, -1);
  else if (s.endsWith('ing')) s = strip(s, 3);
  else if (s.endsWith('ed') && !s.endsWith('eed')) s = strip(s, 2);
  // A plural of an -ing or -ed noun ("embeddings", "findings") is the noun.
  if (s !== w && s.endsWith('ing') && s.length > 5) s = strip(s, 3);
  return s.length > 3 && s.endsWith('e') && !s.endsWith('ee') ? s.slice(0, -1) : s;
}

/** Drops a verb ending when enough of a word is left, undoubling `nn`, `tt`, ... */
function strip(s: string, n: number): string {
  const base = s.slice(0, -n);
  if (base.length < 3 || !VOWEL.test(base)) return s;
  const last = base.charAt(base.length - 1);
  if (last === base.charAt(base.length - 2) && !'lsz'.includes(last) && !VOWEL.test(last)) {
    return base.slice(0, -1);
  }
  return base;
}
