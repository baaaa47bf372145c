import { describe, expect, it } from 'vitest';
import { apaName, splitName } from '../../src/lib/cite/names.ts';
import { apaAuthors, toPlainCitation } from '../../src/lib/cite/plain.ts';
import { paper } from './paper.ts';

const URL = 'https://papers.example.org/p/pdf-wukong/';

describe('APA author names', () => {
  it.each([
    ['Xudong Ge', 'Ge, X.'],
    ['Ge, Xudong', 'Ge, X.'],
    ['Jean-Pierre Serre', 'Serre, J.-P.'],
    ['C.J. Taylor', 'Taylor, C. J.'],
    ['Ludwig van Beethoven', 'van Beethoven, L.'],
    ['Martin Luther King Jr.', 'King, M. L., Jr.'],
    ['Jürgen Müller', 'Müller, J.'],
    ['张三', '张三'],
    ['Plato', 'Plato'],
    ['Research and Development Team', 'Research and Development Team'],
  ])('%s -> %s', (name, expected) => {
    expect(apaName(name)).toBe(expected);
  });

  it('splits "Family, Suffix, Given" the BibTeX way', () => {
    expect(splitName('King, Jr., Martin Luther')).toEqual({
      family: 'King',
      suffix: 'Jr.',
      given: 'Martin Luther',
    });
  });
});

describe('APA author lists', () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `Given${i + 1} Family${i + 1}`);

  it('lists one author alone', () => {
    expect(apaAuthors(['Xudong Ge'])).toBe('Ge, X.');
  });

  it('joins two authors with ", &"', () => {
    expect(apaAuthors(['Xudong Ge', 'Sheng Cheng'])).toBe('Ge, X., & Cheng, S.');
  });

  it('lists up to twenty authors with "&" before the last', () => {
    const list = apaAuthors(names(20));
    expect(list.startsWith('Family1, G., Family2, G.,')).toBe(true);
    expect(list.endsWith(', & Family20, G.')).toBe(true);
    expect(list.match(/Family/g)).toHaveLength(20);
  });

  it('gives the first nineteen, an ellipsis and the last for more than twenty', () => {
    const list = apaAuthors(names(25));
    expect(list.match(/Family/g)).toHaveLength(20);
    expect(list).toContain('Family19, G., . . . Family25, G.');
    expect(list).not.toContain('Family20');
    expect(list).not.toContain('&');
  });

  it('is empty without authors, ignoring blank names', () => {
    expect(apaAuthors([])).toBe('');
    expect(apaAuthors(['  ', ''])).toBe('');
  });
});

describe('plain-text citations', () => {
  it('cites a paper APA-style with the arXiv id and the site URL', () => {
    expect(toPlainCitation(paper(), { url: URL })).toBe(
      'Ge, X., Cheng, S., & Wang, Y. (2024). PDF-WuKong: A Large Multimodal Model for Efficient Long PDF Reading. arXiv:2405.15738. ' +
        URL,
    );
  });

  it('names the site before the URL when given', () => {
    expect(toPlainCitation(paper(), { url: URL, siteName: 'Paper Browser' })).toMatch(
      /arXiv:2405\.15738\. Paper Browser\. https:\/\/papers\.example\.org\/p\/pdf-wukong\/$/,
    );
  });

  it('says the year is not given instead of (n.d.)', () => {
    const text = toPlainCitation(paper({ date: undefined as never }), { url: URL });
    expect(text).toContain('Wang, Y. (year not given). PDF-WuKong');
    expect(text).not.toContain('n.d.');
  });

  it('says what a title-only paper lacks', () => {
    const text = toPlainCitation(
      paper({ authors: [], date: undefined as never, arxiv: undefined as never }),
      { url: URL, siteName: 'Sparse Papers' },
    );
    expect(text).toBe(
      'PDF-WuKong: A Large Multimodal Model for Efficient Long PDF Reading. Authors and year not given in the list. Sparse Papers. https://papers.example.org/p/pdf-wukong/',
    );
  });

  it('puts the title first when there are no authors', () => {
    expect(toPlainCitation(paper({ authors: [] }), { url: URL })).toMatch(
      /^PDF-WuKong: A Large Multimodal Model for Efficient Long PDF Reading\. \(2024\)\. Authors not given in the list\. arXiv:/,
    );
  });

  it('adds a DOI link, except arXiv’s own DOI which repeats the id', () => {
    expect(toPlainCitation(paper({ doi: '10.1145/1234' }), { url: URL })).toContain(
      'arXiv:2405.15738. https://doi.org/10.1145/1234. https://',
    );
    expect(
      toPlainCitation(paper({ doi: '10.48550/arXiv.2405.15738' }), { url: URL }),
    ).not.toContain('doi.org');
  });

  it('shows math as readable text and does not double the final full stop', () => {
    const text = toPlainCitation(paper({ title: 'Sharp $\\ell_p$ Bounds for $O(n^2)$ Time?' }), {
      url: URL,
    });
    expect(text).toContain('(2024). Sharp ℓₚ Bounds for O(n²) Time? arXiv:');
  });

  it('keeps hostile text as inert plain text on one line', () => {
    const text = toPlainCitation(
      paper({ title: '<script>x</script>\n{ } % & \u202eevil', authors: ['A\nB'] }),
      {
        url: URL,
      },
    );
    expect(text).not.toMatch(/[\n\u202e]/);
    expect(text).toContain('<script>x</script> { } % & evil.');
  });
});
