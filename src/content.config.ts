/**
 * Content collections. `papers` holds the records the build pipeline made
 * from the paper list named by `PAPERS` (the bundled list by default).
 */
import { defineCollection } from 'astro:content';
import { config } from './config.ts';
import { paperLoader } from './lib/content/paper-loader.ts';
import { recordsFile } from './lib/pipeline/records-file.ts';

const papers = defineCollection({
  loader: paperLoader({ recordsFile: recordsFile(config.cacheDir, config.permalinks) }),
});

export const collections = { papers };
