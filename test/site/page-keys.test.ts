import { describe, expect, test } from 'vitest';
import { createPageKeys, withCacheKey, type PageKeyView } from '../../src/lib/page-keys.ts';

interface P {
  slug: string;
  titleHtml: string;
  abstract: string;
  abstractHtml: string;
  contentDigest: string;
  authors: string[];
}

const paper = (slug: string, title: string): P => ({
  slug,
  titleHtml: title,
  abstract: `About ${slug}.`,
  abstractHtml: `<p>About ${slug}.</p>`,
  contentDigest: `${slug}1`,
  authors: ['Ada Lovelace'],
});
const a = paper('a', 'A');
const b = paper('b', 'B');
const c = paper('c', 'C');
/** An edited abstract, as the loader stores it: new text, new HTML, new digest. */
const edited = (p: P): P => ({
  ...p,
  abstract: 'Edited.',
  abstractHtml: '<p>Edited.</p>',
  contentDigest: `${p.slug}2`,
});

function view(overrides: Partial<PageKeyView<P>> = {}, papers = [a, b, c]): PageKeyView<P> {
  const bySlug = new Map(papers.map((p) => [p.slug, p]));
  return {
    site: { title: 'Reading group' },
    paper: (slug) => bySlug.get(slug),
    neighbours: (slug) => {
      const i = papers.findIndex((p) => p.slug === slug);
      return { prev: papers[i - 1], next: papers[i + 1] };
    },
    topics: () => [['moe', 'Mixture of experts']],
    related: (slug) => (slug === 'a' ? [{ paper: bySlug.get('c') as P, terms: ['x'] }] : []),
    citeKey: (slug) => `${slug}2025`,
    image: (slug) => `/og/papers/${slug}.png`,
    gone: () => null,
    hidden: ['source'],
    derived: ['abstract', 'abstractHtml'],
    ...overrides,
  };
}

describe('page cache keys', () => {
  const base = createPageKeys(view());

  test('are stable for unchanged inputs and differ between pages', () => {
    expect(createPageKeys(view()).page('a')).toBe(base.page('a'));
    expect(base.page('a')).not.toBe(base.page('b'));
  });

  test.each<[string, Partial<PageKeyView<P>>, P[]?]>([
    ['the site title', { site: { title: 'Lab' } }],
    ['a topic name', { topics: () => [['moe', 'Sparse experts']] }],
    ['the citation key', { citeKey: () => 'other' }],
    ['the social image', { image: () => '/og/site.png' }],
    ['the abstract', {}, [edited(a), b, c]],
    ['the authors', {}, [{ ...a, authors: ['Grace Hopper'] }, b, c]],
    ["the next paper's title", {}, [a, { ...b, titleHtml: 'B, retitled' }, c]],
    ["a related paper's title", {}, [a, b, { ...c, titleHtml: 'C, retitled' }]],
  ])("a paper page's key changes with %s", (_, overrides, papers) => {
    expect(createPageKeys(view(overrides, papers)).page('a')).not.toBe(base.page('a'));
  });

  test('fields the page does not show (where the paper was read from) leave the key alone', () => {
    const moved = createPageKeys(view({}, [{ ...a, source: 'other.txt' } as P, b, c]));
    expect(moved.page('a')).toBe(base.page('a'));
  });

  test('fields derived from the content are keyed by its digest, not by their text', () => {
    // The same content digest means the same derived text (the deriving code is in `site`).
    const sameDigest = createPageKeys(view({}, [{ ...a, abstractHtml: '<p>Other.</p>' }, b, c]));
    expect(sameDigest.page('a')).toBe(base.page('a'));
    const newDigest = createPageKeys(view({}, [{ ...a, contentDigest: 'a2' }, b, c]));
    expect(newDigest.page('a')).not.toBe(base.page('a'));
  });

  test('a slug without a paper is keyed by what it shows instead', () => {
    const moved = createPageKeys(view({ gone: () => ({ to: 'b' }) }));
    expect(moved.page('old')).not.toBe(base.page('old'));
  });
});

describe('list page cache keys', () => {
  const base = createPageKeys(view());

  test('are stable for the same cards and frame', () => {
    expect(createPageKeys(view()).list(['papers', 1], [a, b])).toBe(
      base.list(['papers', 1], [a, b]),
    );
  });

  test.each<[string, () => string]>([
    ['another page position', () => base.list(['papers', 2], [a, b])],
    ['cards in another order', () => base.list(['papers', 1], [b, a])],
    ['one card fewer', () => base.list(['papers', 1], [a])],
    ["a card's abstract", () => createPageKeys(view()).list(['papers', 1], [edited(a), b])],
    [
      "a card's topics",
      () => createPageKeys(view({ topics: () => [] })).list(['papers', 1], [a, b]),
    ],
    [
      'the site title',
      () => createPageKeys(view({ site: { title: 'Lab' } })).list(['papers', 1], [a, b]),
    ],
  ])('change with %s', (_, other) => {
    expect(other()).not.toBe(base.list(['papers', 1], [a, b]));
  });

  test('ignore what cards do not show, and neighbours a paper page would show', () => {
    const moved = createPageKeys(view({}, [{ ...a, source: 'other.txt' } as P, b, c]));
    expect(moved.list(['papers', 1], [{ ...a, source: 'other.txt' } as P, b])).toBe(
      base.list(['papers', 1], [a, b]),
    );
    const retitledNeighbour = createPageKeys(view({}, [a, b, { ...c, titleHtml: 'C2' }]));
    expect(retitledNeighbour.list(['papers', 1], [a, b])).toBe(base.list(['papers', 1], [a, b]));
  });
});

describe('withCacheKey', () => {
  test('makes the key when it is first read, once, and lists it with the path', () => {
    let made = 0;
    const path = withCacheKey({ params: { slug: 'a' } }, () => {
      made += 1;
      return 'key-a';
    });
    expect(made).toBe(0);
    expect(path.cacheKey).toBe('key-a');
    expect(path.cacheKey).toBe('key-a');
    expect(made).toBe(1);
    expect(Object.keys(path)).toEqual(['params', 'cacheKey']);
  });
});
