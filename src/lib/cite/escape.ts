/**
 * Turning plain text into BibTeX field values that are safe and faithful.
 *
 * Encoding: accented and other non-ASCII letters are kept as UTF-8, not
 * turned into `{\"o}` macros. biber/biblatex read UTF-8 natively, LaTeX has
 * read UTF-8 input by default since 2018, and macros cannot express most of
 * the world's scripts (CJK names, for one) anyway, so a conversion would be
 * lossy exactly where it matters.
 *
 * Safety: a field value is written as `{...}`, so its braces must balance and
 * never close early; every brace in the text therefore becomes
 * `\textbraceleft{}`/`\textbraceright{}` (BibTeX counts braces even after a
 * backslash, so `\{` would not do). A title like `x}, note = {y` stays inside
 * its field.
 *
 * Math: `$...$` is kept as math and wrapped in braces so styles do not change
 * its case, provided its braces balance and it uses only known math commands
 * (a downloaded .bib is compiled by the reader's LaTeX, so `$\\input{...}$`
 * must not reach it as code); otherwise it is escaped as text.
 */
import { MATH_COMMANDS } from '../og/text.ts';

/** Text characters LaTeX treats specially, with their text-mode spelling. */
const TEXT_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // `<` and `>` print as `¡` and `¿` in LaTeX's default OT1 font encoding.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};
const TEXT_SPECIAL = /[\\{}&%$#_~^<>]/g;

// Control, bidi and line/paragraph separator characters: invisible at best,
// and a newline in a field can end a `%` comment or confuse line-based tools.
const CONTROLS = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/gu;

/** Collapses whitespace and drops control characters. */
export function cleanText(text: string): string {
  return text.replace(CONTROLS, ' ').replace(/\s+/gu, ' ').trim();
}

/** Escapes plain text for a brace-delimited BibTeX field. */
export function escapeText(text: string): string {
  return text.replace(TEXT_SPECIAL, (c) => TEXT_ESCAPES[c] ?? c);
}

/**
 * Whether math source may be handed to LaTeX as math: every named command
 * is a known math command (so no `\\input`, `\\write18`, `\\def`, `\\url`)
 * and the braces balance.
 */
export function isSafeMath(tex: string): boolean {
  for (const m of tex.matchAll(/\\([A-Za-z]+)/g)) {
    if (!MATH_COMMANDS.has(m[1] ?? '')) return false;
  }
  return bracesBalance(tex);
}

/** Whether `tex`'s braces (escaped or not: BibTeX counts both) balance without going negative. */
export function bracesBalance(tex: string): boolean {
  let depth = 0;
  for (const c of tex) {
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Math source made safe for a field: unescaped `%` (a LaTeX comment in the
 * .bbl), `#` and `&` are escaped; everything else is kept as written.
 */
function escapeMath(tex: string): string {
  let out = '';
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i] as string;
    if (c === '\\') {
      // A command or escaped character: copy it with its next character.
      out += c + (tex[i + 1] ?? '');
      i++;
    } else if (c === '%' || c === '#' || c === '&') out += `\\${c}`;
    else out += c;
  }
  return out;
}

/** `$...$` or `$$...$$`, with `\$` allowed inside; a lone `$` is text. */
const MATH = /\$\$((?:\\.|[^$\\])+)\$\$|\$((?:\\.|[^$\\])+)\$/gsu;

export interface Segment {
  math: boolean;
  text: string;
}

/** Splits text into math (`$...$` that `isSafeMath`) and plain-text segments. */
export function splitMath(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(MATH)) {
    const tex = m[1] ?? m[2] ?? '';
    if (!isSafeMath(tex)) continue; // treated as text, dollars escaped
    if (m.index > last) out.push({ math: false, text: text.slice(last, m.index) });
    out.push({ math: true, text: tex });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ math: false, text: text.slice(last) });
  return out;
}

/**
 * A word needs case protection when a style that lowercases titles would
 * damage it: one of its hyphen- or slash-separated parts has a capital after
 * its first character (`LLMs`, `BERT`, `WuKong`, `3D`, `iPhone`, `GPT-4`).
 * Title-case compounds (`End-to-End`, `Self-Supervised`) are left alone.
 */
export function needsProtection(word: string): boolean {
  return word
    .split(/[-‐‑–—/]/u)
    .some((part) => /.\p{Lu}/su.test(part.replace(/^[^\p{L}\p{N}]+/u, '')));
}

/** Braces the word part of a token, leaving leading/trailing punctuation outside: `{PDF-WuKong}:`. */
function protect(token: string): string {
  const m = /^([("'“‘[]*)(.*?)([)"'”’\].,:;!?]*)$/su.exec(token);
  const [, lead = '', core = token, trail = ''] = m ?? [];
  if (!core || !needsProtection(core)) return escapeText(token);
  return `${escapeText(lead)}{${escapeText(core)}}${escapeText(trail)}`;
}

/**
 * A title field value: text escaped, words with inner capitals wrapped in
 * braces, math kept (in braces). Ordinary capitalised words are left to the
 * style: that is what lets an APA or IEEE style sentence-case the title,
 * which double-bracing the whole title would prevent.
 */
export function bibTitle(title: string): string {
  return splitMath(cleanText(title))
    .map(({ math, text }) => {
      if (math) return `{$${escapeMath(text)}$}`;
      return text
        .split(/(\s+)/)
        .map((token) => {
          if (token === '' || /^\s+$/.test(token)) return token;
          return protect(token);
        })
        .join('');
    })
    .join('');
}

/** A plain (non-title) text field value: escaped, math kept as math. */
export function bibText(text: string): string {
  return splitMath(cleanText(text))
    .map(({ math, text: t }) => (math ? `$${escapeMath(t)}$` : escapeText(t)))
    .join('');
}

/**
 * One author for the `author` list. Names are kept as given; a name that
 * itself contains the word "and" (an organisation) is braced so BibTeX does
 * not split it into two people.
 */
export function bibName(name: string): string {
  const escaped = escapeText(cleanText(name));
  return /(^|\s)and(\s|$)/i.test(escaped) ? `{${escaped}}` : escaped;
}

/**
 * A URL or DOI for a verbatim field: whitespace and the characters that
 * would unbalance the field (`{`, `}`) or escape out of it (`\`) are
 * percent-encoded; everything else is kept, as biblatex reads these fields
 * verbatim.
 */
export function bibVerbatim(value: string): string {
  return cleanText(value).replace(
    /[\s{}\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
