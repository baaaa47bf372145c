import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { expandPaperPaths } from '../../../src/lib/ingest/index.ts';
import { errorOf } from './helpers.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp('/tmp/paper-paths-');
  await mkdir(`${dir}/lists`);
  for (const f of [
    'lists/b.json',
    'lists/a.json',
    'lists/c.bib',
    'lists/A.json',
    'one.txt',
    'two.csv',
  ]) {
    await writeFile(`${dir}/${f}`, '');
  }
});

describe('expandPaperPaths', () => {
  test('a glob is expanded and sorted deterministically', () => {
    expect(expandPaperPaths('lists/*.json', dir)).toEqual(
      ['lists/A.json', 'lists/a.json', 'lists/b.json'].map((f) => path.join(dir, f)),
    );
  });

  test('comma- and newline-separated paths and globs, each file once, in the order given', () => {
    expect(expandPaperPaths('two.csv, lists/{c.bib,a.json}\none.txt,two.csv', dir)).toEqual(
      ['two.csv', 'lists/a.json', 'lists/c.bib', 'one.txt'].map((f) => path.join(dir, f)),
    );
  });

  test('paths inside the working directory stay relative', () => {
    expect(expandPaperPaths('test/fixtures/formats/*.bib', process.cwd())).toEqual([
      'test/fixtures/formats/zotero.bib',
    ]);
  });

  test('a literal path is kept even when it does not exist (reading it reports that)', () => {
    expect(expandPaperPaths('missing.txt', dir)).toEqual([path.join(dir, 'missing.txt')]);
  });

  test('a glob that matches nothing, or an empty value, is a PaperListError', () => {
    const e = errorOf(() => expandPaperPaths('lists/*.xml', dir));
    expect(e.file).toBe('lists/*.xml');
    expect(e.message).toContain('no file matches this pattern');
    expect(errorOf(() => expandPaperPaths(' , ', dir)).message).toContain('no paper list named');
  });
});
