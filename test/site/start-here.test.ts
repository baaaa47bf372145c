import { describe, expect, test } from 'vitest';
import { startHere } from '../../src/lib/start-here.ts';

const papers = ['a', 'b', 'c', 'd'].map((slug, index) => ({ slug, index }));
const graph: Record<string, string[]> = { a: ['c', 'd'], b: ['c', 'd'], c: ['d'], d: ['c'] };
const relatedOf = (slug: string) => (graph[slug] ?? []).map((s) => ({ paper: { slug: s } }));

describe('startHere', () => {
  test('without dates: the papers most often listed as related, list order breaking ties', () => {
    expect(startHere(papers, relatedOf, false, 3).map((p) => p.slug)).toEqual(['c', 'd', 'a']);
  });

  test('with dates: newest first', () => {
    const dated = papers.map((p, i) => ({ ...p, date: `2024-0${i + 1}-01` }));
    expect(startHere(dated, relatedOf, true, 2).map((p) => p.slug)).toEqual(['d', 'c']);
  });
});
