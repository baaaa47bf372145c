/**
 * The handshake between the build pipeline and Astro's process, over the
 * child's IPC channel. Astro starts as soon as the records exist: it loads
 * them, bundles and copies assets while the pipeline's other stages
 * (topics, related papers, authors, the search index) run. Before it renders
 * the first page it says `waiting`, and the pipeline answers `stages-done`
 * once everything the pages read is written.
 */

/** Set by the pipeline on Astro's process: wait at the gate. */
export const GATE_ENV = 'PIPELINE_GATE';
/** Set in Astro's process once the pipeline's stages are done (worker threads copy it). */
export const STAGES_ENV = 'PIPELINE_STAGES';

export const WAITING = 'paper-browser:waiting';
export const STAGES_DONE = 'paper-browser:stages-done';

/** What the gate needs of `process` (a stand-in in tests). */
export interface GateProcess {
  env: NodeJS.ProcessEnv;
  send?: ((message: unknown) => boolean) | undefined;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  once(event: 'disconnect', listener: () => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'disconnect', listener: () => void): unknown;
  disconnect?: (() => void) | undefined;
}

/** Whether this process was started by the pipeline with a gate to wait at. */
export function isGated(proc: GateProcess = process): boolean {
  return proc.env[GATE_ENV] === '1' && typeof proc.send === 'function';
}

/**
 * Says `waiting` and resolves once the pipeline answers `stages-done`; fails
 * if the pipeline goes away first (it failed and is stopping this build).
 */
export function waitForStages(proc: GateProcess = process): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (message !== STAGES_DONE) return;
      done();
      proc.env[STAGES_ENV] = 'done';
      // Nothing more comes over the channel; an open one would keep Astro alive.
      proc.disconnect?.();
      resolve();
    };
    const onDisconnect = () => {
      done();
      reject(new Error('The build pipeline stopped before its stages finished.'));
    };
    const done = () => {
      proc.off('message', onMessage);
      proc.off('disconnect', onDisconnect);
    };
    proc.on('message', onMessage);
    proc.once('disconnect', onDisconnect);
    proc.send?.(WAITING);
  });
}

/**
 * Fails when the collection model is asked for in a gated build before the
 * stages are done: a future Astro that renders before the gate would
 * otherwise read the last build's topics and related papers.
 */
export function assertStagesDone(proc: Pick<GateProcess, 'env'> = process): void {
  if (proc.env[GATE_ENV] === '1' && proc.env[STAGES_ENV] !== 'done')
    throw new Error(
      'The collection model was asked for before the build pipeline finished its stages (the pipeline gate in src/integrations/pipeline-gate.ts did not run before page generation).',
    );
}
