import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  jsonErrorOffset,
  parseJson,
  parseJsonLines,
} from '../../../src/lib/ingest/formats/json.ts';
import { readPapers } from '../../../src/lib/ingest/index.ts';
import { errorOf, FIXTURES } from './helpers.ts';

const A = 'We study sparse retrieval. It works.';

describe('JSON Lines from the arXiv sample (real records)', () => {
  const file = `${FIXTURES}/arxiv-sample.jsonl`;

  test('reads every line with its metadata, keyed by line', () => {
    const raws = parseJsonLines(readFileSync(file, 'utf8'), file);
    expect(raws).toHaveLength(8);
    expect(raws[0]).toMatchObject({
      arxiv: '2512.08765',
      date: '2025-12-10',
      source: { file, line: 1 },
    });
    expect(raws[0]?.categories?.length).toBeGreaterThan(0);
    expect(raws.every((r) => r.authors && r.authors.length > 0)).toBe(true);
  });

  test('hard-wrapped abstracts are unwrapped', async () => {
    const { papers } = await readPapers(file);
    expect(papers.filter((p) => p.rawAbstract.includes('\n')).length).toBeGreaterThan(2);
    expect(papers.every((p) => !p.abstract.includes('\n'))).toBe(true);
  });
});

describe('field-by-name records', () => {
  test('fields by their names and common aliases', () => {
    const [raw] = parseJson(
      JSON.stringify([
        {
          Title: 'T',
          summary: A,
          author: 'Alice Smith and Bob Jones',
          published: '27 May 2024',
          arxiv_id: 'arXiv:2405.15738v2',
          DOI: 'https://doi.org/10.1145/1',
          link: 'https://example.org/t',
          github: 'https://github.com/a/b',
          tags: ['retrieval', 'sparse'],
          categories: 'cs.IR cs.CL',
          upvotes: '12',
          extra: { ignored: true },
        },
      ]),
      'f.json',
    );
    expect(raw).toEqual({
      title: 'T',
      abstract: A,
      authors: ['Alice Smith', 'Bob Jones'],
      date: '27 May 2024',
      arxiv: 'arXiv:2405.15738v2',
      doi: 'https://doi.org/10.1145/1',
      url: 'https://example.org/t',
      code: 'https://github.com/a/b',
      topics: ['retrieval', 'sparse'],
      categories: ['cs.IR', 'cs.CL'],
      upvotes: 12,
      source: { file: 'f.json', key: 'record 1' },
    });
  });

  test('a Python-repr author list is read as a list', async () => {
    const raws = parseJson(
      JSON.stringify({
        papers: [{ title: 'T', abstract: A, authors: "['Alice Smith', 'Bob O\\'Neil']" }],
      }),
      'f.json',
    );
    expect(raws[0]?.authors).toEqual(['Alice Smith', "Bob O'Neil"]);
  });

  test('missing optional fields, nulls and placeholders are simply absent', () => {
    const [raw] = parseJson(
      JSON.stringify([{ title: 'T', abstract: A, authors: null, doi: '', arxiv: 'None', id: 7 }]),
      'f.json',
    );
    expect(raw).toEqual({ title: 'T', abstract: A, source: { file: 'f.json', key: 'record 1' } });
  });

  test('a numeric year is a date', () => {
    expect(
      parseJson(JSON.stringify([{ title: 'T', abstract: A, year: 2024 }]), 'f.json')[0]?.date,
    ).toBe('2024');
  });

  test('a .json file that holds JSON Lines is read line by line', () => {
    const text = `{"title":"T1","abstract":"${A}"}\n{"title":"T2","abstract":"${A}"}\n`;
    expect(parseJson(text, 'f.json').map((r) => r.source)).toEqual([
      { file: 'f.json', line: 1 },
      { file: 'f.json', line: 2 },
    ]);
  });
});

