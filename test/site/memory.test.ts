import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const memory = fileURLToPath(new URL('../../src/lib/memory.ts', import.meta.url));

// In a process of its own: resident memory is the whole process's.
const script = `
  const { releaseMemory } = await import(${JSON.stringify(memory)});
  let garbage = [];
  for (let i = 0; i < 3e6; i++) garbage.push({ i, text: 'paper ' + i });
  garbage = undefined;
  await new Promise((resolve) => setTimeout(resolve, 200));
  console.log(JSON.stringify(releaseMemory()));
`;

test('hands the pages of a collected heap back to the system, without --expose-gc', () => {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  expect(result.stderr).not.toMatch(/Error/);
  const { before, after } = JSON.parse(result.stdout) as { before: number; after: number };
  // ~300 MB of small objects were allocated and dropped.
  expect(before).toBeGreaterThan(250);
  expect(before - after).toBeGreaterThan(150);
});
