/** The worker thread of normalise-all.ts: normalises the records it is given and sends them back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { RawPaper } from '../paper.ts';
import { normaliseHere } from './normalise-all.ts';

parentPort?.postMessage(normaliseHere(workerData as RawPaper[]));
