import { mkdtempSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { tempPathFor, writeFileAtomic } from '../../src/lib/atomic-write.ts';

describe('writeFileAtomic', () => {
  test('temporary names hold the process, the thread and a counter', () => {
    const a = tempPathFor('/x/cache.json');
    const b = tempPathFor('/x/cache.json');
    expect(a).not.toBe(b);
    expect(a).toContain(`.tmp-${process.pid}-${threadId}-`);
  });

  test('writes a string, or pieces through the descriptor, and leaves no temporary file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atomic-'));
    const file = path.join(dir, 'cache.jsonl');
    writeFileAtomic(file, 'one');
    expect(readFileSync(file, 'utf8')).toBe('one');
    writeFileAtomic(file, (fd) => {
      writeSync(fd, 'two\n');
      writeSync(fd, 'three\n');
    });
    expect(readFileSync(file, 'utf8')).toBe('two\nthree\n');
    expect(readdirSync(dir)).toEqual(['cache.jsonl']);
  });

  test('a failed write keeps the old file and removes the temporary one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atomic-'));
    const file = path.join(dir, 'cache.json');
    writeFileSync(file, 'old');
    expect(() =>
      writeFileAtomic(file, (fd) => {
        writeSync(fd, 'half');
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['cache.json']);
  });
});
