import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  codeDigest,
  codeFiles,
  filesDigest,
  listDigest,
  settingsDigest,
} from '../../src/lib/content/list-digest.ts';

function lists(...texts: string[]): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'digest-'));
  return texts.map((text, i) => {
    const file = path.join(dir, `list-${i}.txt`);
    writeFileSync(file, text);
    return file;
  });
}

describe('the digest that lets a load keep its stored records', () => {
  test('is the same for the same files and settings', () => {
    const files = lists('Title A\n\nAbstract A.', 'Title B\n\nAbstract B.');
    expect(listDigest(files, { retire: null })).toBe(listDigest(files, { retire: null }));
  });

  test('changes with one byte of a list, the order of the files, or a setting', () => {
    const files = lists('Title A\n\nAbstract A.', 'Title B\n\nAbstract B.');
    const base = listDigest(files, { retire: null });
    const [a, b] = files as [string, string];
    expect(listDigest([b, a], { retire: null })).not.toBe(base);
    expect(listDigest(files, { retire: 'old-slug' })).not.toBe(base);
    writeFileSync(a, 'Title A\n\nAbstract A!');
    expect(listDigest(files, { retire: null })).not.toBe(base);
  });

  test('is the same made in two steps, the files read once for several settings', () => {
    const files = lists('Title A\n\nAbstract A.');
    const read = filesDigest(files) as string;
    expect(settingsDigest(read, { retire: null })).toBe(listDigest(files, { retire: null }));
    expect(settingsDigest(read, { retire: 'x' })).toBe(listDigest(files, { retire: 'x' }));
    expect(filesDigest([...files, '/nonexistent/list.txt'])).toBeUndefined();
  });

  test('is undefined when a file cannot be read, so the list is read the usual way', () => {
    const [file] = lists('x');
    expect(listDigest([file as string, '/nonexistent/list.txt'], {})).toBeUndefined();
  });

  test('covers the source of the code that parses, renders and gives permalinks', () => {
    expect(codeFiles).toEqual(
      expect.arrayContaining([
        'src/lib/ingest/index.ts',
        'src/lib/ingest/latex.ts',
        'src/lib/render/text.ts',
        'src/lib/permalinks/registry.ts',
        'src/lib/pipeline/records.ts',
        'src/lib/content/compact.ts',
      ]),
    );
    expect(codeDigest).toMatch(/^[0-9a-f]{64}$/);
  });
});
