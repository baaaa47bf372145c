import { describe, expect, test } from 'vitest';
import { PaperListError } from '../../src/lib/ingest/errors.ts';
import { parseTextPage } from '../../src/lib/ingest/formats/text-page.ts';
import { readPapers } from '../../src/lib/ingest/index.ts';

const ABSTRACT_A =
  'We study sparse retrieval with learned term weights. Our method improves recall on every benchmark we tried, and it is fast.';
const ABSTRACT_B =
  'Diffusion models sample slowly. We propose a solver that needs ten steps instead of a thousand, with the same image quality.';

function errorOf(fn: () => unknown): PaperListError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PaperListError) return e;
    throw e;
  }
  throw new Error('expected a PaperListError');
}

describe('the bundled list', () => {
  test('has 198 papers with the exact first and last titles', async () => {
    const { papers, warnings } = await readPapers('src/content/papers.txt');
    expect(papers).toHaveLength(198);
    expect(warnings).toEqual([]);
    expect(papers[0]?.title).toBe(
      'PDF-WuKong: A Large Multimodal Model for Efficient Long PDF Reading with End-to-End Sparse Sampling',
    );
    expect(papers.at(-1)?.title).toBe(
      'Adaptive Testing for Connected and Automated Vehicles with Sparse Control Variates in Overtaking Scenarios',
    );
    expect(papers[0]?.source.line).toBe(3);
    expect(papers.every((p) => p.abstract.length > 100)).toBe(true);
  });
});

describe('parseTextPage tolerates real page text', () => {
  test('skips page chrome at the top and strips the glued Subscribe', () => {
    const text = [
      'Daily Papers',
      'byAK and the research community',
      'Get trending papers in your email inbox!',
      'May 27, 2024',
      'SubscribeSparse Retrieval Revisited',
      ABSTRACT_A,
    ].join('\n');
    const papers = parseTextPage(text, 'list.txt');
    expect(papers).toEqual([
      {
        title: 'Sparse Retrieval Revisited',
        abstract: ABSTRACT_A,
        source: { file: 'list.txt', line: 5 },
      },
    ]);
  });

  test('skips author-count lines, separators and blank lines between papers', () => {
    const text = [
      'Paper One',
      '• 12 authors',
      ABSTRACT_A,
      '',
      '·',
      '  ',
      'Paper Two',
      ABSTRACT_B,
      '',
    ].join('\n');
    const papers = parseTextPage(text, 'list.txt');
    expect(papers.map((p) => [p.title, p.source.line])).toEqual([
      ['Paper One', 1],
      ['Paper Two', 7],
    ]);
  });

  test('trims stray whitespace around lines', () => {
    const papers = parseTextPage(`  Paper One \t\n\t${ABSTRACT_A}   \n`, 'list.txt');
    expect(papers[0]?.title).toBe('Paper One');
    expect(papers[0]?.abstract).toBe(ABSTRACT_A);
  });

  test('keeps a short abstract that ends like a sentence', () => {
    const papers = parseTextPage(
      `Paper One\n${ABSTRACT_A}\nPaper Two\nCode release only.`,
      'list.txt',
    );
    expect(papers[1]?.abstract).toBe('Code release only.');
  });
});

describe('readPapers normalises the bytes of a file', () => {
  test('accepts CRLF, mixed line endings and a BOM', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const dir = await mkdtemp('/tmp/papers-');
    const file = `${dir}/crlf.txt`;
    await writeFile(file, `\uFEFFPaper One\r\n${ABSTRACT_A}\rPaper Two\n${ABSTRACT_B}\r\n`);
    const { papers } = await readPapers(file);
    expect(papers.map((p) => p.title)).toEqual(['Paper One', 'Paper Two']);
    expect(papers[1]?.source.line).toBe(3);
  });
});

describe('parseTextPage errors name the file and line', () => {
  test('an empty file', () => {
    const e = errorOf(() => parseTextPage('  \n\n', 'empty.txt'));
    expect(e.message).toMatch(/^empty\.txt:1: the file is empty/);
  });

  test('a file of page chrome only', () => {
    const e = errorOf(() =>
      parseTextPage('Get trending papers in your email inbox!\nSubscribe\n', 'chrome.txt'),
    );
    expect(e.file).toBe('chrome.txt');
    expect(e.message).toContain('only page chrome');
  });

  test('a title with no abstract at the end of the file', () => {
    const e = errorOf(() => parseTextPage(`Paper One\n${ABSTRACT_A}\nPaper Two\n`, 'list.txt'));
    expect(e.line).toBe(3);
    expect(e.message).toContain('has no abstract');
  });

  test('two titles in a row', () => {
    const e = errorOf(() =>
      parseTextPage(`Paper One\n${ABSTRACT_A}\nPaper Two\nPaper Three\n${ABSTRACT_B}`, 'list.txt'),
    );
    expect(e.line).toBe(4);
    expect(e.message).toContain('two titles in a row');
    expect(e.message).toContain('line 3');
  });

  test('an abstract that is only whitespace', () => {
    const e = errorOf(() =>
      parseTextPage(
        `Paper One\n${ABSTRACT_A}\nPaper Two\n   \t \nPaper Three\n${ABSTRACT_B}`,
        'list.txt',
      ),
    );
    expect(e.message).toContain('(line 3) is empty');
    expect(e.line).toBe(5);
  });

  test('a paragraph where a title should be', () => {
    const e = errorOf(() =>
      parseTextPage(`Paper One\n${ABSTRACT_A}\n${ABSTRACT_B} ${ABSTRACT_A}\n`, 'list.txt'),
    );
    expect(e.line).toBe(3);
    expect(e.message).toContain('expected a title');
  });
});

describe('parseTextPage takes extreme lengths', () => {
  test('a 2,000-character title followed by its abstract', () => {
    const title =
      `A Very Long Title About Sparse Models ${'and More Sparse Models '.repeat(80)}`.slice(
        0,
        2000,
      );
    const papers = parseTextPage(`${title}\n${ABSTRACT_A}\nPaper Two\n${ABSTRACT_B}`, 'long.txt');
    expect(papers.map((p) => p.title.length)).toEqual([title.trim().length, 9]);
  });

  test('a 200 KB abstract', () => {
    const abstract = 'We study sparse attention at length. '.repeat(5600);
    const papers = parseTextPage(`Paper One\n${abstract}`, 'big.txt');
    expect(papers[0]?.abstract.length).toBeGreaterThan(200_000);
  });
});
