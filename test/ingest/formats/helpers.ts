import { PaperListError } from '../../../src/lib/ingest/errors.ts';

export const FIXTURES = 'test/fixtures/formats';

/** The PaperListError `fn` throws (anything else fails the test). */
export function errorOf(fn: () => unknown): PaperListError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PaperListError) return e;
    throw e;
  }
  throw new Error('expected a PaperListError');
}

/** The PaperListError a promise rejects with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<PaperListError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof PaperListError) return e;
    throw e;
  }
  throw new Error('expected a PaperListError');
}
