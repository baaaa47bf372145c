import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
// Node 22 from the `node` devDependency runs the TypeScript script directly.
const node = path.join(root, 'node_modules/.bin/node');

function run(...args: string[]) {
  return spawnSync(node, ['scripts/topics.ts', ...args], { cwd: root, encoding: 'utf8' });
}

describe('npm run topics', () => {
  test('prints the curated topics, checks, discovered topics and the papers left over', () => {
    const out = run('--examples', '1');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('Topics file: src/content/topics.yaml');
    expect(out.stdout).toMatch(/ok {2}papers in a topic: 198 of 198/);
    expect(out.stdout).toContain('Discovered topics for the whole list');
    expect(out.stdout).toContain('Papers no curated topic takes (0 of 198)');
  });

  test('shows one topic with the reason for each paper', () => {
    const out = run('--topic', 'speculative-decoding');
    expect(out.stdout).toContain('Speculative decoding [speculative-decoding] (curated), 3 papers');
    expect(out.stdout).toContain('curated: title mentions "speculative sampling"');
  });

  test('a bad topics file fails with its file, line and topic', () => {
    const out = run('--topics', 'test/fixtures/topics/bad-pattern.yaml');
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(
      /^test\/fixtures\/topics\/bad-pattern\.yaml:7: topic "mixture-of-experts": pattern .* does not compile/,
    );
  });
});
