/**
 * The content loader behind the `papers` collection. It only loads: the build
 * pipeline (src/lib/pipeline) has parsed the list, resolved permalinks and
 * rendered every record into the records file; this brings Astro's store in
 * step with that file, writing only entries whose digest changed.
 */
import { existsSync, statSync } from 'node:fs';
import type { Loader } from 'astro/loaders';
import { readEntries } from '../pipeline/records-file.ts';
import { storedEntrySchema } from './schema.ts';

export interface PaperLoaderOptions {
  /** The records file the pipeline wrote (records.ts). */
  recordsFile: string;
}

const LAST = 'records-file';

export function paperLoader(options: PaperLoaderOptions): Loader {
  return {
    name: 'paper-list',
    schema: storedEntrySchema,
    async load({ store, meta, logger, parseData }) {
      const file = options.recordsFile;
      if (!existsSync(file))
        throw Object.assign(
          new Error(
            `${file}: no records. Build with \`npm run build\` (or \`npm run dev\`), which prepares them first.`,
          ),
          { stack: '' },
        );
      // The file is replaced by rename whenever it changes: its time and size say whether it did.
      const { mtimeMs, size } = statSync(file);
      const stamp = `${mtimeMs}:${size}`;
      if (meta.get(LAST) === stamp && store.keys().length > 0) {
        logger.info(`${store.keys().length} papers (records unchanged since the last build)`);
        return;
      }
      meta.delete(LAST);
      const seen = new Set<string>();
      let written = 0;
      for (const entry of readEntries(file)) {
        seen.add(entry.slug);
        // The input digest covers the paper and its position; the content digest its rendering.
        const digest = `${entry.inputDigest}:${entry.contentDigest}`;
        if (store.get(entry.slug)?.digest === digest) continue;
        const data = await parseData({ id: entry.slug, data: { ...entry } });
        store.set({ id: entry.slug, data, digest });
        written += 1;
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      meta.set(LAST, stamp);
      logger.info(`${seen.size} papers (${written} stored, ${seen.size - written} unchanged)`);
    },
  };
}
