import { describe, expect, test } from 'vitest';
import { katexAccepts } from '../../src/lib/ingest/index.ts';
import { normaliseAll } from '../../src/lib/ingest/normalise-all.ts';
import { normalise } from '../../src/lib/ingest/normalise.ts';
import type { RawPaper } from '../../src/lib/paper.ts';

const raws: RawPaper[] = Array.from({ length: 41 }, (_, i) => ({
  title: `Paper ${i}: bounds for $\\ell_${i}$ &amp; x^2 in {BERT}`,
  abstract: `We prove O(n^${i}) bounds.\nCode: https://github.com/lab/p${i}.\n\nSecond \`\`paragraph''.`,
  authors: ['Ada Lovelace', `Alan Turing ${i}`],
  arxiv: `2401.${String(10000 + i)}v2`,
  date: '2024-01-15',
  source: { file: 'list.jsonl', line: i + 1 },
}));

describe('normaliseAll', () => {
  test('gives on two threads what one thread gives, in list order', async () => {
    const one = raws.map((raw) => normalise(raw, { validMath: katexAccepts }));
    const two = await normaliseAll(raws, 10);
    expect(two).toEqual(one);
    expect(two.map((p) => p.source.line)).toEqual(raws.map((r) => r.source.line));
    expect(two[40]?.links[0]?.url).toBe('https://github.com/lab/p40');
  });

  test('stays on this thread below the threshold', async () => {
    expect(await normaliseAll(raws.slice(0, 3))).toEqual(
      raws.slice(0, 3).map((raw) => normalise(raw, { validMath: katexAccepts })),
    );
  });
});
