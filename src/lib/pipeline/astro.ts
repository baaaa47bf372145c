/**
 * Astro's build as the pipeline's last stage: a child process on this Node,
 * started once the records exist and held at the gate (gate.ts) until the
 * other stages are done.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { GATE_ENV, STAGES_DONE, WAITING } from './gate.ts';

/**
 * V8 flags for Astro's process, which apply to each of its rendering
 * threads too. A larger young generation: rendering allocates many
 * short-lived strings (10,000 papers built in 58 s instead of 68 with the
 * default). A cap on the old generation, ~28 KB a paper and at least 2 GB:
 * the thread that lists the pages builds the model and every page's key,
 * and uncapped V8 let it keep ~1.7 GB of garbage beside the ~0.8 GB it
 * needs at 74,728 papers, the build's peak.
 */
export function astroHeapFlags(papers: number): string[] {
  const oldSpaceMb = Math.max(2048, Math.ceil((papers * 28) / 1024));
  return [
    '--max-semi-space-size=64',
    `--max-old-space-size=${oldSpaceMb}`,
    ...GC_PACING.filter(supportsFlag),
  ];
}

/**
 * Each page leaves Astro's rendering thread as bytes outside V8's heap, and
 * by default every ~64 MB of such bytes starts a full marking of the heap:
 * at 74,728 papers (a ~950 MB heap) one every ~3 s, a third of the thread's
 * time (`--trace-gc`: mutator utilisation 0.68). Counted in V8's global
 * limit instead, they wait for the heap's own collections; a fixed growth
 * of 60 % between collections keeps that limit, and so the memory, near
 * what it was. Astro alone on the same prepared 74,728 papers, one run
 * each: 427 s and 4.23 GB without these flags, 297 s and 5.04 GB with the
 * first alone, 354 s and 4.17 GB with growth 30 %, 273 s and 4.30 GB with
 * 60 %. (V8 later made the first the default and dropped the flag: a Node
 * without it gets that behaviour and no flag.)
 */
const GC_PACING = ['--external-memory-accounted-in-global-limit', '--heap-growing-percent=60'];

/** Whether this Node's V8 knows `flag` (an unknown one stops Node at start). */
function supportsFlag(flag: string): boolean {
  return spawnSync(process.execPath, [flag, '-e', ''], { stdio: 'ignore' }).status === 0;
}

export interface AstroChild {
  /** Resolves when Astro reached the gate, with the milliseconds its start-up took (undefined: it exited first). */
  waiting: Promise<number | undefined>;
  /** Lets Astro render: the stages are done (it renders as soon as it reaches the gate). */
  release(): void;
  /** Resolves when Astro built the site; rejects when it failed. */
  done: Promise<void>;
  /** Stops Astro (the pipeline failed) and resolves once it exited. */
  stop(): Promise<void>;
}

export function startAstro(
  out: string,
  stagesFile: string | undefined,
  papers: number,
): AstroChild {
  const astro = path.resolve('node_modules/astro/bin/astro.mjs');
  const started = performance.now();
  // ASTRO_NODE_FLAGS: more flags for Astro's process, for profiling
  // (`--cpu-prof --cpu-prof-dir=prof`, which NODE_OPTIONS does not allow).
  const extra = process.env.ASTRO_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...astroHeapFlags(papers), ...extra, astro, 'build'], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      OUT_DIR: out,
      [GATE_ENV]: '1',
      ...(stagesFile ? { BUILD_STAGES_FILE: stagesFile } : {}),
    },
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    void exited.then((code) =>
      code === 0 ? resolve() : reject(new Error(`astro build exited with code ${code}`)),
    );
  });
  // Handled where it is awaited; a failure during the stages is seen at the next await.
  done.catch(() => undefined);
  let released = false;
  let atGate = false;
  const send = () => {
    if (released && atGate && child.connected) child.send(STAGES_DONE);
  };
  const waiting = new Promise<number | undefined>((resolve) => {
    void exited.then(() => resolve(undefined));
    child.on('message', (message) => {
      if (message !== WAITING) return;
      atGate = true;
      resolve(performance.now() - started);
      send();
    });
  });
  return {
    waiting,
    release: () => {
      released = true;
      send();
    },
    done,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}
