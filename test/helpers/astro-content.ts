/**
 * A stand-in for `astro:content` in model tests: the `papers` collection is
 * the records file the pipeline left (as Starlight's routing tests mock
 * theirs). Use as `vi.mock('astro:content', () => import('../helpers/astro-content.ts'))`,
 * after the env is stubbed and the pipeline has run.
 */
import { config } from '../../src/config.ts';
import { readEntries, recordsFile } from '../../src/lib/pipeline/records-file.ts';

export const getCollection = () =>
  Promise.resolve(
    readEntries(recordsFile(config.cacheDir, config.permalinks)).map((data) => ({
      id: data.slug,
      data,
    })),
  );
