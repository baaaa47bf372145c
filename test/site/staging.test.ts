import { mkdtempSync, readFileSync, statSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { linkStaged, stageFiles, stagedPaths } from '../../src/lib/staging.ts';

const fresh = () => mkdtempSync(path.join(tmpdir(), 'staging-'));
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const inode = (dir: string, file: string) => statSync(path.join(dir, file)).ino;

describe('staging files for the build', () => {
  test('writes the files, then rewrites only those whose text changed and removes the rest', async () => {
    const dir = fresh();
    expect(
      await stageFiles(dir, [
        { path: 'papers/a.json', body: '{"a":1}' },
        { path: 'papers/b.json', body: '{"b":1}' },
        { path: 'papers/c.json', body: '{"c":1}' },
      ]),
    ).toEqual({ written: 3, kept: 0, removed: 0 });
    const before = inode(dir, 'papers/a.json');
    expect(
      await stageFiles(dir, [
        { path: 'papers/a.json', body: '{"a":1}' },
        { path: 'papers/b.json', body: '{"b":2}' },
      ]),
    ).toEqual({ written: 1, kept: 1, removed: 1 });
    expect(inode(dir, 'papers/a.json')).toBe(before);
    expect(read(dir, 'papers/b.json')).toBe('{"b":2}');
    expect(existsSync(path.join(dir, 'papers/c.json'))).toBe(false);
    expect(stagedPaths(dir).sort()).toEqual(['papers/a.json', 'papers/b.json']);
  });

  test('writes a file again when it went missing or the manifest is damaged', async () => {
    const dir = fresh();
    const files = [{ path: 'x.json', body: 'x' }];
    await stageFiles(dir, files);
    writeFileSync(path.join(dir, '.manifest.json'), '{not json');
    expect(await stageFiles(dir, files)).toEqual({ written: 1, kept: 0, removed: 0 });
  });

  test('refuses paths that would leave the folder, hidden names and duplicates', async () => {
    const dir = fresh();
    for (const bad of ['../x.json', 'a/../../x.json', '/abs.json', '.manifest.json', 'a//b'])
      await expect(stageFiles(dir, [{ path: bad, body: '' }])).rejects.toThrow(
        /not a plain relative path/,
      );
    await expect(
      stageFiles(dir, [
        { path: 'a.json', body: '1' },
        { path: 'a.json', body: '2' },
      ]),
    ).rejects.toThrow(/twice/);
  });

  test('links every staged file into the site; a changed file gets a new inode, so an older site keeps its text', async () => {
    const dir = fresh();
    const site1 = fresh();
    await stageFiles(dir, [{ path: 'papers/a.json', body: 'one' }]);
    expect(linkStaged(dir, site1)).toEqual({ files: 1, copied: false });
    expect(read(site1, 'papers/a.json')).toBe('one');
    expect(inode(site1, 'papers/a.json')).toBe(inode(dir, 'papers/a.json'));

    await stageFiles(dir, [{ path: 'papers/a.json', body: 'two' }]);
    const site2 = fresh();
    linkStaged(dir, site2);
    expect(read(site2, 'papers/a.json')).toBe('two');
    expect(read(site1, 'papers/a.json')).toBe('one');
  });

  test('a file the build already wrote is an error, not overwritten', async () => {
    const dir = fresh();
    const site = fresh();
    await stageFiles(dir, [{ path: 'papers/a.json', body: 'staged' }]);
    mkdirSync(path.join(site, 'papers'));
    writeFileSync(path.join(site, 'papers/a.json'), 'astro');
    expect(() => linkStaged(dir, site)).toThrow(/already wrote/);
    expect(read(site, 'papers/a.json')).toBe('astro');
  });
});
