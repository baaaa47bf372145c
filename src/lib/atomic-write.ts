/**
 * The one way cache files are written: into a temporary file beside the
 * target, then renamed over it, so that a reader sees the old file or the
 * new one, never half of one. The temporary name holds the process id, the
 * thread id and a counter, so that two threads of one process (the pipeline
 * runs stages on a thread pool) or two writes of one thread never share it.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

let counter = 0;

/** A temporary path beside `file` that no other thread or process uses. */
export function tempPathFor(file: string): string {
  counter += 1;
  return `${file}.tmp-${process.pid}-${threadId}-${counter}`;
}

/**
 * Writes `file` atomically, making its folder when needed. `data` is the
 * content, or a function that writes it to the open descriptor piece by
 * piece (for files too large to hold as one string).
 */
export function writeFileAtomic(
  file: string,
  data: string | NodeJS.ArrayBufferView | ((fd: number) => void),
): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  try {
    if (typeof data === 'function') {
      const fd = openSync(temp, 'w');
      try {
        data(fd);
      } finally {
        closeSync(fd);
      }
    } else writeFileSync(temp, data);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
