/**
 * Computes related papers and the map in a worker thread, started by the
 * content loader as soon as the papers are known, so that it runs on the
 * second core while Astro bundles and starts rendering. When it is done the
 * cache holds everything, and the collection model only reads it.
 */
import { rmSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { computeCached } from './cached.ts';
import type { RelatedDoc } from './index.ts';

const { docs, file, marker } = workerData as { docs: RelatedDoc[]; file: string; marker: string };
try {
  computeCached(docs, file);
} finally {
  rmSync(marker, { force: true });
}
