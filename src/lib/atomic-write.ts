/**
 * One way to write a cache file: into a temporary name no other writer can
 * share (process id, thread id and a counter), then renamed over the target,
 * so a reader sees the old file or the new one, never half of either.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

let counter = 0;

/** A temporary name beside `file`, unique to this process, thread and call. */
export function tempNameFor(file: string): string {
  counter += 1;
  return `${file}.tmp-${process.pid}-${threadId}-${counter}`;
}

/** Writes `data` to `file` atomically, making its folder when needed. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = tempNameFor(file);
  try {
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
