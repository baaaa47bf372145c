import { describe, expect, test } from 'vitest';
import {
  detectFormat,
  formatFromName,
  sniffFormat,
} from '../../../src/lib/ingest/formats/detect.ts';

describe('the format comes from the extension first', () => {
  test('each known extension, also under .gz', () => {
    expect(
      [
        'a.txt',
        'a.json',
        'a.jsonl',
        'a.ndjson',
        'a.csv',
        'a.tsv',
        'a.bib',
        'a.bibtex',
        'a.xml',
        'a.atom',
      ].map(formatFromName),
    ).toEqual(['text', 'json', 'jsonl', 'jsonl', 'csv', 'tsv', 'bibtex', 'bibtex', 'atom', 'atom']);
    expect(formatFromName('lists/arxiv-cs-75k.jsonl.gz')).toBe('jsonl');
    expect(formatFromName('Papers.BIB')).toBe('bibtex');
    expect(formatFromName('papers')).toBeUndefined();
    expect(formatFromName('papers.md')).toBeUndefined();
  });

  test('the extension wins over the content', () => {
    expect(detectFormat('list.txt', '[1, 2]')).toBe('text');
  });
});

describe('without a known extension the content decides', () => {
  test('JSON, JSON Lines and pretty-printed JSON objects', () => {
    expect(sniffFormat('  [{"title": "T"}]')).toBe('json');
    expect(sniffFormat('{"title": "T"}\n{"title": "U"}\n')).toBe('jsonl');
    expect(sniffFormat('{\n  "papers": [\n    {"title": "T"}\n  ]\n}')).toBe('json');
  });

  test('Atom XML, BibTeX (after comments) and CSV/TSV headers', () => {
    expect(sniffFormat('<?xml version="1.0"?>\n<feed>')).toBe('atom');
    expect(sniffFormat('<feed xmlns="http://www.w3.org/2005/Atom">')).toBe('atom');
    expect(sniffFormat('% exported\n\n@article{k, title={T}}')).toBe('bibtex');
    expect(sniffFormat('title,abstract,authors\nT,A,B')).toBe('csv');
    expect(sniffFormat('"Title";"Abstract"\n')).toBe('csv');
    expect(sniffFormat('arxiv\ttitle\tabstract\n')).toBe('tsv');
  });

  test('anything else is the plain text page', () => {
    expect(sniffFormat('Daily Papers\nA Title\nAn abstract. With sentences.')).toBe('text');
    expect(sniffFormat('Title, a study of titles\nThe abstract.')).toBe('text');
    expect(detectFormat('papers', '@misc{k, title={T}}')).toBe('bibtex');
  });
});
