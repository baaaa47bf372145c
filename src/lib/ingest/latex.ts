/**
 * Cleans the LaTeX that arXiv abstracts carry into readable text, keeping
 * genuine math for KaTeX.
 *
 * Hand-written because no maintained library does this job: LaTeX-to-Unicode
 * converters expect whole documents, while abstracts mix prose, stray escapes
 * (`98\%`), accent macros (`Hyv\"arinen`), symbol macros (`\textpm`), real math
 * (`$...$`) and math whose backslashes and dollars a web page already stripped
 * (`mathfrak S^{2/p}`, `ell_p`, `1leq p<2`). The cleaned string keeps math
 * between unescaped `$` (a literal dollar is written `\$`), so it can be parsed
 * back into segments without ambiguity.
 */

import { parseSegments, type Segment } from '../text/math.ts';
import { looksLikeUrl } from '../text/patterns.ts';

// What counts as math in a cleaned string is the shared text analyser's rule.
export { parseSegments, type Segment };

// ---------------------------------------------------------------- tables

// prettier-ignore
const GREEK = [
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'vartheta',
  'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi', 'pi', 'varpi', 'rho', 'varrho', 'sigma', 'varsigma',
  'tau', 'upsilon', 'phi', 'varphi', 'chi', 'psi', 'omega', 'Gamma', 'Delta', 'Theta', 'Lambda',
  'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega',
];
const GREEK_CHARS = 'αβγδϵεζηθϑικλμνξπϖρϱσςτυϕφχψωΓΔΘΛΞΠΣΥΦΨΩ'.split('');

/** Macros shown as Unicode when they appear outside math. */
// prettier-ignore
const SYMBOLS: Record<string, string> = {
  ...Object.fromEntries(GREEK.map((g, i) => [g, GREEK_CHARS[i] ?? g])),
  textpm: '±', pm: '±', mp: '∓', times: '×', texttimes: '×', div: '÷', cdot: '·',
  textperiodcentered: '·', ldots: '…', dots: '…', cdots: '⋯', textellipsis: '…', textendash: '–',
  textemdash: '—', textasciitilde: '~', textasciicircum: '^', textbackslash: '\\', textbar: '|',
  textless: '<', textgreater: '>', textdegree: '°', degree: '°', textmu: 'µ', textsection: '§',
  S: '§', P: '¶', copyright: '©', textcopyright: '©', textregistered: '®', texttrademark: '™',
  dag: '†', ddag: '‡', textbullet: '•', textquoteleft: '‘', textquoteright: '’',
  textquotedblleft: '“', textquotedblright: '”', guillemotleft: '«', guillemotright: '»',
  euro: '€', pounds: '£', infty: '∞', approx: '≈', sim: '∼', simeq: '≃', propto: '∝', leq: '≤',
  le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', ll: '≪', gg: '≫', rightarrow: '→', to: '→',
  leftarrow: '←', Rightarrow: '⇒', Leftarrow: '⇐', leftrightarrow: '↔', mapsto: '↦', uparrow: '↑',
  downarrow: '↓', in: '∈', notin: '∉', subset: '⊂', subseteq: '⊆', cup: '∪', cap: '∩', forall: '∀',
  exists: '∃', nabla: '∇', partial: '∂', sum: '∑', prod: '∏', int: '∫', sqrt: '√', ell: 'ℓ',
  hbar: 'ℏ', emptyset: '∅', varnothing: '∅', circ: '∘', star: '⋆', ast: '∗', oplus: '⊕',
  otimes: '⊗', langle: '⟨', rangle: '⟩', checkmark: '✓', ss: 'ß', o: 'ø', O: 'Ø', aa: 'å', AA: 'Å',
  ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ', LaTeX: 'LaTeX', TeX: 'TeX',
  BibTeX: 'BibTeX', quad: ' ', qquad: ' ', ' ': ' ', ',': ' ', ';': ' ', '!': '', '/': '', '-': '',
};

/** Accent macros and the combining mark each adds. */
// prettier-ignore
const ACCENTS: Record<string, string> = {
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304',
  '.': '\u0307', u: '\u0306', v: '\u030c', H: '\u030b', c: '\u0327', k: '\u0328', b: '\u0331',
  d: '\u0323', r: '\u030a', t: '\u0361',
};

