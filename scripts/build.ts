/**
 * `npm run build`: builds the site into a temporary folder and swaps it in
 * only when the build succeeded, so a broken list never leaves a half-written
 * or emptied `dist/`. `--out <dir>` builds elsewhere (fixture sites in tests).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const out = path.resolve(values.out ?? 'dist');
const temp = `${out}.tmp-${process.pid}`;
const old = `${out}.old-${process.pid}`;

/**
 * Deletes `dirs` in a detached process that outlives this one: the previous
 * site of a 74,728-paper list is 235,000 files, ~30 s to delete, and nothing
 * needs to wait for that once the new site is in place.
 */
function removeInBackground(dirs: string[]): void {
  if (dirs.length === 0) return;
  const script = `for (const d of ${JSON.stringify(dirs)}) require('node:fs').rmSync(d, { recursive: true, force: true });`;
  spawn(process.execPath, ['-e', script], { detached: true, stdio: 'ignore' }).unref();
}

// Previous sites a deletion left behind (the machine stopped before it finished).
const parent = path.dirname(out);
const leftover = `${path.basename(out)}.old-`;
removeInBackground(
  existsSync(parent)
    ? readdirSync(parent)
        .filter((name) => name.startsWith(leftover))
        .map((name) => path.join(parent, name))
    : [],
);
rmSync(temp, { recursive: true, force: true });
const stagesFile = `${out}.stages-${process.pid}.jsonl`;
rmSync(stagesFile, { force: true });
const started = performance.now();
// Astro's CLI on this very Node (22), whatever `node` the PATH would pick.
const astro = path.resolve('node_modules/astro/bin/astro.mjs');
// A larger young generation: rendering allocates many short-lived strings,
// and with the default 16 MB semi-space, scavenges promote them into a large
// old generation that major GCs then walk (measured: 82 s of GC at 74,728 papers; 10,000 papers build in 58 s instead of 68).
// --expose-gc: see src/integrations/release-memory.ts.
const result = spawnSync(
  process.execPath,
  ['--max-semi-space-size=64', '--expose-gc', astro, 'build'],
  {
    stdio: 'inherit',
    env: { ...process.env, OUT_DIR: temp, BUILD_STAGES_FILE: stagesFile },
  },
);
const wall = performance.now() - started;

/** Where the time went: each stage the build recorded, the rest is Astro rendering and writing pages. */
function report(): void {
  if (!existsSync(stagesFile)) return;
  const stages = readFileSync(stagesFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(
      (line) =>
        JSON.parse(line) as { name: string; ms: number; detail?: string; parallel?: boolean },
    );
  rmSync(stagesFile, { force: true });
  const timed = stages.filter((s) => s.name !== 'peak memory' && !s.parallel);
  const rest = wall - timed.reduce((n, s) => n + s.ms, 0);
  const rows = [...timed, { name: 'Astro: pages, endpoints, bundling, writing', ms: rest }];
  const line = (s: { name: string; ms: number; detail?: string | undefined }) =>
    console.log(
      `  ${s.name.padEnd(48)} ${(s.ms / 1000).toFixed(1).padStart(7)} s${s.detail ? `  (${s.detail})` : ''}`,
    );
  console.log('\nBuild stages:');
  rows.forEach(line);
  const memory = stages.find((s) => s.name === 'peak memory');
  if (memory) console.log(`  ${'peak memory'.padEnd(48)} ${memory.detail}`);
  const parallel = stages.filter((s) => s.parallel);
  if (parallel.length > 0) {
    console.log('On worker threads, beside the stages above (waits for them are counted above):');
    for (const s of parallel) line({ ...s, name: `worker: ${s.name}` });
  }
}
report();

if (result.status !== 0) {
  rmSync(temp, { recursive: true, force: true });
  console.error(`\nBuild failed: ${path.relative(process.cwd(), out) || out}/ was left as it was.`);
  process.exit(result.status ?? 1);
}

if (existsSync(out)) renameSync(out, old);
renameSync(temp, out);
removeInBackground(existsSync(old) ? [old] : []);
console.log(
  `\nBuilt ${path.relative(process.cwd(), out)}/ in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
