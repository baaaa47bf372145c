import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseCsv, sniffDelimiter } from '../../../src/lib/ingest/formats/csv.ts';
import { readPapers } from '../../../src/lib/ingest/index.ts';
import { errorOf, FIXTURES } from './helpers.ts';

const A = 'We study sparse retrieval. It works.';

describe('CSV from a dataframe export (real records, pandas-style list cells)', () => {
  const file = `${FIXTURES}/papers.csv`;

  test('reads every row, with the line each row starts on', () => {
    const raws = parseCsv(readFileSync(file, 'utf8'), file);
    expect(raws).toHaveLength(10);
    // Quoted abstracts span several lines, so row n does not start on line n + 1.
    expect(raws.map((r) => r.source.line).slice(0, 3)).toEqual([2, 3, 4]);
    expect(raws[4]?.source.line).toBe(46);
  });

  test('Python-repr lists become lists; None and nan are empty', () => {
    const raws = parseCsv(readFileSync(file, 'utf8'), file);
    expect(raws[0]?.authors?.slice(0, 2)).toEqual(['Mahmoud Afifi', 'Zhongling Wang']);
    expect(raws[0]?.categories).toEqual(['cs.CV']);
    const last = raws.at(-1);
    expect(last?.arxiv).toBeUndefined();
    expect(last?.categories).toBeUndefined();
    expect(last?.authors).toEqual(['Alice Martin', 'Bob Chen']);
  });

  test('quoted fields keep commas, doubled quotes and line breaks', async () => {
    const { papers } = await readPapers(file);
    const hand = papers.find((p) => p.title.startsWith('Sparse Retrieval'));
    expect(hand?.title).toBe('Sparse Retrieval, Revisited: "Learned" Term Weights at Scale');
    expect(hand?.rawAbstract).toContain('\n');
    expect(hand?.abstract).toBe(
      'We study sparse retrieval with learned term weights. Our method improves recall on every benchmark we tried, and it is fast.',
    );
    expect(hand?.authors).toEqual(['John Smith', 'Jane Doe']);
    expect(hand?.date).toBe('2024-05-27');
    expect(hand?.doi).toBe('10.1145/3626772.3657700');
    expect(hand?.code).toBe('https://github.com/example/sparse');
  });
});

describe('CSV dialects', () => {
  test('TSV and semicolon-separated files, by the header', () => {
    expect(sniffDelimiter('title\tabstract\tauthors')).toBe('\t');
    expect(sniffDelimiter('Title;Abstract;Authors, all of them')).toBe(';');
    const raws = parseCsv(
      `title;abstract;authors\nT;"${A}";"Ada Lovelace; Grace Hopper"\n`,
      'f.csv',
    );
    expect(raws[0]?.authors).toEqual(['Ada Lovelace', 'Grace Hopper']);
    const tsv = parseCsv(`title\tabstract\nT, with a comma\t${A}\n`, 'f.tsv', '\t');
    expect(tsv[0]?.title).toBe('T, with a comma');
  });

  test('column names are matched loosely and extra columns ignored', () => {
    const [raw] = parseCsv(
      `"Title","Summary","arXiv ID","Notes"\nT,"${A}",2405.15738v1,x\n`,
      'f.csv',
    );
    expect(raw).toEqual({
      title: 'T',
      abstract: A,
      arxiv: '2405.15738v1',
      source: { file: 'f.csv', line: 2 },
    });
  });

  test('a short row (trailing empty cells dropped) is fine', () => {
    expect(parseCsv(`title,abstract,authors,date\nT,"${A}"\n`, 'f.csv')).toHaveLength(1);
  });
});

describe('CSV faults name the file and line', () => {
  test('no title or abstract column: line 1', () => {
    const e = errorOf(() => parseCsv(`name,abstract\nT,${A}\n`, 'f.csv'));
    expect(e.line).toBe(1);
    expect(e.message).toContain(
      'the header has no "title" column (its columns: "name", "abstract")',
    );
  });

  test('an unquoted comma makes a row too long', () => {
    const e = errorOf(() => parseCsv(`title,abstract\nT,${A}\nU,one, two\n`, 'f.csv'));
    expect(e.message).toMatch(/^f\.csv:3: this row has 3 fields but the header has 2/);
  });

  test('an unclosed quote names the row it starts in', () => {
    const e = errorOf(() => parseCsv(`title,abstract\nT,"${A}"\nU,"never closed\nmore\n`, 'f.csv'));
    expect(e.line).toBe(3);
    expect(e.message).toContain('never closed');
  });

  test('a stray quote inside an unquoted field', () => {
    const e = errorOf(() => parseCsv(`title,abstract\nT,${A}\nU,"a" b\n`, 'f.csv'));
    expect(e.line).toBe(3);
    expect(e.message).toContain('misplaced quote');
  });

  test('a row without an abstract', () => {
    const e = errorOf(() => parseCsv(`title,abstract\nT,${A}\nU,\n`, 'f.csv'));
    expect(e.message).toMatch(/^f\.csv:3: the record "U" has no abstract/);
  });
});
