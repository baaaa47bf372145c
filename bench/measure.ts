/** Running a build and measuring it: wall time and the peak memory of its whole process tree. */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Resident memory of `pid` and all its descendants, in MB (from `ps`). */
function treeRss(pid: number): number {
  const ps = spawnSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' }).stdout;
  const rows = ps
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
  const tree = new Set([pid]);
  for (let grown = true; grown;) {
    grown = false;
    for (const [p, parent] of rows)
      if (tree.has(parent) && !tree.has(p)) {
        tree.add(p);
        grown = true;
      }
  }
  return rows.filter(([p]) => tree.has(p)).reduce((n, [, , rss]) => n + rss, 0) / 1024;
}

/**
 * Runs `args` on this Node, sampling the memory of its whole process tree
 * every 0.5 s (the pipeline and Astro run as two processes at once).
 */
export async function spawnMeasured(
  args: string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv; node?: string },
): Promise<{ status: number | null; stdout: string; stderr: string; peakMb: number }> {
  const { node, ...spawnOptions } = options;
  const child = spawn(node ?? process.execPath, args, {
    ...spawnOptions,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let peakMb = 0;
  const timer = setInterval(() => {
    if (child.pid) peakMb = Math.max(peakMb, treeRss(child.pid));
  }, 500);
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  return { status, stdout, stderr, peakMb: Math.round(peakMb) };
}

/** Files under `dir` and their bytes: a built site's output size. */
export function outputSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    files += 1;
    bytes += statSync(path.join(e.parentPath, e.name)).size;
  }
  return { files, bytes };
}
