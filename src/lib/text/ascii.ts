/**
 * The ASCII fast path: most titles and abstracts are plain ASCII, where
 * folding is lower-casing and the only apostrophe is `'`, so words can be
 * cut by a loop over character codes instead of the Unicode-aware regex of
 * `words` (about ten times faster; a property test checks both agree).
 */
import { words } from './words.ts';

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/u;

/** Whether `text` is pure ASCII. */
export function isAscii(text: string): boolean {
  return ASCII.test(text);
}

/** ASCII letters and digits, any case. */
export function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

/** `words(text)` for pure-ASCII text. */
export function asciiWords(text: string): string[] {
  const s = text.toLowerCase();
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiAlnum(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let hasApostrophe = false;
    for (;;) {
      while (i < n && isAsciiAlnum(s.charCodeAt(i))) i++;
      // An apostrophe continues the word only when a letter or digit follows.
      if (i + 1 < n && s.charCodeAt(i) === 39 && isAsciiAlnum(s.charCodeAt(i + 1))) {
        hasApostrophe = true;
        i++;
        continue;
      }
      break;
    }
    let w = s.slice(start, i);
    if (hasApostrophe) {
      if (w.endsWith("'s")) w = w.slice(0, -2);
      w = w.replaceAll("'", '');
    }
    if (w) out.push(w);
  }
  return out;
}

/** Folded words of `text`, the same as `words`, fast for ASCII. */
export function fastWords(text: string): string[] {
  return isAscii(text) ? asciiWords(text) : words(text);
}
