/** Waiting for a background worker of this process (see start.ts). */
import { existsSync, readFileSync, rmSync } from 'node:fs';

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
