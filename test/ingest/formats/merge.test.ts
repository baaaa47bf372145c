import { mkdtemp, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { dedupe, mergePapers } from '../../../src/lib/ingest/dedupe.ts';
import { normalise } from '../../../src/lib/ingest/normalise.ts';
import { MAX_LINE_BYTES } from '../../../src/lib/ingest/decode.ts';
import {
  decodeList,
  formatWarning,
  parseList,
  readPapers,
  type ReadResult,
} from '../../../src/lib/ingest/index.ts';
import type { Paper, RawPaper } from '../../../src/lib/paper.ts';
import { FIXTURES, rejectionOf } from './helpers.ts';

const A = 'We study sparse retrieval with learned term weights. It works well on every benchmark.';
const B =
  'A different abstract about another paper. It has other results entirely, and more of them.';

const paper = (raw: Partial<RawPaper> & { line: number; file?: string }): Paper =>
  normalise({
    title: 'Sparse Retrieval',
    abstract: A,
    ...raw,
    source: { file: raw.file ?? 'a.json', line: raw.line },
  });

describe('mixed formats merged with duplicates (real records)', () => {
  const files = [
    `${FIXTURES}/hf-daily.json`,
    `${FIXTURES}/arxiv-sample.jsonl`,
    `${FIXTURES}/arxiv-query.atom.xml`,
    `${FIXTURES}/zotero.bib`,
    `${FIXTURES}/papers.csv`,
  ];

  let forward: ReadResult;
  beforeAll(async () => {
    forward = await readPapers(files);
  });

  test('the same arXiv id across files is one paper, with a note per merge', () => {
    const { papers, warnings } = forward;
    // 51 + 8 + 10 + 10 + 10 records; 10 of them repeat a paper already read.
    expect(papers).toHaveLength(79);
    expect(warnings).toHaveLength(10);
    expect(new Set(papers.map((p) => p.arxiv).filter(Boolean)).size).toBe(
      papers.filter((p) => p.arxiv).length,
    );
    expect(warnings.map(formatWarning)).toContain(
      `${FIXTURES}/arxiv-sample.jsonl:1: duplicate of the paper at ${FIXTURES}/hf-daily.json, record 27, arXiv 2512.08765 (same arXiv id 2512.08765): merged into one, taking its categories from here`,
    );
  });

  test('a merged paper keeps the richest fields from every record', () => {
    const { papers } = forward;
    // HF gives upvotes, code and project page; the jsonl adds categories; BibTeX the DOI and keywords.
    const tracking = papers.find((p) => p.arxiv === '2512.08358');
    expect(tracking?.source.file).toBe(`${FIXTURES}/hf-daily.json`);
    expect(tracking?.upvotes).toBeTypeOf('number');
    expect(tracking?.doi).toBe('10.48550/arXiv.2512.08358');
    expect(tracking?.topics).toEqual([
      'Computer Science - Computer Vision and Pattern Recognition',
    ]);
    // The Atom record's publisher DOI wins over the arXiv DOI from Zotero, whichever came first.
    const safe = papers.find((p) => p.arxiv === '2503.11742');
    expect(safe?.doi).toBe('10.1109/TVCG.2025.1234567');
    expect(safe?.categories).toEqual(['cs.CV', 'cs.AI']);
    expect(safe?.topics.length).toBeGreaterThan(0);
  });

  test('reading the files in another order gives the same set of papers', async () => {
    const backward = await readPapers([...files].reverse());
    const ids = (ps: Paper[]) => ps.map((p) => p.arxiv ?? p.title).sort();
    expect(ids(backward.papers)).toEqual(ids(forward.papers));
  });
});

describe('dedupe rules for records with ids', () => {
  test('same DOI is one paper even when the titles differ in case and punctuation', () => {
    const { papers, warnings } = dedupe([
      paper({ line: 1, doi: '10.1234/X', title: 'Sparse retrieval' }),
      paper({
        line: 2,
        doi: 'https://doi.org/10.1234/x',
        title: 'SPARSE RETRIEVAL!',
        authors: ['Ada Lovelace'],
      }),
    ]);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.authors).toEqual(['Ada Lovelace']);
    expect(warnings[0]?.message).toBe(
      'duplicate of the paper at line 1 (same DOI 10.1234/x): merged into one, taking its authors from here',
    );
  });

  test('same title and abstract but different arXiv ids: two papers', () => {
    const { papers, warnings } = dedupe([
      paper({ line: 1, arxiv: '2405.00001' }),
      paper({ line: 2, arxiv: '2405.00002' }),
    ]);
    expect(papers).toHaveLength(2);
    expect(warnings[0]?.message).toContain(
      'but a different arXiv id (2405.00001 and 2405.00002): both kept',
    );
  });

  test('same title, different abstracts, no shared id: both kept (as for text lists)', () => {
    const { papers, warnings } = dedupe([paper({ line: 1 }), paper({ line: 3, abstract: B })]);
    expect(papers).toHaveLength(2);
    expect(warnings[0]?.message).toBe(
      'same title as the paper at line 1 but a different abstract: both kept, with distinct URLs',
    );
  });

  test('mergePapers: longer abstract, more precise date, later version, union of links and labels, most upvotes', () => {
    const base = paper({
      line: 1,
      arxiv: '2405.15738v1',
      date: '2024',
      categories: ['cs.IR'],
      upvotes: 3,
      code: 'https://github.com/a/b',
    });
    const other = paper({
      line: 2,
      abstract: `${A} And a longer version of it.`,
      arxiv: '2405.15738v3',
      date: '2024-05-27',
      categories: ['cs.CL', 'cs.IR'],
      topics: ['retrieval'],
      upvotes: 9,
      url: 'https://proj.github.io/sparse',
    });
    const { paper: merged, took } = mergePapers(base, other);
    expect(merged).toMatchObject({
      abstract: `${A} And a longer version of it.`,
      arxiv: '2405.15738',
      arxivVersion: 'v3',
      date: '2024-05-27',
      categories: ['cs.IR', 'cs.CL'],
      topics: ['retrieval'],
      upvotes: 9,
      code: 'https://github.com/a/b',
      url: 'https://proj.github.io/sparse',
      source: { file: 'a.json', line: 1 },
    });
    expect(merged.links.map((l) => l.kind)).toEqual(['code', 'project']);
    expect(took).toEqual(['abstract', 'date', 'url', 'links', 'categories', 'topics', 'upvotes']);
  });
});

