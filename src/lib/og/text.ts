/**
 * Text preparation for social images: titles are shown as plain text, so
 * LaTeX math between `$...$` becomes readable Unicode (`$\ell_p$` -> `ℓₚ`,
 * `$O(n^2)$` -> `O(n²)`, `$\mathbb{R}^d$` -> `ℝᵈ`), control and bidi
 * formatting characters are dropped, whitespace is collapsed, and very long
 * text is cut before layout (the template clamps it visually with an
 * ellipsis; cutting first keeps a 2,000-character title as cheap as a short one).
 */

const GREEK: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ϵ',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  vartheta: 'ϑ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  varpi: 'ϖ',
  rho: 'ρ',
  varrho: 'ϱ',
  sigma: 'σ',
  varsigma: 'ς',
  tau: 'τ',
  upsilon: 'υ',
  phi: 'ϕ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Xi: 'Ξ',
  Pi: 'Π',
  Sigma: 'Σ',
  Upsilon: 'Υ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
};

const SYMBOLS: Record<string, string> = {
  ...GREEK,
  ell: 'ℓ',
  hbar: 'ℏ',
  imath: 'ı',
  infty: '∞',
  partial: '∂',
  nabla: '∇',
  forall: '∀',
  exists: '∃',
  emptyset: '∅',
  varnothing: '∅',
  neg: '¬',
  lnot: '¬',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  ll: '≪',
  gg: '≫',
  ne: '≠',
  neq: '≠',
  approx: '≈',
  sim: '∼',
  simeq: '≃',
  cong: '≅',
  equiv: '≡',
  propto: '∝',
  pm: '±',
  mp: '∓',
  times: '×',
  div: '÷',
  cdot: '·',
  circ: '∘',
  ast: '∗',
  star: '⋆',
  bullet: '•',
  oplus: '⊕',
  otimes: '⊗',
  odot: '⊙',
  in: '∈',
  notin: '∉',
  ni: '∋',
  subset: '⊂',
  subseteq: '⊆',
  supset: '⊃',
  supseteq: '⊇',
  cup: '∪',
  cap: '∩',
  setminus: '∖',
  wedge: '∧',
  land: '∧',
  vee: '∨',
  lor: '∨',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  gets: '←',
  leftrightarrow: '↔',
  Rightarrow: '⇒',
  Leftarrow: '⇐',
  Leftrightarrow: '⇔',
  implies: '⇒',
  iff: '⇔',
  mapsto: '↦',
  uparrow: '↑',
  downarrow: '↓',
  sum: '∑',
  prod: '∏',
  coprod: '∐',
  int: '∫',
  oint: '∮',
  sqrt: '√',
  prime: '′',
  dagger: '†',
  top: '⊤',
  bot: '⊥',
  perp: '⊥',
  parallel: '∥',
  mid: '|',
  vert: '|',
  Vert: '‖',
  langle: '⟨',
  rangle: '⟩',
  lceil: '⌈',
  rceil: '⌉',
  lfloor: '⌊',
  rfloor: '⌋',
  lbrace: '{',
  rbrace: '}',
  dots: '…',
  ldots: '…',
  cdots: '⋯',
  vdots: '⋮',
  ddots: '⋱',
  aleph: 'ℵ',
  angle: '∠',
  triangle: '△',
  square: '□',
  checkmark: '✓',
  S: '§',
  P: '¶',
  colon: ':',
  quad: ' ',
  qquad: ' ',
  // Spacing and sizing commands that print nothing.
  left: '',
  right: '',
  big: '',
  Big: '',
  bigg: '',
  Bigg: '',
  bigl: '',
  bigr: '',
  Bigl: '',
  Bigr: '',
  displaystyle: '',
  textstyle: '',
  scriptstyle: '',
  limits: '',
  nolimits: '',
};

/** Commands whose argument is shown as it is (fonts, text, operators). */
const PASS_THROUGH = new Set([
  'mathrm',
  'mathbf',
  'mathit',
  'mathsf',
  'mathtt',
  'boldsymbol',
  'bm',
  'textbf',
  'textit',
  'textrm',
  'texttt',
  'textsf',
  'text',
  'textnormal',
  'emph',
  'operatorname',
  'mbox',
  'hbox',
]);

/** Commands with combining accents put after their argument. */
const ACCENTS: Record<string, string> = {
  hat: '\u0302',
  widehat: '\u0302',
  tilde: '\u0303',
  widetilde: '\u0303',
  bar: '\u0304',
  overline: '\u0305',
  vec: '\u20d7',
  dot: '\u0307',
  ddot: '\u0308',
  check: '\u030c',
  breve: '\u0306',
  acute: '\u0301',
  grave: '\u0300',
};

