/**
 * `npm run bench` (build part): builds the site from the bundled list, 10,000
 * and all 74,728 papers of ../shared/papers/arxiv-cs-75k.jsonl.gz — cold, then
 * again unchanged, then with one paper edited — and records wall time, time
 * per stage, peak memory and output size. Writes bench/build-results.md.
 *
 * Each size also builds the bare Astro floor (bench/floor) from the same list
 * in the same run, and reports every build as a multiple of it.
 *
 * Usage: node bench/build.ts [--sizes bundled,10000,74728] [--runs 3]
 * Medians over --runs for the smaller sizes; the 74,728 build runs once
 * (about ten minutes a run on this machine), which the table says.
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import {
  copyFileSync,
  createReadStream,
  mkdirSync,
  readdirSync,
  rmSync,
  writeFileSync,
  readFileSync,
} from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { parseArgs } from 'node:util';
import { config as bundledSite } from '../src/config.ts';
import { outputSize, spawnMeasured } from './measure.ts';
import { readPapers } from '../src/lib/ingest/index.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'bundled,10000,74728' },
    runs: { type: 'string', default: '3' },
  },
});
const SOURCE = '../shared/papers/arxiv-cs-75k.jsonl.gz';
const WORK = path.resolve('node_modules/.cache/paper-browser-bench');
const runs = Math.max(1, Number(values.runs));

interface Run {
  wall: number;
  stages: Map<string, number>;
  memoryMb: number;
  files: number;
  bytes: number;
}

/** The first `n` lines of the arXiv sample as a JSON-lines list (edited in one abstract when asked). */
async function sliceList(n: number, file: string, edit: boolean): Promise<void> {
  const lines: string[] = [];
  const rl = createInterface({ input: createReadStream(SOURCE).pipe(createGunzip()) });
  for await (const line of rl) {
    if (lines.length >= n) break;
    lines.push(line);
  }
  rl.close();
  if (edit && lines[0]) {
    const first = JSON.parse(lines[0]) as { abstract: string };
    first.abstract += ' We add one sentence to this abstract, as a curator fixing a typo would.';
    lines[0] = JSON.stringify(first);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

function editedBundled(file: string): void {
  const lines = readFileSync('src/content/papers.txt', 'utf8').split('\n');
  lines[3] = `${lines[3]} We add one sentence to this abstract.`;
  writeFileSync(file, lines.join('\n'));
}

/**
 * Waits until the file system has settled from earlier builds: the previous
 * site a build deletes in the background once the new one is in place
 * (235,000 files at 74,728 papers), and any other deletion, written out. On
 * this machine's disk (ext4 mounted with `discard`) a large deletion slowed
 * file creation for a minute after it: a build started meanwhile took up to
 * a third longer, which measures the previous build's clean-up rather than
 * this build. A curator's next build seldom follows within the minute.
 */
function settle(out: string): void {
  const parent = path.dirname(out);
  const leftover = `${path.basename(out)}.old-`;
  const deadline = Date.now() + 10 * 60_000;
  while (readdirSync(parent).some((f) => f.startsWith(leftover)) && Date.now() < deadline)
    spawnSync('sleep', ['0.5']);
  spawnSync('sync');
}

/** The list as JSON lines of plain title and abstract, for the floor. */
async function floorList(papers: string, file: string): Promise<void> {
  const { papers: read } = await readPapers(papers);
  writeFileSync(
    file,
    read.map((p) => JSON.stringify({ title: p.title, abstract: p.abstract })).join('\n'),
  );
}

/** The bare Astro floor (bench/floor): one page of title and abstract per paper, cold. */
async function floor(papers: string, name: string): Promise<{ wall: number; memoryMb: number }> {
  const list = path.join(WORK, `floor-${name}.jsonl`);
  await floorList(papers, list);
  const out = path.join(WORK, `floor-dist-${name}`);
  const cache = path.join(WORK, `floor-astro-${name}`);
  rmSync(out, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  rmSync('bench/floor/.astro', { recursive: true, force: true });
  settle(out);
  const started = performance.now();
  const result = await spawnMeasured([path.resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: 'bench/floor',
    env: { ...process.env, FLOOR_PAPERS: list, OUT_DIR: out, ASTRO_CACHE_DIR: cache },
  });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`floor build of ${name} failed:\n${result.stderr}`);
  rmSync(out, { recursive: true, force: true });
  return { wall, memoryMb: result.peakMb };
}

async function build(papers: string, name: string): Promise<Run> {
  // An edited copy of the bundled list must build the same site: same title, description and topics.
  const bundled =
    name === 'bundled'
      ? {
          SITE_TITLE: bundledSite.title,
          SITE_DESCRIPTION: bundledSite.description,
          TOPICS: bundledSite.topics ?? '',
        }
      : {};
  const out = path.join(WORK, `dist-${name}`);
  settle(out);
  const started = performance.now();
  const result = await spawnMeasured(['scripts/build.ts', '--out', out], {
    env: {
      ...process.env,
      PAPERS: papers,
      PERMALINKS: path.join(WORK, `${name}.permalinks.json`),
      CACHE_DIR: path.join(WORK, `cache-${name}`),
      ASTRO_CACHE_DIR: path.join(WORK, `astro-${name}`),
      ...bundled,
    },
  });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0)
    throw new Error(`build of ${name} failed:\n${result.stderr.slice(-3000)}`);
  const stages = new Map<string, number>();
  for (const line of result.stdout.split('\n')) {
    const m = /^ {2}(.+?)\s{2,}([\d.]+) s/.exec(line);
    if (m) stages.set((m[1] ?? '').trim(), Number(m[2]));
  }
  return { wall, stages, memoryMb: result.peakMb, ...outputSize(out) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

function medianRun(list: Run[]): Run {
  const stages = new Map<string, number>();
  for (const name of list[0]?.stages.keys() ?? [])
    stages.set(name, median(list.map((r) => r.stages.get(name) ?? 0)));
  return {
    wall: median(list.map((r) => r.wall)),
    stages,
    memoryMb: median(list.map((r) => r.memoryMb)),
    files: list[0]?.files ?? 0,
    bytes: list[0]?.bytes ?? 0,
  };
}

mkdirSync(WORK, { recursive: true });
const rows: {
  size: string;
  n: number;
  cold: Run;
  unchanged: Run;
  edited: Run;
  floor: { wall: number; memoryMb: number };
  /** Medians of each run's own ratios: the machine's speed drifts between runs. */
  ratios: { cold: number; unchanged: number; edited: number };
  runs: number;
}[] = [];
for (const size of (values.sizes ?? '').split(',')) {
  const n = size === 'bundled' ? 198 : Number(size);
  const name = size === 'bundled' ? 'bundled' : String(n);
  // A curator edits the list in place: every build reads the same path, which
  // holds the original list, then (for the third build) the edited one.
  const ext = size === 'bundled' ? 'txt' : 'jsonl';
  const list = path.join(WORK, `list-${name}.${ext}`);
  const original = path.join(WORK, `list-${name}-original.${ext}`);
  const edited = path.join(WORK, `list-${name}-edited.${ext}`);
  if (size === 'bundled') {
    copyFileSync('src/content/papers.txt', original);
    editedBundled(edited);
  } else {
    await sliceList(n, original, false);
    await sliceList(n, edited, true);
  }
  const count = n >= 50_000 ? 1 : runs;
  const cold: Run[] = [];
  const unchanged: Run[] = [];
  const changed: Run[] = [];
  const floors: { wall: number; memoryMb: number }[] = [];
  for (let r = 0; r < count; r++) {
    // The floor first, from the same list, in the same run.
    floors.push(await floor(original, name));
    for (const dir of [
      `cache-${name}`,
      `astro-${name}`,
      `dist-${name}`,
      `${name}.permalinks.json`,
    ]) {
      rmSync(path.join(WORK, dir), { recursive: true, force: true });
    }
    copyFileSync(original, list);
    cold.push(await build(list, name));
    unchanged.push(await build(list, name));
    copyFileSync(edited, list);
    changed.push(await build(list, name));
    console.error(
      `${name} run ${r + 1}: floor ${floors.at(-1)?.wall.toFixed(1)} s, cold ${cold.at(-1)?.wall.toFixed(1)} s, unchanged ${unchanged.at(-1)?.wall.toFixed(1)} s, one edited ${changed.at(-1)?.wall.toFixed(1)} s`,
    );
  }
  rows.push({
    size: name,
    n,
    cold: medianRun(cold),
    unchanged: medianRun(unchanged),
    edited: medianRun(changed),
    floor: {
      wall: median(floors.map((f) => f.wall)),
      memoryMb: median(floors.map((f) => f.memoryMb)),
    },
    ratios: {
      cold: median(cold.map((c, i) => c.wall / (floors[i]?.wall ?? NaN))),
      unchanged: median(unchanged.map((u, i) => u.wall / (cold[i]?.wall ?? NaN))),
      edited: median(changed.map((e, i) => e.wall / (cold[i]?.wall ?? NaN))),
    },
    runs: count,
  });
}

const stageNames = [...new Set(rows.flatMap((r) => [...r.cold.stages.keys()]))];
const lines = [
  `Build benchmark (\`npm run bench\`), ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Medians of the runs shown; the ratios in brackets are the medians of each run's own ratios (to the floor, or to that run's cold build), since timings on this shared machine vary by ±20% and drift between runs.`,
  '',
  '| papers | runs | bare Astro floor s | cold build s (× floor) | rebuild, unchanged s (× cold) | rebuild, one paper edited s (× cold) | peak memory MB (floor) | files | output MB |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.n.toLocaleString('en')} | ${r.runs} | ${r.floor.wall.toFixed(1)} | ${r.cold.wall.toFixed(1)} (${r.ratios.cold.toFixed(2)}×) | ${r.unchanged.wall.toFixed(1)} (${r.ratios.unchanged.toFixed(2)}) | ${r.edited.wall.toFixed(1)} (${r.ratios.edited.toFixed(2)}) | ${r.cold.memoryMb} (${r.floor.memoryMb}) | ${r.cold.files.toLocaleString('en')} | ${(r.cold.bytes / 2 ** 20).toFixed(0)} |`,
  ),
  '',
  'The bare Astro floor (bench/floor) is a project on the same Astro and settings that builds one page per paper holding only its title and abstract, from the same list, in the same run. Peak memory is the whole process tree (pipeline and Astro), sampled every 0.5 s.',
  '',
  'Cold build, seconds per stage:',
  '',
  `| stage | ${rows.map((r) => r.n.toLocaleString('en')).join(' | ')} |`,
  `| --- | ${rows.map(() => '---').join(' | ')} |`,
  ...stageNames.map(
    (s) => `| ${s} | ${rows.map((r) => (r.cold.stages.get(s) ?? 0).toFixed(1)).join(' | ')} |`,
  ),
  '',
  "The pipeline's pool stages (related papers, topics, search index and staged files) run beside the main thread's; the Astro stage includes the model's reads.",
  '',
];
writeFileSync('bench/build-results.md', `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
