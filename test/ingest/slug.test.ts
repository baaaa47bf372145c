import { describe, expect, test } from 'vitest';
import {
  assignSlugs,
  baseSlug,
  capSlug,
  fingerprint,
  MAX_SLUG_LENGTH,
} from '../../src/lib/ingest/slug.ts';
import { makePaper } from '../helpers/paper.ts';

const paper = (title: string, abstract?: string) => makePaper(title, abstract);

describe('baseSlug', () => {
  test.each([
    ['PDF-WuKong: A Large Multimodal Model', 'pdf-wukong-a-large-multimodal-model'],
    [
      'Sharper Bounds for $\\ell_p$ Sensitivity Sampling',
      'sharper-bounds-for-ell-p-sensitivity-sampling',
    ],
    ['Hyvärinen’s Score Matching, Revisited!', 'hyvarinens-score-matching-revisited'],
    ['R&D at Scale', 'r-and-d-at-scale'],
  ])('%s', (title, slug) => {
    expect(baseSlug(title)).toBe(slug);
  });

  test('gives a title with no Latin letters a hash slug', () => {
    expect(baseSlug('稀疏检索')).toMatch(/^paper-[0-9a-f]{6}$/);
    expect(baseSlug('稀疏检索')).toBe(baseSlug('稀疏检索'));
  });

  test('caps long titles at a word boundary', () => {
    const slug = baseSlug('A Very Long Title '.repeat(20));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(slug.endsWith('-')).toBe(false);
    expect(capSlug('abc-def-ghi', 9)).toBe('abc-def');
  });
});

describe('assignSlugs', () => {
  test('tells colliding papers apart by content, whatever their order', () => {
    const a = paper('Same Title', 'First abstract.');
    const b = paper('Same Title', 'Second abstract.');
    const forward = assignSlugs([a, b]).map((p) => p.slug);
    const backward = assignSlugs([b, a]).map((p) => p.slug);
    expect(new Set(forward).size).toBe(2);
    expect(backward).toEqual([forward[1], forward[0]]);
    expect(forward).toContain('same-title');
    expect(forward.find((s) => s !== 'same-title')).toMatch(/^same-title-[0-9a-f]{6}$/);
  });

  test('uses fingerprints it is given, as they are', () => {
    const a = paper('Same Title', 'First abstract.');
    const b = paper('Same Title', 'Second abstract.');
    const given = assignSlugs([a, b], new Set(), [fingerprint(a), fingerprint(b)]);
    expect(given.map((p) => p.slug)).toEqual(assignSlugs([a, b]).map((p) => p.slug));
    // Swapped, they swap which paper keeps the plain slug: they are what orders the papers.
    const plain = (list: { slug: string }[]) => list.map((p) => p.slug === 'same-title');
    const swapped = assignSlugs([a, b], new Set(), [fingerprint(b), fingerprint(a)]);
    expect(plain(swapped)).toEqual(plain(given).map((x) => !x));
  });

  test('avoids slugs that are already taken', () => {
    const [p] = assignSlugs([paper('Taken')], new Set(['taken']));
    expect(p?.slug).toMatch(/^taken-[0-9a-f]{6}$/);
  });
});