describe('readPapers reads any format, gzipped or not', () => {
  test('a gzipped JSON Lines file and a file whose format is sniffed', async () => {
    const dir = await mkdtemp('/tmp/papers-');
    await writeFile(
      `${dir}/list.jsonl.gz`,
      gzipSync(`{"title":"T","abstract":"${A}","arxiv":"2405.15738"}\n`),
    );
    await writeFile(`${dir}/list`, `title,abstract\nU,"${B}"\n`);
    const { papers } = await readPapers([`${dir}/list.jsonl.gz`, `${dir}/list`]);
    expect(papers.map((p) => p.title)).toEqual(['T', 'U']);
    expect(papers[1]?.source).toEqual({ file: `${dir}/list`, line: 2 });
  });

  test('a gzipped file with any name is decompressed; a damaged one is an error', async () => {
    const dir = await mkdtemp('/tmp/papers-');
    await writeFile(`${dir}/papers.json`, gzipSync(`[{"title":"T","abstract":"${A}"}]`));
    expect((await readPapers(`${dir}/papers.json`)).papers).toHaveLength(1);
    await writeFile(`${dir}/broken.json.gz`, gzipSync('[]').subarray(0, 12));
    expect((await rejectionOf(readPapers(`${dir}/broken.json.gz`))).message).toContain(
      'the gzip data is damaged',
    );
    await writeFile(`${dir}/plain.csv.gz`, 'title,abstract\n');
    expect((await rejectionOf(readPapers(`${dir}/plain.csv.gz`))).message).toContain(
      'not gzip-compressed',
    );
  });

  test('a minified JSON file longer than the text format line limit is fine', () => {
    const records = Array.from({ length: 2500 }, (_, i) => ({
      title: `Paper ${i}`,
      abstract: A.repeat(10),
    }));
    const bytes = new TextEncoder().encode(JSON.stringify(records));
    expect(bytes.length).toBeGreaterThan(MAX_LINE_BYTES);
    const { text, format } = decodeList(bytes, 'big.json');
    expect(format).toBe('json');
    expect(parseList(text, 'big.json', format)).toHaveLength(2500);
  });

  test('invalid UTF-8 in a structured file is reported with its line', async () => {
    const dir = await mkdtemp('/tmp/papers-');
    const bytes = Buffer.concat([
      Buffer.from('[\n{"title": "T'),
      Buffer.from([0xff]),
      Buffer.from('"}]'),
    ]);
    await writeFile(`${dir}/bad.json`, bytes);
    expect((await rejectionOf(readPapers(`${dir}/bad.json`))).message).toMatch(
      /bad\.json:2: invalid UTF-8/,
    );
  });
});
