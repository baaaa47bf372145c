import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  openAbstracts,
  parseAbstracts,
  readAbstracts,
  serializeAbstracts,
  splitAbstract,
  writeAbstracts,
  type AbstractFields,
} from '../../src/lib/content/abstracts.ts';

const tricky: AbstractFields = {
  abstract: 'Two\n\nparagraphs with "quotes", a \\ backslash, $x^2$ and \u2028 a line separator.',
  rawAbstract: 'Raw\r\ntext',
  plainAbstract: '',
  abstractHtml: '<p>Two</p>\n<p>paragraphs &amp; <span class="katex">x</span></p>',
};

describe('the abstracts file beside the content store', () => {
  test('gives back every field of every record exactly, keyed by digest', () => {
    const entries: [string, AbstractFields][] = [
      ['d1', tricky],
      ['d2', { abstract: 'Plain.', rawAbstract: '', plainAbstract: '', abstractHtml: '' }],
    ];
    const back = parseAbstracts(serializeAbstracts(entries), 'f.jsonl');
    expect([...back]).toEqual(entries);
  });

  test('a damaged line is an error naming the file and line', () => {
    const text = `${serializeAbstracts([['d1', tricky]])}["d2", "only two"]\n`;
    expect(() => parseAbstracts(text, 'cache/abstracts.jsonl')).toThrow(
      'cache/abstracts.jsonl:2: not an abstracts record',
    );
  });

  test('is written whole (no temporary file left) and read back; a missing file reads as empty', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'abstracts-'));
    const file = path.join(dir, 'sub', 'a.jsonl');
    expect(readAbstracts(file).size).toBe(0);
    writeAbstracts(file, [['d1', tricky]]);
    expect(readdirSync(path.dirname(file))).toEqual(['a.jsonl']);
    expect(readAbstracts(file).get('d1')).toEqual(tricky);
    writeFileSync(file, 'not json\n');
    expect(() => readAbstracts(file)).toThrow();
    expect(existsSync(file)).toBe(true);
  });

  test('splitting a record keeps the abstract fields apart from the rest', () => {
    const { rest, fields } = splitAbstract({ slug: 's', title: 'T', ...tricky });
    expect(rest).toEqual({ slug: 's', title: 'T' });
    expect(fields).toEqual(tricky);
  });

  test('read by key: every record of a file larger than one read block, non-ASCII text included', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'abstracts-'));
    const file = path.join(dir, 'a.jsonl');
    // ~6 MB: the reader's 4 MB blocks split lines, and multi-byte characters.
    const entries: [string, AbstractFields][] = Array.from({ length: 3000 }, (_, i) => [
      `digest${i}`,
      { ...tricky, abstract: `Résumé ℓp ${i} ${'x'.repeat(2000)}` },
    ]);
    writeAbstracts(file, entries);
    const byKey = openAbstracts(file);
    for (const i of [0, 1, 1499, 2047, 2999]) {
      expect(byKey.has(`digest${i}`)).toBe(true);
      expect(byKey.get(`digest${i}`)).toEqual(entries[i]?.[1]);
    }
    expect(byKey.has('other')).toBe(false);
    expect(byKey.get('other')).toBeUndefined();
    expect(openAbstracts(path.join(dir, 'missing.jsonl')).has('digest0')).toBe(false);
  });
});
