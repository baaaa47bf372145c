import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseJson } from '../../../src/lib/ingest/formats/json.ts';
import { parseList, readPapers } from '../../../src/lib/ingest/index.ts';
import { errorOf, FIXTURES } from './helpers.ts';

const DAILY = `${FIXTURES}/hf-daily.json`;

describe('Hugging Face daily papers (real API responses)', () => {
  test('reads all 51 items of the fixture with their metadata', () => {
    const raws = parseList(readFileSync(DAILY, 'utf8'), DAILY);
    expect(raws).toHaveLength(51);
    expect(raws[0]).toMatchObject({
      arxiv: '2405.15738',
      date: '2024-05-24T17:34:15.000Z',
      upvotes: 32,
      source: { file: DAILY, key: 'record 1, arXiv 2405.15738' },
    });
    expect(raws[0]?.authors?.slice(0, 2)).toEqual(['Chunjiang Ge', 'Sijie Cheng']);
    expect(raws.every((r) => r.arxiv && r.authors?.length && r.upvotes !== undefined)).toBe(true);
  });

  test('githubRepo becomes the code link and projectPage the url', () => {
    const raws = parseList(readFileSync(DAILY, 'utf8'), DAILY);
    const dual = raws.find((r) => r.arxiv === '2512.08186');
    expect(dual?.code).toBe('https://github.com/InternRobotics/InternNav');
    expect(dual?.url).toBe('https://internrobotics.github.io/internvla-n1-dualvln.github.io/');
  });

  test('wrapped titles and abstracts are unwrapped and dates are ISO after readPapers', async () => {
    const { papers } = await readPapers(DAILY);
    const conv = papers[0];
    expect(conv?.rawTitle).toContain('\n');
    expect(conv?.title).toBe(
      'ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models',
    );
    expect(conv?.abstract).not.toContain('\n');
    expect(conv?.date).toBe('2024-05-24');
    expect(papers.every((p) => !/\s{2}|\n/.test(p.title))).toBe(true);
    const dual = papers.find((p) => p.arxiv === '2512.08186');
    expect(dual?.links.map((l) => l.kind)).toEqual(['code', 'project']);
  });
});

describe('other Hugging Face shapes', () => {
  test('a bare array of paper objects (the /api/papers shape)', () => {
    const file = `${FIXTURES}/hf-papers.json`;
    const raws = parseList(readFileSync(file, 'utf8'), file);
    expect(raws).toHaveLength(5);
    expect(raws.every((r) => r.arxiv && r.authors?.length && r.abstract.length > 100)).toBe(true);
  });

  test('a paper-search result (items with a paper and a highlighted title)', () => {
    const search = JSON.stringify([
      {
        paper: {
          id: '2405.15738',
          title: 'ConvLLaVA',
          summary: 'An abstract.',
          authors: [{ name: 'Chunjiang Ge' }],
          publishedAt: '2024-05-24T17:34:15.000Z',
          upvotes: 32,
        },
        publishedAt: '2024-05-27T00:00:00.000Z',
        title: 'ConvLLaVA',
        highlightedTitle: '<mark>ConvLLaVA</mark>',
        numComments: 3,
      },
    ]);
    expect(parseJson(search, 's.json')).toEqual([
      {
        title: 'ConvLLaVA',
        abstract: 'An abstract.',
        authors: ['Chunjiang Ge'],
        arxiv: '2405.15738',
        date: '2024-05-24T17:34:15.000Z',
        upvotes: 32,
        source: { file: 's.json', key: 'record 1, arXiv 2405.15738' },
      },
    ]);
  });

  test('a single paper object', () => {
    const one = JSON.stringify({ id: '2405.15738', title: 'T', summary: 'S.', upvotes: 1 });
    expect(parseJson(one, 'p.json')).toHaveLength(1);
  });
});

describe('Hugging Face faults name the record', () => {
  test('an item without a summary', () => {
    const e = errorOf(() =>
      parseJson(
        JSON.stringify([{ paper: { id: '2405.15738', title: 'T', authors: [] } }]),
        'd.json',
      ),
    );
    expect(e.message).toMatch(
      /^d\.json \(record 1, arXiv 2405\.15738\): the paper "T" has no summary/,
    );
  });

  test('upvotes that are not a count', () => {
    const e = errorOf(() =>
      parseJson(
        JSON.stringify([{ paper: { id: 'x', title: 'T', summary: 'S', upvotes: 'many' } }]),
        'd.json',
      ),
    );
    expect(e.key).toBe('record 1');
    expect(e.message).toContain('"upvotes" field is "many"');
  });
});
