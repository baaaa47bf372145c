/**
 * The content loader behind the `papers` collection: reads the list with the
 * pure ingest modules, gives every paper its permanent slug, renders title and
 * abstract once (reusing the HTML of papers whose content did not change) and
 * keeps the store in step with the list.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Loader } from 'astro/loaders';
import type { SluggedPaper } from '../paper.ts';
import { formatWarning, PaperListError, readPapers } from '../ingest/index.ts';
import { toPlainText } from '../ingest/latex.ts';
import { fingerprint } from '../ingest/slug.ts';
import { DroppedPermalinksError, parseRetire, resolvePermalinks } from '../permalinks/registry.ts';
import { pendingRegistryPath, readRegistryFile, writeRegistryFile } from '../permalinks/state.ts';
import { hasMath, renderAbstract, renderInline } from '../render/text.ts';
import { startInBackground } from '../related/background.ts';
import { relatedCacheFile } from '../related/cached.ts';
import { topicsCacheFile } from '../topics/cached.ts';
import { recordStage } from '../stages.ts';
import { compactRecord, expandRecord } from './compact.ts';
import { paperSchema, type StoredPaper } from './schema.ts';

export interface PaperLoaderOptions {
  /** The list files to read (resolved when the loader runs, so a bad glob is a load error). */
  files: () => string[];
  /** The committed registry of published permalinks. */
  registryFile: string;
  /** Where the resolved registry waits for the build to succeed. */
  cacheDir: string;
  /** Slugs retired on purpose (`RETIRE`). */
  retire: string | undefined;
  /** The curated topics file, when there is one; and slugs topics may not take. */
  topicsFile: string | undefined;
  reservedTopicSlugs: string[];
}

/** An error whose message is the whole story: Astro prints no stack for it. */
function plainError(message: string): Error {
  return Object.assign(new Error(message), { stack: '' });
}

export function paperLoader(options: PaperLoaderOptions): Loader {
  return {
    name: 'paper-list',
    schema: paperSchema,
    async load({ store, logger, parseData, generateDigest }) {
      let read;
      let files: string[];
      try {
        files = options.files();
        const started = performance.now();
        read = await readPapers(files);
        recordStage(
          'read and parse the list',
          performance.now() - started,
          `${read.papers.length} papers`,
        );
      } catch (error) {
        if (error instanceof PaperListError)
          throw plainError(`Cannot read the paper list.\n${error.message}`);
        throw error;
      }
      for (const w of read.warnings) logger.warn(formatWarning(w));

      let papers: SluggedPaper[];
      try {
        const resolved = resolvePermalinks(read.papers, readRegistryFile(options.registryFile), {
          retire: parseRetire(options.retire),
          registryFile: options.registryFile,
        });
        papers = resolved.papers;
        for (const note of resolved.notes) logger.info(note);
        writeRegistryFile(
          pendingRegistryPath(options.cacheDir, options.registryFile),
          resolved.registry,
        );
      } catch (error) {
        if (error instanceof DroppedPermalinksError) throw plainError(error.message);
        throw error;
      }
      const renderStarted = performance.now();
      const seen = new Set<string>();
      const related: { id: string; title: string; abstract: string; digest: string }[] = [];
      let rendered = 0;
      for (const [index, paper] of papers.entries()) {
        const { slug } = paper;
        seen.add(slug);
        const contentDigest = generateDigest({ title: paper.title, abstract: paper.abstract });
        const stored = store.get<StoredPaper>(slug)?.data;
        const previous = stored ? expandRecord(stored) : undefined;
        const reuse = previous?.contentDigest === contentDigest ? previous : undefined;
        if (!reuse) rendered += 1;
        const record: StoredPaper = {
          ...paper,
          index,
          plainTitle: toPlainText(paper.title),
          plainAbstract: toPlainText(paper.abstract),
          titleHtml: reuse?.titleHtml ?? renderInline(paper.title),
          abstractHtml: reuse?.abstractHtml ?? renderAbstract(paper.abstract),
          hasMath: hasMath(paper.title) || hasMath(paper.abstract),
          contentDigest,
          fingerprint: fingerprint(paper),
        };
        const data = await parseData({ id: slug, data: compactRecord(record) });
        store.set({ id: slug, data, digest: generateDigest(data) });
        related.push({
          id: slug,
          title: record.plainTitle,
          abstract: record.plainAbstract,
          digest: contentDigest,
        });
      }
      // Related papers and the map take the longest: start them now, on the second core.
      const topicsFile =
        options.topicsFile && existsSync(options.topicsFile) ? options.topicsFile : undefined;
      startInBackground(related, relatedCacheFile(options.cacheDir, options.registryFile), {
        papers: papers.map((p) => ({ slug: p.slug, title: p.title, abstract: p.abstract })),
        curated: topicsFile
          ? { text: readFileSync(topicsFile, 'utf8'), file: topicsFile }
          : undefined,
        reserved: options.reservedTopicSlugs,
        file: topicsCacheFile(options.cacheDir, options.registryFile),
      });
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      recordStage(
        'render titles and abstracts (KaTeX), store',
        performance.now() - renderStarted,
        `${rendered} rendered, ${papers.length - rendered} reused`,
      );
      logger.info(
        `${papers.length} papers from ${files.join(', ')} (${rendered} rendered, ${papers.length - rendered} reused)`,
      );
    },
  };
}
