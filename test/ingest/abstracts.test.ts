import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
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
});
