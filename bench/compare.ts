/**
 * Cold builds of this tree and another checkout of the site (e.g. the last
 * release), side by side in one run, from the same list, alternating so
 * that both see the same machine. Prints wall time and whole-tree peak
 * memory, each run and the medians.
 *
 * Usage: node bench/compare.ts --other ../old-main --papers list.jsonl [--runs 2]
 * (the other tree must have its own `npm install`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnMeasured } from './measure.ts';

const { values } = parseArgs({
  options: {
    other: { type: 'string' },
    papers: { type: 'string' },
    runs: { type: 'string', default: '1' },
  },
});
if (!values.other || !values.papers) throw new Error('usage: --other <dir> --papers <list>');
const papers = path.resolve(values.papers);
const trees = { this: process.cwd(), other: path.resolve(values.other) };

// Removed after the last run: deleting a 74,728-paper site (300,000 files)
// takes minutes, which between runs only delays the next one.
const works: string[] = [];

async function cold(tree: string): Promise<{ wall: number; peakMb: number }> {
  const work = mkdtempSync(path.join(tmpdir(), 'compare-'));
  works.push(work);
  const started = performance.now();
  // Each tree's own Node (its `node` devDependency) runs its own build script.
  const node = path.join(tree, 'node_modules/.bin/node');
  const result = await spawnMeasured(['scripts/build.ts', '--out', path.join(work, 'dist')], {
    cwd: tree,
    node,
    env: {
      ...process.env,
      PAPERS: papers,
      PERMALINKS: path.join(work, 'permalinks.json'),
      CACHE_DIR: path.join(work, 'cache'),
      ASTRO_CACHE_DIR: path.join(work, 'astro'),
    },
  });
  if (result.status !== 0) throw new Error(`build in ${tree} failed:\n${result.stderr}`);
  return { wall: (performance.now() - started) / 1000, peakMb: result.peakMb };
}

const results: Record<string, { wall: number; peakMb: number }[]> = { this: [], other: [] };
for (let r = 0; r < Number(values.runs); r++)
  for (const [name, tree] of r % 2 ? [...Object.entries(trees)].reverse() : Object.entries(trees)) {
    const run = await cold(tree);
    results[name]?.push(run);
    console.log(`${name} run ${r + 1}: ${run.wall.toFixed(1)} s, peak ${run.peakMb} MB`);
  }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
for (const [name, runs] of Object.entries(results))
  console.log(
    `${name}: median ${median(runs.map((r) => r.wall)).toFixed(1)} s, peak ${median(runs.map((r) => r.peakMb))} MB`,
  );
for (const work of works) rmSync(work, { recursive: true, force: true });
