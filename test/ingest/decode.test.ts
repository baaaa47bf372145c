import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { decodeText, MAX_LINE_BYTES } from '../../src/lib/ingest/decode.ts';
import { PaperListError } from '../../src/lib/ingest/errors.ts';
import { readPapers } from '../../src/lib/ingest/index.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  test('strips a BOM and turns CRLF and CR into LF', () => {
    expect(decodeText(bytes('\uFEFFa\r\nb\rc\n'), 'f.txt')).toBe('a\nb\nc\n');
  });

  test('reports invalid UTF-8 with its byte offset and line', () => {
    const data = new Uint8Array([...bytes('ok\nstill ok\nbad '), 0xff, ...bytes(' here')]);
    expect(() => decodeText(data, 'latin.txt')).toThrow(PaperListError);
    expect(() => decodeText(data, 'latin.txt')).toThrow(
      /^latin\.txt:3: invalid UTF-8 at byte offset 16/,
    );
  });

  test('rejects overlong encodings and lone surrogates', () => {
    expect(() => decodeText(new Uint8Array([0xc0, 0xaf]), 'f')).toThrow(/byte offset 0/);
    expect(() => decodeText(new Uint8Array([0x61, 0xed, 0xa0, 0x80]), 'f')).toThrow(
      /byte offset 1/,
    );
  });

  test('rejects NUL bytes with their line', () => {
    expect(() => decodeText(bytes('a\nb\u0000c'), 'bin.txt')).toThrow(/^bin\.txt:2: NUL byte/);
  });

  test('rejects a line longer than the limit', () => {
    const long = `title\n${'x'.repeat(MAX_LINE_BYTES + 1)}\n`;
    expect(() => decodeText(bytes(long), 'huge.txt')).toThrow(
      /^huge\.txt:2: line is [\d,]+ bytes long/,
    );
  });
});

describe('readPapers paths', () => {
  test('a path that does not exist', async () => {
    await expect(readPapers('/nonexistent/list.txt')).rejects.toThrow(
      /^\/nonexistent\/list\.txt: no such file/,
    );
  });

  test('a path that is a folder', async () => {
    const dir = await mkdtemp('/tmp/papers-');
    await mkdir(`${dir}/sub`);
    await expect(readPapers(`${dir}/sub`)).rejects.toThrow(/this is a folder/);
  });

  test('the same title twice: one paper when the abstract is the same, two when it differs', async () => {
    const dir = await mkdtemp('/tmp/papers-');
    const a =
      'We study sparse retrieval with learned term weights. It works well on every benchmark we tried.';
    const b =
      'A different abstract about the same title. It describes another paper entirely, with other results.';
    await writeFile(`${dir}/dup.txt`, `Same Title\n${a}\nSame Title\n${a}\nSame Title\n${b}\n`);
    const { papers, warnings } = await readPapers(`${dir}/dup.txt`);
    expect(papers).toHaveLength(2);
    expect(warnings.map((w) => [w.source.line, w.message])).toEqual([
      [3, 'duplicate of the paper at line 1 (same title and abstract): kept once'],
      [
        5,
        'same title as the paper at line 1 but a different abstract: both kept, with distinct URLs',
      ],
    ]);
  });
});