const SUB: Record<string, string> = {
  ...Object.fromEntries([...'0123456789'].map((d, i) => [d, String.fromCodePoint(0x2080 + i)])),
  '+': '₊',
  '-': '₋',
  '−': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
  a: 'ₐ',
  e: 'ₑ',
  o: 'ₒ',
  x: 'ₓ',
  h: 'ₕ',
  k: 'ₖ',
  l: 'ₗ',
  m: 'ₘ',
  n: 'ₙ',
  p: 'ₚ',
  s: 'ₛ',
  t: 'ₜ',
  i: 'ᵢ',
  j: 'ⱼ',
  r: 'ᵣ',
  u: 'ᵤ',
  v: 'ᵥ',
};

const SUP: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '−': '⁻',
  '=': '⁼',
  '(': '⁽',
  ')': '⁾',
  a: 'ᵃ',
  b: 'ᵇ',
  c: 'ᶜ',
  d: 'ᵈ',
  e: 'ᵉ',
  f: 'ᶠ',
  g: 'ᵍ',
  h: 'ʰ',
  i: 'ⁱ',
  j: 'ʲ',
  k: 'ᵏ',
  l: 'ˡ',
  m: 'ᵐ',
  n: 'ⁿ',
  o: 'ᵒ',
  p: 'ᵖ',
  r: 'ʳ',
  s: 'ˢ',
  t: 'ᵗ',
  u: 'ᵘ',
  v: 'ᵛ',
  w: 'ʷ',
  x: 'ˣ',
  y: 'ʸ',
  z: 'ᶻ',
  '′': '′',
  '∗': '*',
  '*': '*',
  '†': '†',
};

