import { describe, expect, it } from 'vitest';
import { assignCitationKeys, citationKey, firstSignificantWord } from '../../src/lib/cite/keys.ts';
import { toBibtexFile } from '../../src/lib/cite/bibtex.ts';
import { paper } from './paper.ts';

describe('citation keys', () => {
  it('are family name + year + first significant title word', () => {
    expect(citationKey(paper())).toBe('ge2024pdfwukong');
  });

  it('skip stop words and math when choosing the title word', () => {
    expect(firstSignificantWord('On the $\\ell_p$ Robustness of Towers')).toBe('robustness');
    expect(firstSignificantWord('Towards Scalable Models')).toBe('scalable');
  });

  it('read the family name from either name order and fold accents to ASCII', () => {
    expect(citationKey(paper({ authors: ['Müller, Jürgen'] }))).toBe('muller2024pdfwukong');
    expect(citationKey(paper({ authors: ['Antonín Dvořák'] }))).toBe('dvorak2024pdfwukong');
    expect(citationKey(paper({ authors: ['Bernt Øksendal'] }))).toBe('oksendal2024pdfwukong');
    expect(citationKey(paper({ authors: ['Martin Luther King Jr.'] }))).toBe('king2024pdfwukong');
  });

  it('are ASCII and free of characters BibTeX forbids in keys', () => {
    const hostile = paper({
      authors: ['{O}\'Brien, "Pat"'],
      title: 'Ça {va}? 100%, #1 & more',
      slug: 'x',
    });
    const key = citationKey(hostile);
    expect(key).toMatch(/^[a-z0-9]+$/);
    expect(key).toBe('obrien2024ca');
  });

  it('fall back to the slug when the author or year is missing', () => {
    expect(citationKey(paper({ authors: [] }))).toBe('pdf-wukong');
    expect(citationKey(paper({ date: undefined as never }))).toBe('pdf-wukong');
    // Names with no ASCII letters (e.g. CJK) give no usable family name.
    expect(citationKey(paper({ authors: ['张三'], slug: 'da-gui-mo' }))).toBe('da-gui-mo');
    expect(citationKey(paper({ authors: [], slug: 'Ünïcode slug/2' }))).toBe('unicode-slug-2');
  });

  it('are stable: the same paper always gets the same key', () => {
    expect(citationKey(paper())).toBe(citationKey(paper()));
  });
});

describe('citation keys within a set', () => {
  const a = paper({ slug: 'wukong-a' });
  const b = paper({ slug: 'wukong-b' });
  const c = paper({ slug: 'wukong-c' });
  const other = paper({
    slug: 'other',
    authors: ['Ada Lovelace'],
    date: '1843-01-01',
    title: 'Notes',
  });

  it('are unique, suffixing collisions with a, b in slug order', () => {
    const keys = assignCitationKeys([c, other, a, b]);
    expect(Object.fromEntries(keys)).toEqual({
      'wukong-a': 'ge2024pdfwukong',
      'wukong-b': 'ge2024pdfwukonga',
      'wukong-c': 'ge2024pdfwukongb',
      other: 'lovelace1843notes',
    });
  });

  it('do not depend on the order of the set', () => {
    expect(assignCitationKeys([a, b, c])).toEqual(assignCitationKeys([c, b, a]));
  });

  it('never hand out a suffixed key that another paper has as its own', () => {
    const taken = paper({ slug: 'z', title: 'PDFWuKonga Model' }); // ge2024pdfwukonga
    const keys = assignCitationKeys([a, b, taken]);
    expect(new Set(keys.values()).size).toBe(3);
    expect(keys.get('z')).toBe('ge2024pdfwukonga');
    expect(keys.get('wukong-b')).toBe('ge2024pdfwukongb');
  });

  it('are used by toBibtexFile, which lists each paper once', () => {
    const bib = toBibtexFile([b, a, a], (p) => `https://x.org/${p.slug}`);
    expect([...bib.matchAll(/^@misc\{([^,]+),/gm)].map((m) => m[1])).toEqual([
      'ge2024pdfwukonga',
      'ge2024pdfwukong',
    ]);
  });
});
