/**
 * `npm run bench`: the build benchmark, the search benchmark and page weights,
 * gathered into bench/RESULTS.md. Takes about an hour on a 2-core machine
 * (the 74,728-paper builds dominate); `--quick` skips the 74,728 size,
 * `--no-search` keeps the search benchmark's last results, `--assemble`
 * only gathers the parts' last results (the parts made by hand or by runs of
 * their own: compare-results.md, topics-results.md, authors-results.md).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const quick = process.argv.includes('--quick');
// The search benchmark takes ~8 minutes; `--no-search` keeps its last results.
const search = !process.argv.includes('--no-search');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const assemble = process.argv.includes('--assemble');
if (!assemble) measure();

function measure(): void {
  run(['bench/build.ts', '--sizes', quick ? 'bundled,10000' : 'bundled,10000,74728']);
  if (search)
    run([
      '--max-old-space-size=12000',
      'bench/search.ts',
      ...(quick ? ['--sizes=bundled,10000'] : []),
    ]);
  run(['scripts/build.ts']);
  run(['bench/weights.ts']);
}

const read = (f: string) => readFileSync(f, 'utf8').trim();
writeFileSync(
  'bench/RESULTS.md',
  [
    '# Benchmarks',
    '',
    'Made by `npm run bench` (bench/run.ts). Each part can be run alone: `node bench/build.ts`, `npm run bench:search`, `node bench/weights.ts`, `npm run bench:related`, `npm run bench:topics`.',
    '',
    '## Build',
    '',
    read('bench/build-results.md'),
    '',
    // Made by `node bench/compare.ts` and `node bench/timeline.ts` (74,728-paper builds: run on their own).
    "### This round's engine against the last release (2026-12-07)",
    '',
    read('bench/compare-results.md'),
    '',
    '## Search',
    '',
    read('bench/search-results.md'),
    '',
    read('bench/search-notes.md'),
    '',
    '## Page weights (bundled list)',
    '',
    read('bench/weights-results.md'),
    '',
    // Made by `npm run bench:topics` on each list (see the section).
    '## Topics: cluster first, name second (issue 23)',
    '',
    read('bench/topics-results.md'),
    '',
    // Made by `node bench/authors.ts` (two 74,728-paper builds: run on its own).
    '## Author pages (issue 26)',
    '',
    read('bench/authors-results.md'),
    '',
    '## How the build got here',
    '',
    read('bench/history.md'),
    '',
  ].join('\n'),
);