/** Text-formatting macros whose argument is kept as it is. */
// prettier-ignore
const KEEP_ARGUMENT = new Set([
  'textbf', 'textit', 'textsl', 'textsc', 'texttt', 'textrm', 'textsf', 'textup', 'textmd',
  'textnormal', 'emph', 'underline', 'uline', 'mbox', 'hbox', 'text', 'url', 'nolinkurl', 'path',
  'textsuperscript', 'textsubscript', 'bf', 'it', 'em', 'tt', 'sc', 'rm', 'sf',
]);

/** Macros that are dropped with their argument (references make no sense outside the paper). */
// prettier-ignore
const DROP_WITH_ARGUMENT = new Set([
  'cite', 'citep', 'citet', 'citealp', 'citeauthor', 'citeyear', 'ref', 'eqref', 'label',
  'footnotemark', 'vspace', 'hspace', 'index',
]);

/**
 * Macro names a page may have stripped of their backslash, which never occur
 * as English words: finding one of these marks a token as math.
 */
// prettier-ignore
const STRONG_MATH_WORDS = new Set([
  'ell', 'mathfrak', 'mathbb', 'mathcal', 'mathbf', 'mathrm', 'mathsf', 'mathit', 'boldsymbol',
  'varepsilon', 'varphi', 'vartheta', 'varrho', 'varsigma', 'infty', 'leq', 'geq', 'neq', 'Vert',
  'sqrt', 'frac', 'cdot', 'cdots', 'ldots', 'otimes', 'oplus', 'nabla', 'forall', 'rightarrow',
  'leftarrow', 'mapsto', 'subseteq', 'emptyset', 'varnothing', 'widetilde', 'widehat', 'overline',
  'operatorname', 'lesssim', 'gtrsim', 'propto', 'approx',
]);

/** Relations after which the next short token is their right-hand side: `pneq 2`. */
const RELATION_END = /(?:leq|geq|neq|le|ge|in|approx|sim|propto|lesssim|gtrsim)$/;
/** A short comparison such as `p<2` or `n=3` next to math. */
const COMPARISON = /^[A-Za-z0-9]{1,3}(?:[<>=][A-Za-z0-9]{1,3})+[.,;:)]*$/;

/** Every macro name that backslash restoration may recognise inside a stripped math span. */
// prettier-ignore
const MATH_MACROS = new Set([
  ...GREEK,
  ...STRONG_MATH_WORDS,
  'log', 'ln', 'exp', 'min', 'max', 'sup', 'inf', 'lim', 'sin', 'cos', 'tan', 'det', 'arg',
  'argmin', 'argmax', 'Pr', 'left', 'right', 'big', 'Big', 'bigg', 'in', 'notin', 'le', 'ge', 'ne',
  'll', 'gg', 'pm', 'mp', 'times', 'sim', 'simeq', 'cap', 'cup', 'subset', 'sum', 'prod', 'int',
  'partial', 'natural', 'sharp', 'flat', 'star', 'circ', 'top', 'perp', 'mid', 'vert', 'lfloor',
  'rfloor', 'lceil', 'rceil', 'langle', 'rangle', 'tilde', 'hat', 'bar', 'vec', 'dot', 'mathsf',
  'text', 'quad', 'exists', 'neg', 'land', 'lor', 'odot', 'bullet', 'dagger',
]);
// \to and \top would swallow ordinary identifiers such as `top_k`; never restore them.
MATH_MACROS.delete('top');

// ---------------------------------------------------------------- genuine math

