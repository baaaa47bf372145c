import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { bibTitle, bracesBalance, isSafeMath, needsProtection } from '../../src/lib/cite/escape.ts';
import { monthOf, toBibtex, toBibtexFile } from '../../src/lib/cite/bibtex.ts';
import { paper } from './paper.ts';

const URL = 'https://papers.example.org/p/pdf-wukong/';

/** The value of `field` in a single generated entry, as written. */
function field(bib: string, name: string): string | undefined {
  return new RegExp(`^  ${name} = (.*?),?$`, 'm').exec(bib)?.[1];
}

/** Parses BibTeX text and fails the test on any parse error. */
function parseBib(bib: string, raw = false) {
  const library = parse(bib, { sentenceCase: false, raw });
  expect(library.errors).toEqual([]);
  return library;
}

describe('BibTeX title escaping', () => {
  it.each([
    [
      'braces are spelled out so they cannot unbalance the field',
      'A {B} C',
      'A \\textbraceleft{}B\\textbraceright{} C',
    ],
    ['ampersand', 'Vision & Language', 'Vision \\& Language'],
    ['percent', '99% Accuracy', '99\\% Accuracy'],
    ['hash', 'Item #1', 'Item \\#1'],
    ['underscore', 'snake_case names', 'snake\\_case names'],
    ['backslash', 'a \\ b', 'a \\textbackslash{} b'],
    ['tilde and caret', 'x~y^z', 'x\\textasciitilde{}y\\textasciicircum{}z'],
    ['angle brackets (OT1 would print ¡ ¿)', '<script>', '\\textless{}script\\textgreater{}'],
    ['a lone dollar', 'Costs $5 each', 'Costs \\$5 each'],
    [
      'accented letters stay UTF-8',
      'Schrödinger Erdős Łukasiewicz',
      'Schrödinger Erdős Łukasiewicz',
    ],
    [
      'math stays math, braced against case changes',
      'Sharp $\\ell_p$ Bounds',
      'Sharp {$\\ell_p$} Bounds',
    ],
    ['math keeps its own braces', 'On $\\mathbb{R}^{d}$', 'On {$\\mathbb{R}^{d}$}'],
    [
      'percent inside math is escaped (a .bbl comment otherwise)',
      '$50%$ of $x$',
      '{$50\\%$} of {$x$}',
    ],
    ['math with unbalanced braces becomes text', '$a}$ b', '\\$a\\textbraceright{}\\$ b'],
    [
      'math with an unknown command becomes text',
      '$\\input{/etc/passwd}$',
      '\\$\\textbackslash{}input\\textbraceleft{}/etc/passwd\\textbraceright{}\\$',
    ],
    [
      'acronyms and inner capitals are protected',
      'LLMs and BERT meet WuKong',
      '{LLMs} and {BERT} meet {WuKong}',
    ],
    ['protection leaves punctuation outside', 'PDF-WuKong: A Model', '{PDF-WuKong}: A Model'],
    [
      'title-case compounds are not protected',
      'End-to-End Self-Supervised Learning',
      'End-to-End Self-Supervised Learning',
    ],
    ['digits with capitals are protected', '3D Scenes with GPT-4', '{3D} Scenes with {GPT-4}'],
    ['whitespace and controls collapse', 'A\n\tB\u202e C', 'A B C'],
  ])('%s', (_name, input, expected) => {
    expect(bibTitle(input)).toBe(expected);
  });

  it('keeps a hostile "}" from closing the field and injecting another', () => {
    const bib = toBibtex(paper({ title: 'Evil}, note = {pwned}, x = {' }), { url: URL });
    const entry = parseBib(bib).entries[0];
    expect(Object.keys(entry?.fields ?? {}).sort()).toEqual(
      ['archiveprefix', 'author', 'eprint', 'month', 'primaryclass', 'title', 'url', 'year'].sort(),
    );
    expect(entry?.fields.title).toBe('Evil}, note = {pwned}, x = {');
  });

  it('keeps a hostile "@" from starting a new entry', () => {
    const bib = toBibtexFile([paper({ title: 'x} @misc{injected, title={y}' })], () => URL);
    const { entries } = parseBib(bib);
    expect(entries.map((e) => e.key)).toEqual(['ge2024x']);
  });

  it('writes balanced field values for any text', () => {
    const hostile = ['}}}', '{{{', '}{', '\\}', '\\{', '$}$', '${$', '%}', '\\', '$\\}$'];
    for (const title of hostile) {
      expect(bracesBalance(bibTitle(title)), title).toBe(true);
      expect(bracesBalance(toBibtex(paper({ title, authors: [title] }), { url: URL })), title).toBe(
        true,
      );
    }
  });

  it('knows which math is safe to pass to LaTeX', () => {
    expect(isSafeMath('\\mathcal{O}(n \\log n)')).toBe(true);
    expect(isSafeMath('\\write18{rm -rf /}')).toBe(false);
    expect(isSafeMath('\\def\\x{y}')).toBe(false);
    expect(isSafeMath('{x')).toBe(false);
  });

  it('protects words whose lower-casing would change them', () => {
    expect(needsProtection('iPhone')).toBe(true);
    expect(needsProtection('Transformers')).toBe(false);
    expect(needsProtection('(BERT)')).toBe(true);
  });
});

