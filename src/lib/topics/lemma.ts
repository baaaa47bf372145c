/**
 * Inflectional stemming for topic phrases: plural and verb endings only.
 *
 * Written here rather than using Porter (`stem` in text/): Porter also strips
 * derivational suffixes, so "adaptive" and "adapters" become `adapt`,
 * "accelerating" and "accelerator" `acceler`, "general", "generative" and
 * "generation" `gener` — different topics would match one phrase. A topic
 * phrase must match its inflections ("mixtures of experts", "pruned",
 * "pruning") and nothing else, which is the S-stemmer (Harman 1991) extended
 * to `-ed` and `-ing`, with the silent `e` and doubled consonants evened out
 * so "prune", "pruned" and "pruning" all give `prun`.
 */

const cache = new Map<string, string>();
/** Words that end like an inflection but are not one. */
const NOT_INFLECTED = new Set(
  'embed speed seed need feed breed shed hundred naked wicked sacred kindred during'.split(' '),
);
const VOWEL = /[aeiouy]/u;

/** Inflectional stem of a folded (lower-case, unaccented) word. */
export function lemma(word: string): string {
  if (word.length < 4 || /\d/u.test(word)) return word;
  let s = cache.get(word);
  if (s === undefined) {
    s = compute(word);
    if (cache.size > 200_000) cache.clear();
    cache.set(word, s);
  }
  return s;
}

function compute(w: string): string {
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