/** Splits off genuine math: `$$..$$`, `\[..\]`, `$..$` (Pandoc's rules), `\(..\)`. */
function splitGenuineMath(input: string): Segment[] {
  // Most abstracts have no math: skip the character scan.
  if (!input.includes('$') && !/\\[([]/.test(input))
    return input ? [{ type: 'text', value: input }] : [];
  const out: Segment[] = [];
  let text = '';
  let i = 0;
  const flush = () => {
    if (text) out.push({ type: 'text', value: text });
    text = '';
  };
  while (i < input.length) {
    const ch = input[i];
    if (ch === '\\' && input[i + 1] === '$') {
      text += '\\$';
      i += 2;
      continue;
    }
    if (ch === '\\' && (input[i + 1] === '(' || input[i + 1] === '[')) {
      const close = input[i + 1] === '(' ? '\\)' : '\\]';
      const end = input.indexOf(close, i + 2);
      if (end > i + 2) {
        flush();
        out.push({ type: 'math', value: input.slice(i + 2, end).trim(), display: close === '\\]' });
        i = end + 2;
        continue;
      }
    }
    if (ch === '$') {
      const display = input[i + 1] === '$';
      const open = display ? 2 : 1;
      const end = findClosingDollar(input, i + open, display);
      if (end !== -1) {
        flush();
        out.push({ type: 'math', value: input.slice(i + open, end).trim(), display });
        i = end + open;
        continue;
      }
      text += '\\$'; // an unpaired dollar is a literal one
      i += 1;
      continue;
    }
    text += ch;
    i += 1;
  }
  flush();
  return out;
}

function findClosingDollar(s: string, from: number, display: boolean): number {
  const first = s[from];
  if (first === undefined || (!display && /\s/.test(first))) return -1;
  for (let j = from; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') {
      j += 1;
      continue;
    }
    if (c === '\n' && s[j + 1] === '\n') return -1; // math never spans paragraphs
    if (c !== '$') continue;
    if (display) {
      if (s[j + 1] === '$' && j > from) return j;
      continue;
    }
    const before = s[j - 1] ?? '';
    const after = s[j + 1] ?? '';
    if (j > from && !/\s/.test(before) && !/\d/.test(after)) return j;
  }
  return -1;
}

// ---------------------------------------------------------------- stripped math

// `x^{n}`, `R^n`, `s^2`, `ell_p`, `x_{min}`; not `MS_MARCO` or `file_name`.
const SCRIPT = /[A-Za-z0-9}\])][\^_](?:\{|\\|\d|[A-Za-z](?![A-Za-z]))/;

/** Does this whitespace-free token look like math that lost its backslashes? */
function isStrippedMathToken(token: string): boolean {
  if (looksLikeUrl(token) || token.length > 160) return false;
  if (SCRIPT.test(token)) return true;
  // Letters after a backslash are a real macro, cleaned as text (`0.93\textpm0.02`).
  const letters = token.match(/(?<![\\A-Za-z])[A-Za-z]+/g) ?? [];
  for (const run of letters) {
    if (STRONG_MATH_WORDS.has(run)) return true;
    // A variable glued to a relation: `pneq`, `1leq` (the digit case has run === 'leq');
    // `ell` is left out because `well` and `cell` are words.
    const tail = run.slice(1);
    if (tail.length >= 3 && tail !== 'ell' && STRONG_MATH_WORDS.has(tail)) return true;
  }
  return false;
}

/** Open braces plus open parentheses left unclosed in a span. */
function depth(span: string): number {
  let d = 0;
  for (const c of span) {
    if (c === '{' || c === '(') d += 1;
    else if (c === '}' || c === ')') d -= 1;
  }
  return d;
}

/** Restores backslashes in one letters run when it decomposes into known macros. */
function restoreRun(run: string): string {
  if (run.length < 2) return run;
  if (MATH_MACROS.has(run)) return `\\${run} `;
  // An optional prefix (one letter, or an upper-case name like `SNR`), then
  // macros, then an optional one-letter suffix: `iin` -> i \in, `Vertx` -> \Vert x.
  const upper = /^[A-Z]{2,4}/.exec(run)?.[0];
  for (const prefix of ['', run[0] ?? '', ...(upper ? [upper] : [])]) {
    const rest = run.slice(prefix.length);
    const parts = decompose(rest);
    if (parts) return prefix + parts.map((p) => (p.length === 1 ? p : `\\${p} `)).join('');
  }
  return run;
}

function decompose(s: string): string[] | null {
  if (s === '') return [];
  for (let len = Math.min(s.length, 14); len >= 2; len--) {
    const head = s.slice(0, len);
    if (!MATH_MACROS.has(head)) continue;
    const tail = s.slice(len);
    if (tail.length === 1) return [head, tail];
    const rest = decompose(tail);
    if (rest) return [head, ...rest];
  }
  return null;
}

/** Turns a stripped math span back into LaTeX: `1leq p<2` -> `1\leq p<2`. */
export function restoreStrippedMath(span: string): string {
  return span
    .replace(/[A-Za-z]+/g, (run) => restoreRun(run))
    .replace(/\s+([}^_)\]])/g, '$1')
    .replace(/ {2,}/g, ' ')
    .trim();
}

const MAYBE_STRIPPED = new RegExp(`[\\^_]|${[...STRONG_MATH_WORDS].join('|')}`);

