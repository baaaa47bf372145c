import { describe, expect, test } from 'vitest';
import { citationMeta, jsonForScript, scholarDate, scholarlyArticle } from '../../src/lib/seo.ts';

const paper = {
  plainTitle: 'PDF-WuKong: Long PDF Reading',
  plainAbstract: 'We read long PDFs.',
  authors: ['Xudong Xie', 'Hao Yan'],
  date: '2024-10-08',
  arxiv: '2410.05970',
  doi: '10.1234/abc',
};

describe('citationMeta', () => {
  test('gives Scholar the title, each author, the date, ids and the page', () => {
    expect(citationMeta(paper, 'https://x.org/papers/p/')).toEqual([
      { name: 'citation_title', content: 'PDF-WuKong: Long PDF Reading' },
      { name: 'citation_author', content: 'Xudong Xie' },
      { name: 'citation_author', content: 'Hao Yan' },
      { name: 'citation_publication_date', content: '2024/10/08' },
      { name: 'citation_arxiv_id', content: '2410.05970' },
      { name: 'citation_pdf_url', content: 'https://arxiv.org/pdf/2410.05970' },
      { name: 'citation_doi', content: '10.1234/abc' },
      { name: 'citation_abstract_html_url', content: 'https://x.org/papers/p/' },
    ]);
  });

  test('leaves out what the list does not give', () => {
    const tags = citationMeta(
      { plainTitle: 'T', plainAbstract: 'A', authors: [] },
      'https://x.org/p/',
    );
    expect(tags.map((t) => t.name)).toEqual(['citation_title', 'citation_abstract_html_url']);
    expect(scholarDate('2024')).toBe('2024');
  });
});

describe('scholarlyArticle', () => {
  test('describes the paper with authors, date and identifiers', () => {
    const ld = scholarlyArticle(paper, 'https://x.org/papers/p/', {
      name: 'S',
      url: 'https://x.org/',
    });
    expect(ld).toMatchObject({
      '@type': 'ScholarlyArticle',
      name: 'PDF-WuKong: Long PDF Reading',
      author: [
        { '@type': 'Person', name: 'Xudong Xie' },
        { '@type': 'Person', name: 'Hao Yan' },
      ],
      datePublished: '2024-10-08',
      sameAs: ['https://arxiv.org/abs/2410.05970', 'https://doi.org/10.1234/abc'],
    });
  });
});

describe('jsonForScript', () => {
  test('cannot close the script block or open a comment, and still parses to the same value', () => {
    const hostile = { t: '</script><script>alert(1)</script><!-- & \u2028 -->' };
    const json = jsonForScript(hostile);
    expect(json).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(json)).toEqual(hostile);
  });
});
