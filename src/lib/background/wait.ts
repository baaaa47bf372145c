/** Waiting for a background worker of this process (see start.ts). */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

export const markerOf = (file: string) => `${file}.computing`;

/** Waits (up to `timeoutMs`) while a worker of this process computes `file`; stale markers are removed. */
export async function waitForBackground(file: string, timeoutMs = 15 * 60_000): Promise<void> {
  const marker = markerOf(file);
  const until = Date.now() + timeoutMs;
  while (existsSync(marker) && Date.now() < until) {
    let owner: number;
    try {
      owner = Number(readFileSync(marker, 'utf8'));
    } catch {
      return; // Removed between the two calls: the worker is done.
    }
    if (owner !== process.pid) {
      rmSync(marker, { force: true }); // Left by another (finished or crashed) build.
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Marks `file` (a cache or a staging folder) as made, or found current, by
 * this process's worker, for this build: the build uses a worker's output
 * only when the mark is there, so never one left by an earlier or a failed build.
 */
export function markMadeNow(file: string): void {
  writeFileSync(`${file}.owner`, String(process.pid));
}

export function madeNow(file: string): boolean {
  try {
    return readFileSync(`${file}.owner`, 'utf8') === String(process.pid);
  } catch {
    return false;
  }
}

/** Waits for this build's worker to make `file`; fails the build when it did not (`what` names it). */
export async function awaitMadeNow(file: string, what: string): Promise<void> {
  await waitForBackground(file);
  if (!madeNow(file))
    throw new Error(
      `The ${what} were not made: the background worker did not finish ${file} for this build (see the messages above).`,
    );
}