describe('BibTeX entries', () => {
  it('writes an arXiv entry in arXiv’s own export form', () => {
    const bib = toBibtex(paper({ doi: '10.1000/xyz' }), { url: URL });
    expect(bib).toBe(
      [
        '@misc{ge2024pdfwukong,',
        '  title = {{PDF-WuKong}: A Large Multimodal Model for Efficient Long {PDF} Reading},',
        '  author = {Xudong Ge and Sheng Cheng and Yang Wang},',
        '  year = {2024},',
        '  month = may,',
        '  eprint = {2405.15738},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.CV},',
        '  doi = {10.1000/xyz},',
        `  url = {${URL}}`,
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes Google Scholar’s @article form on request', () => {
    const bib = toBibtex(paper(), { url: URL, entryType: 'article' });
    expect(bib.startsWith('@article{ge2024pdfwukong,')).toBe(true);
    expect(field(bib, 'journal')).toBe('{arXiv preprint arXiv:2405.15738}');
    expect(field(bib, 'eprint')).toBeUndefined();
  });

  it('falls back to @misc with the URL for papers without an arXiv id', () => {
    const bib = toBibtex(paper({ arxiv: undefined as never, doi: '10.1/abc' }), {
      url: URL,
      entryType: 'article',
    });
    expect(bib.startsWith('@misc{')).toBe(true);
    expect(field(bib, 'eprint')).toBeUndefined();
    expect(field(bib, 'archivePrefix')).toBeUndefined();
    expect(field(bib, 'doi')).toBe('{10.1/abc}');
  });

  it('omits primaryClass when no category looks like an arXiv category', () => {
    const bib = toBibtex(paper({ categories: ['Machine Learning'] }), { url: URL });
    expect(field(bib, 'primaryClass')).toBeUndefined();
    expect(field(bib, 'eprint')).toBe('{2405.15738}');
  });

  it('omits author, year and month when unknown', () => {
    const bib = toBibtex(paper({ authors: [], date: undefined as never }), { url: URL });
    expect(field(bib, 'author')).toBeUndefined();
    expect(field(bib, 'year')).toBeUndefined();
    expect(field(bib, 'month')).toBeUndefined();
    expect(bib.startsWith('@misc{pdf-wukong,')).toBe(true);
  });

  it('writes the year alone for a year-only date', () => {
    const bib = toBibtex(paper({ date: '2019' }), { url: URL });
    expect(field(bib, 'year')).toBe('{2019}');
    expect(field(bib, 'month')).toBeUndefined();
  });

  it('maps ISO months to BibTeX month macros', () => {
    expect(monthOf('2024-01-31')).toBe('jan');
    expect(monthOf('2024-12')).toBe('dec');
    expect(monthOf('2024')).toBeUndefined();
    expect(monthOf(undefined)).toBeUndefined();
  });

  it('joins authors with "and" and braces organisation names containing "and"', () => {
    const bib = toBibtex(
      paper({ authors: ['Ge, Xudong', 'Research and Development Team', 'Ada Lovelace'] }),
      {
        url: URL,
      },
    );
    expect(field(bib, 'author')).toBe(
      '{Ge, Xudong and {Research and Development Team} and Ada Lovelace}',
    );
  });

  it('percent-encodes braces, backslashes and spaces in URLs and DOIs', () => {
    const bib = toBibtex(paper({ doi: '10.1/a{b}\\c d' }), { url: 'https://x.org/a b}' });
    expect(field(bib, 'doi')).toBe('{10.1/a%7Bb%7D%5Cc%20d}');
    expect(field(bib, 'url')).toBe('{https://x.org/a%20b%7D}');
  });
});

describe('BibTeX round trip through a real parser', () => {
  const papers = [
    paper(),
    paper({
      slug: 'schrodinger',
      title: 'Sharp $\\ell_p$ Bounds for Schrödinger Operators: 100% & #1 {Results}',
      authors: [
        'Jürgen Müller',
        'Antonín Dvořák',
        'Bernt Øksendal',
        'Research and Development Team',
      ],
      date: '2023-11-02',
      arxiv: 'math/0601001',
      categories: ['math.AP'],
    }),
    paper({
      slug: 'cjk',
      title: '大规模多模态模型 😀',
      authors: ['张三', '李四'],
      date: '2022-02-02',
      arxiv: undefined as never,
    }),
    paper({
      slug: 'hostile',
      title: '<script>alert(1)</script> \\ ~ ^ _ } { $x$',
      authors: ['A}B', 'C{D'],
    }),
  ];
  const bib = toBibtexFile(papers, (p) => `https://papers.example.org/p/${p.slug}/`, {
    header: 'Topic: Vision @ {x}',
  });

  it('parses without errors into one entry per paper', () => {
    const { entries } = parseBib(bib);
    expect(entries.map((e) => e.key)).toEqual([
      'ge2024pdfwukong',
      'muller2023sharp',
      'cjk',
      'ab2024scriptalert1script',
    ]);
  });

  it('round-trips titles (math converted to Unicode by the parser)', () => {
    const titles = parseBib(bib).entries.map((e) => e.fields.title);
    expect(titles[0]).toBe(papers[0]?.title);
    expect(titles[1]).toBe('Sharp ℓₚ Bounds for Schrödinger Operators: 100% & #1 {Results}');
    expect(titles[2]).toBe('大规模多模态模型 😀');
    expect(titles[3]).toBe('<script>alert(1)</script> \\ ~ ^ _ } { x');
  });

  it('keeps math as LaTeX source for LaTeX to typeset', () => {
    const raw = parseBib(bib, true).entries[1]?.fields.title;
    expect(raw).toContain('$\\ell_p$');
  });

  it('round-trips authors, year and arXiv fields', () => {
    const [first, second, third, fourth] = parseBib(bib).entries;
    expect(first?.fields.author?.map((a) => [a.lastName, a.firstName])).toEqual([
      ['Ge', 'Xudong'],
      ['Cheng', 'Sheng'],
      ['Wang', 'Yang'],
    ]);
    expect(second?.fields.author?.map((a) => a.lastName ?? a.name)).toEqual([
      'Müller',
      'Dvořák',
      'Øksendal',
      'Research and Development Team',
    ]);
    expect(third?.fields.author?.map((a) => a.lastName ?? a.name)).toEqual(['张三', '李四']);
    expect(fourth?.fields.author?.map((a) => a.lastName ?? a.name)).toEqual(['A}B', 'C{D']);
    expect(first?.fields.year).toBe('2024');
    expect(second?.fields.year).toBe('2023');
    expect(second?.fields.eprint).toBe('math/0601001');
    expect(second?.fields.primaryclass).toBe('math.AP');
    expect(third?.fields.eprint).toBeUndefined();
  });

  it('says in a note what the list did not give', () => {
    const bib = toBibtex(paper({ authors: [], date: undefined as never }), { url: URL });
    expect(field(bib, 'note')).toBe('{Authors and year not given in the list}');
    expect(field(toBibtex(paper(), { url: URL }), 'note')).toBeUndefined();
  });
});

describe('toBibtexFile with an entry memo shared across files', () => {
  const url = (p: { slug: string }) => `https://papers.example.org/p/${p.slug}/`;
  const a = paper({ slug: 'a', title: 'Sparse attention', authors: ['Ann Lee'] });
  const b = paper({ slug: 'b', title: 'Sparse attention', authors: ['Ann Lee'] });
  const c = paper({ slug: 'c', title: 'Dense retrieval', authors: ['Bo Li'] });

  it('writes each file as it would without the memo, keys unique within each file', () => {
    const memo = new Map();
    const first = toBibtexFile([a, c], url, { header: 'one', memo });
    const second = toBibtexFile([a, b], url, { header: 'two', memo });
    expect(memo.size).toBe(3);
    expect(first).toBe(toBibtexFile([a, c], url, { header: 'one' }));
    expect(second).toBe(toBibtexFile([a, b], url, { header: 'two' }));
    // a and b share a base key: the second file tells them apart, the first needs not.
    expect(parseBib(second).entries.map((e) => e.key)).toEqual(['lee2024sparse', 'lee2024sparsea']);
    expect(parseBib(first).entries.map((e) => e.key)).toEqual(['lee2024sparse', 'li2024dense']);
  });
});
