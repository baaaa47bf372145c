/**
 * The pipeline's stages as they ran: name, time, a detail, and whether it
 * ran on the pool beside the others. A stage that throws becomes a
 * StageError naming it, so the build says which stage failed and why.
 */

export interface StageTiming {
  name: string;
  ms: number;
  detail?: string | undefined;
  /** Ran on a pool thread, beside the main thread's stages. */
  parallel?: boolean;
}

/** Set on errors a person fixes in their list or topics file (pipeline/index.ts's ListError). */
const isListError = (error: unknown) => error instanceof Error && error.name === 'ListError';

export class StageError extends Error {
  readonly stage: string;
  constructor(stage: string, cause: unknown) {
    const message = cause instanceof Error ? cause.message : String(cause);
    // A list's own error (ListError) is already the whole story.
    super(isListError(cause) ? message : `The build stage "${stage}" failed:\n${message}`, {
      cause,
    });
    this.stage = stage;
  }
}

/** A message that is already the whole story (a list or topics file error) stays as it is. */
const wrap = (name: string, error: unknown) =>
  error instanceof StageError ? error : new StageError(name, error);

export class Stages {
  readonly timings: StageTiming[] = [];

  run<T>(name: string, fn: () => T, detail?: (result: T) => string): T {
    const started = performance.now();
    let result: T;
    try {
      result = fn();
    } catch (error) {
      throw wrap(name, error);
    }
    this.timings.push({ name, ms: performance.now() - started, detail: detail?.(result) });
    return result;
  }

  /** A stage timed elsewhere (Astro's start-up, timed by its process's first message). */
  record(name: string, ms: number, detail?: string): void {
    this.timings.push({ name, ms, detail });
  }

  async runAsync<T>(name: string, fn: () => Promise<T>, detail?: (result: T) => string) {
    const started = performance.now();
    let result: T;
    try {
      result = await fn();
    } catch (error) {
      throw wrap(name, error);
    }
    this.timings.push({ name, ms: performance.now() - started, detail: detail?.(result) });
    return result;
  }

  /**
   * A stage on the pool: its promise is awaited later. It is marked handled
   * now, so that a failure while the main thread is busy elsewhere is
   * reported where it is awaited, not as an unhandled rejection.
   */
  background<T extends { ms: number }>(name: string, fn: () => Promise<T>): Promise<T> {
    const promise = fn().then(
      (result) => {
        this.timings.push({ name, ms: result.ms, detail: summary(result), parallel: true });
        return result;
      },
      (error: unknown) => {
        throw wrap(name, error);
      },
    );
    promise.catch(() => undefined);
    return promise;
  }
}

/** The numbers a task returned (but its time), as `key value` pairs. */
function summary(result: object): string {
  return Object.entries(result)
    .filter(([k, v]) => k !== 'ms' && typeof v === 'number')
    .map(([k, v]) => `${k} ${v as number}`)
    .join(', ');
}