/** Finds runs of stripped-math tokens in prose and turns them into math segments. */
function recoverStrippedMath(text: string, valid: (tex: string) => boolean): Segment[] {
  // Without a script mark or a math word there is nothing to recover: skip the token walk.
  if (!MAYBE_STRIPPED.test(text)) return text ? [{ type: 'text', value: text }] : [];
  const parts = text.split(/(\s+)/);
  const out: Segment[] = [];
  let prose = '';
  let i = 0;
  while (i < parts.length) {
    const token = parts[i] ?? '';
    if (i % 2 === 1 || !isStrippedMathToken(token)) {
      prose += token;
      i += 1;
      continue;
    }
    // Extend over following math tokens, one short bare operand between two of
    // them, and whatever closes a brace or parenthesis the span left open.
    let end = i;
    for (let j = i + 2; j < parts.length; j += 2) {
      const next = parts[j] ?? '';
      const open = depth(parts.slice(i, end + 1).join(''));
      const current = parts.slice(i, end + 1).join('');
      if (open > 0 && j - end <= 2 && next.length <= 24) end = j;
      else if (isStrippedMathToken(next) || COMPARISON.test(next)) end = j;
      else if (RELATION_END.test(current) && /^[A-Za-z0-9]{1,3}[.,;:]?$/.test(next)) end = j;
      else if (/^[A-Za-z0-9]{1,2}$/.test(next) && isStrippedMathToken(parts[j + 2] ?? '')) {
        end = j + 2;
        j += 2;
      } else break;
    }
    let span = parts.slice(i, end + 1).join('');
    // Sentence punctuation after the math stays prose: `S^{2/p}.` -> `$S^{2/p}$.`,
    // and so do closing parentheses that were opened in the prose before it.
    let trail = /[.,;:!?]+$/.exec(span)?.[0] ?? '';
    span = span.slice(0, span.length - trail.length);
    // A hyphenated word after the math is prose too: `nu^1-based` -> `$\nu^1$-based`.
    const suffix = /-[A-Za-z]{3,}[)\]]*$/.exec(span)?.[0] ?? '';
    span = span.slice(0, span.length - suffix.length);
    trail = suffix + trail;
    while (depth(span) < 0 && span.endsWith(')')) {
      span = span.slice(0, -1);
      trail = `)${trail}`;
    }
    let lead = '';
    while (depth(span) > 0 && span.startsWith('(')) {
      span = span.slice(1);
      lead += '(';
    }
    // A macro that takes an argument swallows the next bare token: `mathfrak S d` -> `\mathfrak S`.
    let after = end + 1;
    if (!trail && /(?:mathfrak|mathbb|mathcal|mathbf|mathrm|boldsymbol)$/.test(span)) {
      const next = parts[end + 2] ?? '';
      const arg = /^[A-Za-z0-9]+/.exec(next)?.[0];
      if (arg) {
        span += ` ${arg}`;
        const rest = next.slice(arg.length);
        if (rest) {
          parts[end + 2] = rest;
          after = end + 2;
        } else after = end + 3;
      }
    }
    const tex = restoreStrippedMath(span);
    if (tex && valid(tex)) {
      prose += lead;
      if (prose) out.push({ type: 'text', value: prose });
      out.push({ type: 'math', value: tex, display: false });
      prose = trail;
    } else {
      prose += lead + span + trail;
    }
    i = after;
  }
  if (prose) out.push({ type: 'text', value: prose });
  return out;
}

// ---------------------------------------------------------------- text mode

const MACRO_ARG = String.raw`\s*\{([^{}]*)\}`;

/** Decodes escapes, accents and symbol macros in prose (outside math). */
export function cleanTextMode(input: string): string {
  let s = input;
  // Most prose has no backslash, and the passes up to the symbol macros act on backslashes only.
  if (s.includes('\\')) s = cleanMacros(s);
  // `\sim` that lost its backslash before a number: `(sim50%)`.
  s = s.replace(/(?<![A-Za-z])sim(?=\d)/g, '∼');
  s = repairLostOperators(s);
  // Quotes and ties.
  s = s.replace(/``/g, '“').replace(/''/g, '”');
  s = s.replace(/`([^`'\n]{1,200})'/g, '‘$1’');
  s = s.replace(/(?<=[\p{L}\p{N}).])~(?=[\p{L}\p{N}(])/gu, ' ');
  s = s.replace(/---/g, '—').replace(/(?<=\d)--(?=\d)/g, '–');
  // Grouping braces around a single word: {BERT}, {Λ}, {ü}.
  if (s.includes('{')) for (let k = 0; k < 3; k++) s = s.replace(/\{([^{}\s]*)\}/g, '$1');
  return s;
}

