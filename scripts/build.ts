/**
 * `npm run build`: runs the build pipeline (src/lib/pipeline) into a
 * temporary folder and swaps it in only when every stage succeeded, so a
 * broken list never leaves a half-written or emptied `dist/`. `--out <dir>`
 * builds elsewhere (fixture sites in tests); `--prepare` runs the stages
 * before Astro only (for `astro dev`).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ListError, runPipeline, StageError } from '../src/lib/pipeline/index.ts';
import type { StageTiming } from '../src/lib/pipeline/stages.ts';

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'dist' }, prepare: { type: 'boolean' } },
});
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

/** Where the time went: the pipeline's stages, then what the collection model recorded inside Astro. */
function report(timings: readonly StageTiming[]): void {
  const inAstro = existsSync(stagesFile)
    ? readFileSync(stagesFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as StageTiming)
    : [];
  rmSync(stagesFile, { force: true });
  const line = (s: StageTiming) =>
    console.log(
      `  ${s.name.padEnd(52)} ${(s.ms / 1000).toFixed(1).padStart(7)} s${s.detail ? `  (${s.detail})` : ''}`,
    );
  console.log('\nBuild stages:');
  timings.filter((s) => !s.parallel).forEach(line);
  const parallel = timings.filter((s) => s.parallel);
  if (parallel.length > 0) {
    console.log('On the thread pool, beside the stages above:');
    parallel.forEach(line);
  }
  const astro = inAstro.filter((s) => s.name !== 'peak memory');
  if (astro.length > 0) {
    console.log('Inside Astro (part of its stage above):');
    astro.forEach(line);
  }
  const peaks = inAstro.filter((s) => s.name === 'peak memory').map((s) => s.detail);
  console.log(
    `  ${'peak memory'.padEnd(52)} pipeline ${Math.round(process.resourceUsage().maxRSS / 1024)} MB${peaks.length ? `, Astro ${peaks.join(', ')}` : ''}`,
  );
}

try {
  const stages = await runPipeline({ out: temp, prepareOnly: values.prepare === true, stagesFile });
  report(stages.timings);
} catch (error) {
  rmSync(temp, { recursive: true, force: true });
  rmSync(stagesFile, { force: true });
  const message =
    error instanceof StageError && error.cause instanceof ListError
      ? error.cause.message
      : error instanceof Error
        ? error.message
        : String(error);
  console.error(`\n${message}`);
  console.error(`\nBuild failed: ${path.relative(process.cwd(), out) || out}/ was left as it was.`);
  process.exit(1);
}

if (!values.prepare) {
  if (existsSync(out)) renameSync(out, old);
  renameSync(temp, out);
  removeInBackground(existsSync(old) ? [old] : []);
  console.log(
    `\nBuilt ${path.relative(process.cwd(), out)}/ in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