describe('JSON faults name the file and the record', () => {
  test('invalid JSON gives the line and column of the error', () => {
    const text = `[\n  {"title": "T", "abstract": "${A}"},\n  {"title": "U" "abstract": "x"}\n]`;
    const e = errorOf(() => parseJson(text, 'bad.json'));
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/^bad\.json:3: invalid JSON at column 17: Expected ',' or '}'/);
  });

  test('a trailing comma (which V8 reports without a position) is located too', () => {
    const e = errorOf(() => parseJson(`[\n {"title": "T"},\n]`, 'bad.json'));
    expect(e.line).toBe(3);
    expect(e.message).toContain('column 1');
  });

  test('a broken JSON Lines line names its line', () => {
    const text = `{"title":"T1","abstract":"${A}"}\n\n{"title":"T2", "abstract": }\n`;
    const e = errorOf(() => parseJsonLines(text, 'bad.jsonl'));
    expect(e.message).toMatch(/^bad\.jsonl:3: invalid JSON at column 28/);
  });

  test('a record without a title or abstract', () => {
    expect(errorOf(() => parseJson('[{"abstract": "x"}]', 'f.json')).message).toMatch(
      /^f\.json \(record 1\): this record has no title/,
    );
    const e = errorOf(() =>
      parseJsonLines(`{"title":"T","abstract":"${A}"}\n{"title":"Lonely"}`, 'f.jsonl'),
    );
    expect(e.message).toMatch(/^f\.jsonl:2: the record "Lonely" has no abstract/);
  });

  test('wrong field types', () => {
    const bad = (fields: object) =>
      errorOf(() => parseJson(JSON.stringify([{ title: 'T', abstract: A, ...fields }]), 'f.json'))
        .message;
    expect(bad({ title: 42 })).toContain('the "title" field is a number (42), expected text');
    expect(bad({ authors: 7 })).toContain(
      'the "authors" field is a number (7), expected a list of names',
    );
    expect(bad({ authors: [['x']] })).toContain('an item of the "authors" list is a list');
    expect(bad({ arxiv: 2405.1573 })).toContain('loses its trailing zeros');
    expect(bad({ arxiv: 'hello' })).toContain('is not an arXiv identifier');
    expect(bad({ doi: 'nope' })).toContain('is not a DOI');
    expect(bad({ upvotes: -1 })).toContain('expected a whole number');
    expect(bad({ topics: { a: 1 } })).toContain('the "topics" field is an object');
  });

  test('a document that is not a list of papers', () => {
    expect(errorOf(() => parseJson('"just a string"', 'f.json')).message).toContain(
      'the file holds a single string',
    );
    expect(errorOf(() => parseJson('[]', 'f.json')).message).toContain('the list is empty');
    expect(errorOf(() => parseJson('[1]', 'f.json')).message).toMatch(
      /^f\.json \(record 1\): expected a paper record/,
    );
  });
});

describe('jsonErrorOffset', () => {
  test('finds the first error, or -1 for valid JSON', () => {
    expect(jsonErrorOffset('{"a": [1, 2,]}')).toBe(12);
    expect(jsonErrorOffset('{"a": "\\x"}')).toBe(8);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonErrorOffset('{"a": [1, {"b": null}], "c": -1.5e3}')).toBe(-1);
  });
});

describe('the arXiv metadata snapshot (Kaggle) shape', () => {
  test('id, "A, B and C" authors with TeX accents, space-separated categories and update_date', () => {
    const [raw] = parseJsonLines(
      JSON.stringify({
        id: '0704.0001',
        submitter: 'Pavel Nadolsky',
        authors: "C. Bal\\'azs, E. L. Berger, P. M. Nadolsky and C.-P. Yuan",
        title:
          'Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies',
        abstract:
          '  A fully differential calculation in perturbative quantum chromodynamics is\npresented.\n',
        categories: 'hep-ph',
        versions: [{ version: 'v1', created: 'Mon, 2 Apr 2007 19:18:42 GMT' }],
        update_date: '2008-11-13',
        authors_parsed: [['Balázs', 'C.', '']],
      }),
      'arxiv-metadata.json',
    );
    expect(raw).toMatchObject({
      arxiv: '0704.0001',
      authors: ['C. Balázs', 'E. L. Berger', 'P. M. Nadolsky', 'C.-P. Yuan'],
      categories: ['hep-ph'],
      date: '2008-11-13',
    });
  });
});