/**
 * Operators that lost their backslash where no English word can be meant:
 * `15.4times` (`15.4\times`), `1.3-2.4times` and `0.93pm0.02` keep their
 * symbol; `times` after a space, or `5pm` alone, stay words. (`approx10` and
 * `sim50` are handled as stripped math and by `cleanTextMode`.)
 */
export function repairLostOperators(input: string): string {
  if (!/\d(?:times|pm)/.test(input)) return input;
  return input.replace(/(?<=\d)times(?![\p{L}\p{N}])/gu, '×').replace(/(?<=\d)pm(?=\d)/g, '±');
}

/** Accents, macros with arguments, escaped characters and symbol macros (`cleanTextMode`). */
function cleanMacros(input: string): string {
  let s = input;
  // Accents: \"a, \"{a}, {\"a}, \'{\i}, \c{c}, \v s
  s = s.replace(
    /\\(["'`^~=.]|[uvHckbdrt](?=[\s{]))\s*(?:\{\s*(\\[ij]|[A-Za-z])\s*\}|(\\[ij](?![A-Za-z])|[A-Za-z]))/g,
    (_m, accent: string, braced?: string, bare?: string) => {
      const base = (braced ?? bare ?? '').replace(/^\\([ij])$/, '$1');
      const mark = ACCENTS[accent] ?? '';
      return (base + mark).normalize('NFC');
    },
  );
  // Arguments kept or dropped.
  s = s.replace(
    new RegExp(String.raw`\\([A-Za-z]+)\*?` + MACRO_ARG, 'g'),
    (m, name: string, arg: string) => {
      if (KEEP_ARGUMENT.has(name)) return arg;
      if (DROP_WITH_ARGUMENT.has(name)) return '';
      if (name === 'footnote') return ` (${arg})`;
      return m;
    },
  );
  s = s.replace(/\\href\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, (_m, url: string, label: string) =>
    label && label !== url ? `${label} (${url})` : url,
  );
  // Escaped characters.
  s = s.replace(/\\([%&#_{}])/g, '$1');
  s = s.replace(/\\\\/g, ' ');
  // Symbol macros, and unknown macros reduced to their name (`\tool` -> `tool`).
  s = s.replace(/\\([A-Za-z]+|[ ,;!/-])/g, (_m, name: string) => {
    const sym = SYMBOLS[name];
    if (sym !== undefined) return sym;
    return name;
  });
  return s;
}

// ---------------------------------------------------------------- public API

export interface CleanOptions {
  /** Accepts a TeX string if it renders; math that does not stays prose. */
  validMath?: (tex: string) => boolean;
}

/**
 * Cleans LaTeX remnants in a title or abstract. The result keeps math between
 * `$...$` (display math `$$...$$`) and writes a literal dollar as `\$`.
 */
export function cleanLatex(input: string, options: CleanOptions = {}): string {
  const valid = options.validMath ?? (() => true);
  const segments: Segment[] = [];
  for (const seg of splitGenuineMath(input)) {
    if (seg.type === 'math') segments.push(seg);
    else {
      // Keep escaped dollars out of the way of stripped-math detection.
      for (const part of recoverStrippedMath(seg.value, valid)) {
        segments.push(
          part.type === 'text' ? { type: 'text', value: cleanTextMode(part.value) } : part,
        );
      }
    }
  }
  return joinSegments(segments);
}

/** Serialises segments into the cleaned-string form. */
export function joinSegments(segments: Segment[]): string {
  return segments
    .map((s) => {
      if (s.type === 'math') return s.display ? `$$${s.value}$$` : `$${s.value}$`;
      return s.value.replace(/\\?\$/g, '\\$');
    })
    .join('');
}

/** Readable plain text of a cleaned string: math as Unicode where it can be. */
export function toPlainText(clean: string): string {
  return parseSegments(clean)
    .map((s) => (s.type === 'text' ? s.value : mathToPlain(s.value)))
    .join('');
}

function mathToPlain(tex: string): string {
  return tex
    .replace(
      /\\(mathfrak|mathbb|mathcal|mathbf|mathrm|boldsymbol|text|operatorname|mathsf)\s*/g,
      '',
    )
    .replace(/\\(left|right|big|Big|bigg)\b\s*/g, '')
    .replace(/\\([A-Za-z]+)\s*/g, (_m, name: string) => SYMBOLS[name] ?? name)
    .replace(/\\(.)/g, '$1')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
