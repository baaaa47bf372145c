/** The worker thread of normalise-all.ts: normalises the records it is given and sends them back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { RawPaper } from '../paper.ts';
import { katexAccepts } from './katex-accepts.ts';
import { normalise } from './normalise.ts';

const raws = workerData as RawPaper[];
parentPort?.postMessage(raws.map((raw) => normalise(raw, { validMath: katexAccepts })));
