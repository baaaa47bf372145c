/**
 * The handshake that holds Astro's page generation until the pipeline's
 * stages are done, on a stand-in for the child's `process`.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import {
  assertStagesDone,
  GATE_ENV,
  isGated,
  STAGES_DONE,
  STAGES_ENV,
  waitForStages,
  WAITING,
} from '../../src/lib/pipeline/gate.ts';

function child(env: NodeJS.ProcessEnv = { [GATE_ENV]: '1' }) {
  const events = new EventEmitter();
  const sent: unknown[] = [];
  let disconnected = false;
  const proc = Object.assign(events, {
    env,
    send: (message: unknown) => {
      sent.push(message);
      return true;
    },
    disconnect: () => {
      disconnected = true;
    },
  });
  return { proc, sent, disconnected: () => disconnected };
}

describe('the pipeline gate', () => {
  test('says it is waiting, and opens only when the stages are done', async () => {
    const { proc, sent, disconnected } = child();
    let open = false;
    const gate = waitForStages(proc).then(() => (open = true));
    expect(sent).toEqual([WAITING]);
    proc.emit('message', 'something else');
    await Promise.resolve();
    expect(open).toBe(false);
    expect(() => assertStagesDone(proc)).toThrow(/before the build pipeline finished/);
    proc.emit('message', STAGES_DONE);
    await gate;
    expect(open).toBe(true);
    expect(proc.env[STAGES_ENV]).toBe('done');
    expect(disconnected()).toBe(true);
    expect(() => assertStagesDone(proc)).not.toThrow();
    expect(proc.listenerCount('message')).toBe(0);
  });

  test('fails the build when the pipeline goes away first', async () => {
    const { proc } = child();
    const gate = waitForStages(proc);
    proc.emit('disconnect');
    await expect(gate).rejects.toThrow(/pipeline stopped before its stages finished/);
    expect(proc.env[STAGES_ENV]).toBeUndefined();
  });

  test('is only there when the pipeline started Astro', () => {
    expect(isGated(child().proc)).toBe(true);
    expect(isGated(child({}).proc)).toBe(false);
    // Started with the variable but without an IPC channel: nobody would answer.
    const events = new EventEmitter();
    expect(isGated(Object.assign(events, { env: { [GATE_ENV]: '1' } }))).toBe(false);
    // `astro build` or `astro dev` run by hand: the model never waits.
    expect(() => assertStagesDone({ env: {} })).not.toThrow();
  });
});
