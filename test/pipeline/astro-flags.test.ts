import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { astroHeapFlags } from '../../src/lib/pipeline/astro.ts';

describe('astroHeapFlags', () => {
  it('caps the old generation at ~28 KB a paper, never under 2 GB', () => {
    expect(astroHeapFlags(198)).toContain('--max-old-space-size=2048');
    expect(astroHeapFlags(200_000)).toContain('--max-old-space-size=5469');
  });

  it('gives flags this Node starts with', () => {
    const flags = astroHeapFlags(74_728);
    const run = spawnSync(process.execPath, [...flags, '-e', 'process.exit(0)']);
    expect(run.stderr.toString()).toBe('');
    expect(run.status).toBe(0);
  });

  // The project runs on Node 24 (its `node` devDependency); an older Node may lack the flag.
  const major = Number(process.versions.node.split('.')[0]);
  it.runIf(major >= 24)('counts pages leaving the rendering thread in the heap limit', () => {
    expect(astroHeapFlags(10_000)).toEqual(
      expect.arrayContaining([
        '--external-memory-accounted-in-global-limit',
        '--heap-growing-percent=60',
      ]),
    );
  });
});
