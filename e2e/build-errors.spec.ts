import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SITES } from './sites.ts';

// A failing build must leave the previous site exactly as it was: these builds
// target the hostile fixture site, which the other specs are reading meanwhile.
const target = SITES.hostile.dir;

function snapshot(dir: string): string {
  const hash = createHash('sha256');
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).sort((a, b) =>
    path.join(a.parentPath, a.name).localeCompare(path.join(b.parentPath, b.name)),
  )) {
    const file = path.join(entry.parentPath, entry.name);
    hash.update(file);
    if (entry.isFile()) hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

function build(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--out', target], {
    env: { ...process.env, ASTRO_CACHE_DIR: 'node_modules/.astro-fixtures/errors', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

test.describe.configure({ mode: 'serial' });

test.describe('a build from broken input', () => {
  const before = snapshot(target);
  const dir = mkdtempSync(path.join(tmpdir(), 'broken-'));

  test('stops with the file, the line and a fix, and leaves the site as it was', () => {
    const list = path.join(dir, 'two-titles.txt');
    writeFileSync(
      list,
      'Paper One\nAn abstract that is long enough to count as one. It has two sentences.\nPaper Two\nPaper Three\nAnother abstract, long enough to count. It also has two sentences.\n',
    );
    const { status, output } = build({ PAPERS: list, PERMALINKS: path.join(dir, 'r.json') });
    expect(status).not.toBe(0);
    expect(output).toContain(
      `${list}:4: two titles in a row: "Paper Three" follows the title at line 3`,
    );
    expect(output).toContain(
      'fix: give the paper at line 3 its abstract on the next line, or remove that title',
    );
    expect(output).toContain('was left as it was');
    expect(snapshot(target)).toBe(before);
  });

  test('a path that does not exist is named', () => {
    const { status, output } = build({
      PAPERS: path.join(dir, 'missing.txt'),
      PERMALINKS: path.join(dir, 'r.json'),
    });
    expect(status).not.toBe(0);
    expect(output).toContain(`${path.join(dir, 'missing.txt')}: no such file`);
    expect(snapshot(target)).toBe(before);
  });

  test('a list that would drop a published URL fails, saying which and how to retire it', () => {
    const registry = path.join(dir, 'published.json');
    writeFileSync(registry, readFileSync('src/content/permalinks.json'));
    const lines = readFileSync('src/content/papers.txt', 'utf8').split('\n');
    // Drop the first paper (lines 3 and 4 of the page).
    const list = path.join(dir, 'one-less.txt');
    writeFileSync(list, [...lines.slice(0, 2), ...lines.slice(4)].join('\n'));
    const { status, output } = build({ PAPERS: list, PERMALINKS: registry });
    expect(status).not.toBe(0);
    expect(output).toContain('1 published paper URL would stop working');
    expect(output).toContain(
      '/papers/pdf-wukong-a-large-multimodal-model-for-efficient-long-pdf-reading-with-end-to/',
    );
    expect(output).toContain(
      'RETIRE=pdf-wukong-a-large-multimodal-model-for-efficient-long-pdf-reading-with-end-to npm run build',
    );
    expect(readFileSync(registry, 'utf8')).toBe(
      readFileSync('src/content/permalinks.json', 'utf8'),
    );
    expect(snapshot(target)).toBe(before);
  });
});
