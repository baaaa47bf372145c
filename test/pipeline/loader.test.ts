/** The content loader only loads: it brings a store in step with the pipeline's records file. */
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, test } from 'vitest';
import { paperLoader } from '../../src/lib/content/paper-loader.ts';

function fakeContext() {
  const entries = new Map<string, { id: string; data: unknown; digest?: string | number }>();
  const meta = new Map<string, string>();
  const writes: string[] = [];
  const context = {
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: { id: string; data: unknown; digest?: string }) => {
        writes.push(entry.id);
        entries.set(entry.id, entry);
        return true;
      },
      delete: (id: string) => entries.delete(id),
      keys: () => [...entries.keys()],
    },
    meta: {
      get: (k: string) => meta.get(k),
      set: (k: string, v: string) => meta.set(k, v),
      delete: (k: string) => meta.delete(k),
    },
    logger: { info: () => undefined, warn: () => undefined },
    parseData: ({ data }: { data: unknown }) => Promise.resolve(data),
  };
  return { context: context as unknown as LoaderContext, entries, writes };
}

const entry = (slug: string, index: number, input = 'i') => ({
  slug,
  index,
  inputDigest: `${input}-${slug}`,
  contentDigest: `c-${slug}`,
});

function writeRecords(file: string, records: object[], time: number): void {
  writeFileSync(file, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  utimesSync(file, time, time);
}

describe('paperLoader', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'loader-'));
  const file = path.join(dir, 'records.jsonl');
  const loader = paperLoader({ recordsFile: file });

  test('stores every record, then only what changed, and drops what is gone', async () => {
    const { context, entries, writes } = fakeContext();
    writeRecords(file, [entry('a', 0), entry('b', 1), entry('c', 2)], 1000);
    await loader.load(context);
    expect([...entries.keys()]).toEqual(['a', 'b', 'c']);
    expect(writes).toEqual(['a', 'b', 'c']);

    writes.length = 0;
    await loader.load(context); // the same file: nothing read or written
    expect(writes).toEqual([]);

    writeRecords(file, [entry('a', 0), entry('c', 1, 'moved')], 2000);
    await loader.load(context);
    expect(writes).toEqual(['c']);
    expect([...entries.keys()]).toEqual(['a', 'c']);
  });

  test('without a records file it says how to make one', async () => {
    const { context } = fakeContext();
    const missing = paperLoader({ recordsFile: path.join(dir, 'none.jsonl') });
    await expect(missing.load(context)).rejects.toThrow(/no records\. Build with `npm run build`/);
  });
});