/** Letters of `\mathbb`, `\mathcal` and `\mathfrak` that live in the Letterlike Symbols block. */
const LETTERLIKE: Record<string, Record<string, string>> = {
  mathbb: { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' },
  mathcal: { B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ' },
  mathfrak: { C: 'ℭ', H: 'ℌ', I: 'ℑ', R: 'ℜ', Z: 'ℨ' },
};
/** First code point of the capital letters of each alphabet in Mathematical Alphanumeric Symbols. */
const ALPHABET_BASE: Record<string, number> = {
  mathbb: 0x1d538,
  mathcal: 0x1d49c,
  mathscr: 0x1d49c,
  mathfrak: 0x1d504,
};

function styledLetters(command: string, text: string): string {
  const base = ALPHABET_BASE[command];
  if (base === undefined) return text;
  const special = LETTERLIKE[command === 'mathscr' ? 'mathcal' : command] ?? {};
  return [...text]
    .map((c) => {
      if (special[c]) return special[c];
      if (c >= 'A' && c <= 'Z') return String.fromCodePoint(base + c.charCodeAt(0) - 65);
      return c;
    })
    .join('');
}

/** Named operators that typeset as upright words (`\log` -> `log`). */
const OPERATORS = [
  'arccos',
  'arcsin',
  'arctan',
  'arg',
  'cos',
  'cosh',
  'cot',
  'csc',
  'deg',
  'det',
  'dim',
  'exp',
  'gcd',
  'hom',
  'inf',
  'ker',
  'lg',
  'lim',
  'liminf',
  'limsup',
  'ln',
  'log',
  'max',
  'min',
  'Pr',
  'sec',
  'sin',
  'sinh',
  'sup',
  'tan',
  'tanh',
];

/**
 * Every named math command this module understands: symbols, fonts,
 * accents, fractions, roots and operators. Citations use it as an allowlist
 * (math with any other command is not passed to LaTeX as math).
 */
export const MATH_COMMANDS: ReadonlySet<string> = new Set([
  ...Object.keys(SYMBOLS),
  ...PASS_THROUGH,
  ...Object.keys(ACCENTS),
  ...Object.keys(ALPHABET_BASE),
  ...OPERATORS,
  'frac',
  'dfrac',
  'tfrac',
  'cfrac',
  'sqrt',
  'not',
  'mathop',
]);

/** A tiny reader over a math string. */
class Reader {
  pos = 0;
  readonly src: string;
  constructor(src: string) {
    this.src = src;
  }
  get done(): boolean {
    return this.pos >= this.src.length;
  }
  peek(): string {
    return this.src[this.pos] ?? '';
  }
  /** A command name after a backslash: letters, or one other character. */
  command(): string {
    const m = /^[A-Za-z]+/.exec(this.src.slice(this.pos));
    if (m) {
      this.pos += m[0].length;
      return m[0];
    }
    const c = this.src[this.pos] ?? '';
    this.pos += c.length;
    return c;
  }
  skipSpaces(): void {
    while (this.peek() === ' ') this.pos++;
  }
}

/** Reads one argument: a `{...}` group, a command, or one character, and converts it. */
function readArgument(r: Reader, depth: number): string {
  r.skipSpaces();
  if (r.peek() === '{') {
    r.pos++;
    return convert(r, depth + 1, '}');
  }
  if (r.peek() === '\\') {
    r.pos++;
    return command(r, r.command(), depth);
  }
  const ch = String.fromCodePoint(r.src.codePointAt(r.pos) ?? 32);
  r.pos += ch.length;
  return ch;
}

function scripted(text: string, table: Record<string, string>, marker: string): string {
  const chars = [...text];
  if (chars.length > 0 && chars.every((c) => table[c] !== undefined)) {
    return chars.map((c) => table[c]).join('');
  }
  return marker + (chars.length > 1 ? `(${text})` : text);
}

function wrapIfLong(text: string): string {
  return [...text.trim()].length > 1 && !/^\(.*\)$/.test(text) ? `(${text.trim()})` : text.trim();
}

function command(r: Reader, name: string, depth: number): string {
  if (name in SYMBOLS) return SYMBOLS[name] ?? '';
  if (PASS_THROUGH.has(name)) return readArgument(r, depth);
  if (name in ALPHABET_BASE) return styledLetters(name, readArgument(r, depth));
  const accent = ACCENTS[name];
  if (accent) return readArgument(r, depth) + accent;
  switch (name) {
    case 'frac':
    case 'dfrac':
    case 'tfrac':
    case 'cfrac': {
      const num = readArgument(r, depth);
      const den = readArgument(r, depth);
      return `${wrapIfLong(num)}/${wrapIfLong(den)}`;
    }
    case 'sqrt': {
      r.skipSpaces();
      if (r.peek() === '[') {
        // Optional root index: \sqrt[3]{x} -> ∛-like "³√x".
        const end = r.src.indexOf(']', r.pos);
        const index = end < 0 ? '' : r.src.slice(r.pos + 1, end);
        r.pos = end < 0 ? r.src.length : end + 1;
        return `${scripted(index, SUP, '')}√${wrapIfLong(readArgument(r, depth))}`;
      }
      return `√${wrapIfLong(readArgument(r, depth))}`;
    }
    case ',':
    case ':':
    case ';':
    case ' ':
    case '>':
      return ' ';
    case '!':
    case '/':
      return '';
    case '\\':
      return ' ';
    case '|':
      return '‖';
    default:
      // \{ \} \$ \% \& \# \_ and unknown single characters print themselves;
      // unknown named commands (\log, \max, \softmax) print their name.
      return name;
  }
}

/** Converts math up to `close` (or the end), consuming the closing character. */
function convert(r: Reader, depth: number, close?: string): string {
  let out = '';
  while (!r.done) {
    const c = r.peek();
    if (close !== undefined && c === close) {
      r.pos++;
      return out;
    }
    if (depth > 50) {
      // Pathological nesting: keep the rest as it is.
      out += r.src.slice(r.pos);
      r.pos = r.src.length;
      return out;
    }
    r.pos++;
    if (c === '\\') out += command(r, r.command(), depth);
    else if (c === '{') out += convert(r, depth + 1, '}');
    else if (c === '}')
      continue; // unbalanced closer: drop it
    else if (c === '_') out += scripted(readArgument(r, depth), SUB, '_');
    else if (c === '^') out += scripted(readArgument(r, depth), SUP, '^');
    else if (c === '~') out += ' ';
    else if (c === "'") out += '′';
    else out += c;
  }
  return out;
}

/** Converts the LaTeX source of one formula (without dollars) into readable plain text. */
export function mathToText(tex: string): string {
  return convert(new Reader(tex), 0).replace(/\s+/g, ' ').trim().normalize('NFC');
}

// Control characters (C0, DEL, C1) and bidi/format controls that would either
// draw nothing useful or reorder the text in surprising ways. ZWJ/ZWNJ and
// variation selectors are kept: emoji sequences and some scripts need them.
const CONTROLS =
  /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff\ufff9-\ufffb]/gu;

/** `$...$` or `$$...$$`, with `\$` allowed inside; a lone `$` is left alone. */
const MATH = /\$\$((?:\\.|[^$\\])+)\$\$|\$((?:\\.|[^$\\])+)\$/gsu;

/**
 * Plain display text: math converted, controls dropped, whitespace collapsed.
 * Text outside math is kept as it is (the data model already decoded it).
 */
export function displayText(text: string): string {
  return text
    .replace(CONTROLS, ' ')
    .replace(MATH, (_m, display: string | undefined, inline: string | undefined) =>
      mathToText(display ?? inline ?? ''),
    )
    .replace(/\s+/gu, ' ')
    .trim();
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Cuts `text` to at most `max` graphemes (never inside an emoji or accented
 * letter), preferring a word boundary near the end, and marks the cut with `…`.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const parts: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    if (parts.length >= max) break;
    parts.push(segment);
  }
  if (parts.length < max) return text;
  let cut = parts.join('');
  if (cut.length === text.length) return text;
  const space = cut.lastIndexOf(' ');
  if (space > cut.length * 0.8) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,.;:–—-]+$/u, '')}…`;
}

/**
 * A rough width of `text` in ems of a Latin sans-serif: wide (CJK, emoji)
 * characters count as one em, others as an average Latin letter. Used to
 * pick the title's font size before layout.
 */
export function estimateEms(text: string): number {
  let ems = 0;
  for (const ch of text) {
    if (
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u.test(
        ch,
      )
    )
      ems += 1;
    else if (ch === ' ') ems += 0.28;
    else if (/[A-Z]/.test(ch)) ems += 0.68;
    else ems += 0.56;
  }
  return ems;
}
