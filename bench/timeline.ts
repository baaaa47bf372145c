/**
 * One cold build of this tree from a list, in fresh folders, with the
 * resident memory of each process of the build (the pipeline, Astro) every
 * 3 s: where a whole-tree peak comes from, and when. Prints the timeline,
 * the peak moment and the build's stage report.
 *
 * Usage: node bench/timeline.ts --papers list.jsonl [--every 3] [--edits N] [--set NAME=VALUE ...]
 * (`--set AUTHOR_PAGE_MIN=1000000` builds without author pages). `--edits N`
 * (a JSON-lines list, gzipped or not) then rebuilds N times in the same
 * folders, each time after adding a sentence to one more paper's abstract
 * in a copy of the list: the memory and time of a rebuild after an edit.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    papers: { type: 'string' },
    every: { type: 'string', default: '3' },
    edits: { type: 'string', default: '0' },
    set: { type: 'string', multiple: true, default: [] },
  },
});
if (!values.papers) throw new Error('usage: --papers <list> [--every 3] [--set NAME=VALUE]');
const settings = Object.fromEntries(
  values.set.map((s) => {
    const at = s.indexOf('=');
    if (at < 1) throw new Error(`--set ${s}: expected NAME=VALUE`);
    return [s.slice(0, at), s.slice(at + 1)];
  }),
);

interface Row {
  pid: number;
  ppid: number;
  mb: number;
  args: string;
}

function processes(): Row[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' }).stdout;
  return ps
    .trim()
    .split('\n')
    .flatMap((line) => {
      const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/u.exec(line);
      return m
        ? [{ pid: Number(m[1]), ppid: Number(m[2]), mb: Number(m[3]) / 1024, args: m[4] ?? '' }]
        : [];
    });
}

/** The build's processes: the pipeline (`scripts/build.ts`) and Astro (its child). */
function treeOf(root: number, rows: Row[]): Row[] {
  const tree = new Set([root]);
  for (let grown = true; grown;) {
    grown = false;
    for (const r of rows)
      if (tree.has(r.ppid) && !tree.has(r.pid)) {
        tree.add(r.pid);
        grown = true;
      }
  }
  return rows.filter((r) => tree.has(r.pid) && r.mb > 50);
}

const name = (r: Row) => (r.args.includes('scripts/build.ts') ? 'pipeline' : 'astro');

const work = mkdtempSync(path.join(tmpdir(), 'timeline-'));
const edits = Number(values.edits);
const source = path.resolve(values.papers);
// Edits go to a copy of the list, at one path for every build (the caches are per list).
const listFile = edits > 0 ? path.join(work, 'list.jsonl') : source;
const lines =
  edits > 0
    ? (source.endsWith('.gz') ? gunzipSync(readFileSync(source)) : readFileSync(source))
        .toString('utf8')
        .split('\n')
    : [];
if (edits > 0) writeFileSync(listFile, lines.join('\n'));

/** One build in the work folders, its processes' memory printed every few seconds. */
async function build(label: string): Promise<boolean> {
  console.log(`\n== ${label}`);
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/build.ts', '--out', path.join(work, 'dist')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...settings,
      PAPERS: listFile,
      PERMALINKS: path.join(work, 'permalinks.json'),
      CACHE_DIR: path.join(work, 'cache'),
      ASTRO_CACHE_DIR: path.join(work, 'astro'),
    },
  });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  let peak = { mb: 0, line: '' };
  const timer = setInterval(
    () => {
      if (!child.pid) return;
      const rows = treeOf(child.pid, processes());
      const total = rows.reduce((n, r) => n + r.mb, 0);
      const line = `${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s  total ${total.toFixed(0).padStart(5)} MB  ${rows.map((r) => `${name(r)} ${r.mb.toFixed(0)}`).join(', ')}`;
      console.log(line);
      if (total > peak.mb) peak = { mb: total, line };
    },
    Number(values.every) * 1000,
  );
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  console.log(`\n${label}: exit ${status}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`peak: ${peak.line.trim()}\n`);
  console.log(status === 0 ? log.slice(log.indexOf('Build stages')) : log.slice(-4000));
  return status === 0;
}

let ok = await build('cold build');
for (let i = 0; ok && i < edits; i++) {
  const at = i * 10; // papers apart, so each edit is a paper of its own
  const paper = JSON.parse(lines[at] ?? '') as { abstract: string };
  paper.abstract += ' We release our code and data.';
  lines[at] = JSON.stringify(paper);
  writeFileSync(listFile, lines.join('\n'));
  ok = await build(`rebuild after editing the abstract on line ${at + 1}`);
}
rmSync(work, { recursive: true, force: true });
