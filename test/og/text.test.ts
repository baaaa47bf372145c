import { describe, expect, it } from 'vitest';
import { displayText, estimateEms, mathToText, truncate } from '../../src/lib/og/text.ts';

describe('math shown as plain text', () => {
  it.each([
    ['\\ell_p', 'ℓₚ'],
    ['O(n^2 \\log n)', 'O(n² log n)'],
    ['\\mathbb{R}^d', 'ℝᵈ'],
    ['\\mathcal{O}(1)', '𝒪(1)'],
    ['\\alpha \\leq \\beta', 'α ≤ β'],
    ['x_{ij}', 'xᵢⱼ'],
    ['W^{(k)}', 'W⁽ᵏ⁾'],
    ['\\frac{1}{2}', '1/2'],
    ['\\frac{a+b}{c}', '(a+b)/c'],
    ['\\sqrt{d}', '√d'],
    ['\\hat{y}', 'ŷ'],
    ['\\text{softmax}(x)', 'softmax(x)'],
    ['\\operatorname{Attn}', 'Attn'],
    ['k', 'k'],
    // Scripts without Unicode forms keep a readable marker.
    ['W_{\\theta}', 'W_θ'],
    ['x^{1.5}', 'x^(1.5)'],
    // Unknown commands show their name; nothing is lost or thrown.
    ['\\softmax(z)', 'softmax(z)'],
  ])('%s -> %s', (tex, expected) => {
    expect(mathToText(tex)).toBe(expected);
  });

  it('survives unbalanced and deeply nested braces', () => {
    expect(mathToText('a}b{c')).toBe('abc');
    expect(mathToText('{'.repeat(500) + 'x' + '}'.repeat(500))).toContain('x');
    expect(mathToText('\\')).toBe('');
  });
});

describe('display text', () => {
  it('converts $...$ and $$...$$ and removes the dollar signs', () => {
    expect(displayText('Sharp $\\ell_p$ bounds via $$\\sum_i x_i$$')).toBe(
      'Sharp ℓₚ bounds via ∑ᵢ xᵢ',
    );
  });

  it('leaves a lone dollar and escaped dollars alone', () => {
    expect(displayText('Costs $5 only')).toBe('Costs $5 only');
  });

  it('drops control and bidi characters and collapses whitespace', () => {
    expect(displayText('  A\u202eB\n\tC\u0007 ')).toBe('A B C');
  });

  it('keeps accents, CJK, emoji and markup-like text as they are', () => {
    const text = 'Schrödinger 大规模 😀 <script>{}%&';
    expect(displayText(text)).toBe(text);
  });
});

describe('truncation', () => {
  it('leaves short text unchanged', () => {
    expect(truncate('Short title', 20)).toBe('Short title');
  });

  it('cuts long text at a word boundary and adds an ellipsis', () => {
    const out = truncate('word '.repeat(100).trim(), 42);
    expect(out.endsWith('word…')).toBe(true);
    expect([...out].length).toBeLessThanOrEqual(43);
  });

  it('never splits an emoji or an accented letter', () => {
    const family = '👨‍👩‍👧‍👦';
    const out = truncate(family.repeat(10), 3);
    expect(out).toBe(family.repeat(3) + '…');
    expect(truncate('e\u0301'.repeat(10), 4)).toBe('e\u0301'.repeat(4) + '…');
  });
});

describe('width estimate', () => {
  it('counts CJK characters about twice as wide as Latin letters', () => {
    expect(estimateEms('中文中文')).toBeGreaterThan(estimateEms('abcd') * 1.5);
  });
});
