/**
 * Case and accent folding shared by search, topics and related papers, so
 * that every part of the site agrees on when two words are "the same".
 */

// Unicode combining marks (diacritics), as left by NFKD decomposition.
const COMBINING_MARKS = /\p{M}/gu;

// Letters that NFD does not decompose into a base letter plus a mark.
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ŀ: 'l',
  ħ: 'h',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'g');

// Folding ASCII text is lower-casing it.
const NON_ASCII = /[^\p{ASCII}]/u;

/**
 * Diacritics stripped, case kept: `Hyvärinen` -> `Hyvarinen` (for names
 * shown to readers, e.g. topic names; `fold` for comparing words).
 */
export function stripAccents(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFKD').replace(COMBINING_MARKS, '') : text;
}

/** Lower-cases, strips diacritics and maps ligatures: `Hyvärinen` -> `hyvarinen`. */
export function fold(text: string): string {
  // Most titles and abstracts are ASCII: NFKD and the two passes would leave them as they are.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
}
