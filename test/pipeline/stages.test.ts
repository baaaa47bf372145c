import { describe, expect, test } from 'vitest';
import { ListError } from '../../src/lib/pipeline/index.ts';
import { StageError, Stages } from '../../src/lib/pipeline/stages.ts';

describe('Stages', () => {
  test('times each stage and says which ran on the pool', async () => {
    const stages = new Stages();
    expect(
      stages.run(
        'parse',
        () => 3,
        (n) => `${n} papers`,
      ),
    ).toBe(3);
    await stages.background('related', () => Promise.resolve({ ms: 12, papers: 3 }));
    expect(stages.timings).toEqual([
      expect.objectContaining({ name: 'parse', detail: '3 papers' }),
      { name: 'related', ms: 12, detail: 'papers 3', parallel: true },
    ]);
  });

  test('a background stage that throws fails where it is awaited, naming the stage', async () => {
    const stages = new Stages();
    const failing = stages.background('search index', () => Promise.reject(new Error('disk full')));
    // Nothing is unhandled while the main thread works on.
    await new Promise((r) => setTimeout(r, 10));
    await expect(failing).rejects.toBeInstanceOf(StageError);
    await expect(failing).rejects.toThrow('The build stage "search index" failed:\ndisk full');
  });

  test('a list error keeps its own message', () => {
    const stages = new Stages();
    expect(() =>
      stages.run('parse the list', () => {
        throw new ListError('list.txt:3: a title with no abstract');
      }),
    ).toThrow(/^list\.txt:3: a title with no abstract$/);
  });
});
