import { describe, expect, test } from 'vitest';
import { katexAccepts } from '../../src/lib/ingest/index.ts';
import {
  cleanLatex,
  parseSegments,
  repairLostOperators,
  toPlainText,
} from '../../src/lib/ingest/latex.ts';

const clean = (s: string) => cleanLatex(s, { validMath: katexAccepts });

describe('cleanLatex: escapes, accents and symbols become characters', () => {
  test.each([
    ['up to 98\\% sparsity', 'up to 98% sparsity'],
    ['SSIM of 0.932\\textpm0.021', 'SSIM of 0.932±0.021'],
    ['Saremi & Hyv\\"arinen, 2019', 'Saremi & Hyvärinen, 2019'],
    ['H\\"older continuous', 'Hölder continuous'],
    ['F\\"ollmer sampler', 'Föllmer sampler'],
    ["Erd\\H{o}s and Bal\\'azs", 'Erdős and Balázs'],
    ['{\\"u}ber and Fran\\c{c}ois', 'über and François'],
    ['na\\"{\\i}ve', 'naïve'],
    ['a dense Lexical Model {\\Lambda} can', 'a dense Lexical Model Λ can'],
    ['R\\&D costs \\$5', 'R&D costs \\$5'],
    ['snake\\_case and \\#1', 'snake_case and #1'],
    ['we present \\tool, a novel MoE', 'we present tool, a novel MoE'],
    ['\\textbf{bold} and \\emph{it}', 'bold and it'],
    ['as shown in \\cite{smith2020} here', 'as shown in  here'],
    ["a `surrogate model' and ``quoted''", 'a ‘surrogate model’ and “quoted”'],
    ['(i)~Data selection', '(i) Data selection'],
    ['regions (\\sim50\\%)', 'regions (∼50%)'],
    ['regions (sim50\\%)', 'regions (∼50%)'],
    ['pages 10--20 --- really', 'pages 10–20 — really'],
    // No backslash at all: quotes, ties, dashes and grouping braces are still cleaned.
    ["{BERT} and GPT~models, ``fast''", 'BERT and GPT models, “fast”'],
  ])('%s', (input, expected) => {
    expect(clean(input)).toBe(expected);
  });
});

describe('cleanLatex: genuine math is kept for KaTeX', () => {
  test.each([
    ['Hierarchical Top-$p$ Pruning', 'Hierarchical Top-$p$ Pruning'],
    ['a bound $O(\\sqrt{n})$ holds', 'a bound $O(\\sqrt{n})$ holds'],
    ['inline \\(x^2\\) form', 'inline $x^2$ form'],
    ['display $$\\sum_i x_i$$ form', 'display $$\\sum_i x_i$$ form'],
    ['costs $5 and $10 a month', 'costs \\$5 and \\$10 a month'],
    ['a lone $ sign', 'a lone \\$ sign'],
  ])('%s', (input, expected) => {
    expect(clean(input)).toBe(expected);
  });
});

describe('cleanLatex: math that lost its backslashes is restored', () => {
  test.each([
    [
      'Sharper Bounds for ell_p Sensitivity Sampling',
      'Sharper Bounds for $\\ell_p$ Sensitivity Sampling',
    ],
    ['roughly mathfrak S^{2/p} for 1leq p<2.', 'roughly $\\mathfrak S^{2/p}$ for $1\\leq p<2$.'],
    [
      'the total sensitivity mathfrak S in general',
      'the total sensitivity $\\mathfrak S$ in general',
    ],
    ['for pneq 2 that improve', 'for $p\\neq 2$ that improve'],
    ['for 2<p<infty. For', 'for $2<p<\\infty$. For'],
    ['a weak ell_{infty} independence', 'a weak $\\ell_{\\infty}$ independence'],
    ['signal x^{natural} in R^n (up to', 'signal $x^{\\natural} \\in R^n$ (up to'],
    ['using Omega(s^2log n) samples', 'using $\\Omega (s^2\\log n)$ samples'],
    ['samples {{boldsymbol x}_i}_{ile N}, and', 'samples ${{\\boldsymbol x}_i}_{i\\le N}$, and'],
    ['the nu^1-based strategy', 'the $\\nu^1$-based strategy'],
  ])('%s', (input, expected) => {
    expect(clean(input)).toBe(expected);
  });

  test('leaves ordinary words alone', () => {
    for (const text of [
      'a well-known cell model',
      'MS_MARCO and file_name',
      'top-k sampling and the approximate answer',
      'email me at a_b@example.org',
      'see https://github.com/x/y_z/tree/main',
    ]) {
      expect(clean(text)).toBe(text);
    }
  });

  test('keeps math that KaTeX cannot render as prose', () => {
    expect(clean('broken x^{ here')).not.toContain('$');
  });
});

describe('parseSegments and toPlainText', () => {
  test('round-trip math and literal dollars', () => {
    expect(parseSegments('a $x$ costs \\$5')).toEqual([
      { type: 'text', value: 'a ' },
      { type: 'math', value: 'x', display: false },
      { type: 'text', value: ' costs $5' },
    ]);
  });

  test('render math as readable text', () => {
    expect(toPlainText('Bounds for $\\ell_p$ and $\\mathfrak S^{2/p}$, \\$5')).toBe(
      'Bounds for ℓ_p and S^2/p, $5',
    );
  });
});

describe('repairLostOperators: operators a page stripped of their backslash', () => {
  test.each([
    ['leading to 15.4times acceleration', 'leading to 15.4× acceleration'],
    ['in standard 3times training schedule', 'in standard 3× training schedule'],
    ['by 1.3-2.4times -- equivalent', 'by 1.3-2.4× -- equivalent'],
    ['up to 5times across', 'up to 5× across'],
    ['by 2.42times compared', 'by 2.42× compared'],
    ['a 100times reduction', 'a 100× reduction'],
    ['an acceleration ratio of 2times, showing', 'an acceleration ratio of 2×, showing'],
    ['(4times)', '(4×)'],
    ['accuracy 0.93pm0.02 on', 'accuracy 0.93±0.02 on'],
  ])('%s', (input, expected) => {
    expect(repairLostOperators(input)).toBe(expected);
    expect(cleanLatex(input)).toBe(expected);
  });

  test.each([
    'three times faster',
    'at 5pm on Friday',
    'runs 3 times faster',
    'sometimes 2times3',
    'approximately 10%',
    'the 3timestamps',
    'a 5pm-deadline',
  ])('leaves %j alone', (input) => {
    expect(repairLostOperators(input)).toBe(input);
  });
});
