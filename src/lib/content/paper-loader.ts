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
import { startInBackground } from '../background/start.ts';
import { relatedCacheFile } from '../related/cached.ts';
import { searchCacheFile } from '../site-search.ts';
import { topicsCacheFile } from '../topics/cached.ts';
import { twinsStagingDir, type TwinPaper } from '../twins.ts';
import { recordStage } from '../stages.ts';
import { abstractsFile, readAbstracts, splitAbstract, writeAbstracts } from './abstracts.ts';
import type { AbstractFields } from './abstracts.ts';
import { compactRecord, expandRecord } from './compact.ts';
import { storedEntrySchema, type StoredEntry, type StoredPaper } from './schema.ts';

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

/**
 * Part of each paper's input digest: bump it when the stored record's shape
 * or derivation changes, so that entries stored by older code are rebuilt.
 */
const RECORD_VERSION = 1;

/** An error whose message is the whole story: Astro prints no stack for it. */
function plainError(message: string): Error {
  return Object.assign(new Error(message), { stack: '' });
}

export function paperLoader(options: PaperLoaderOptions): Loader {
  return {
    name: 'paper-list',
    schema: storedEntrySchema,
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
      const textsFile = abstractsFile(options.cacheDir, options.registryFile);
      let previousTexts: Map<string, AbstractFields>;
      try {
        previousTexts = readAbstracts(textsFile);
      } catch {
        previousTexts = new Map(); // A damaged file only costs rendering again.
      }
      const texts = new Map<string, AbstractFields>();
      const seen = new Set<string>();
      const related: { id: string; title: string; abstract: string; digest: string }[] = [];
      const publicPapers: TwinPaper[] = [];
      let rendered = 0;
      for (const [index, paper] of papers.entries()) {
        const { slug } = paper;
        seen.add(slug);
        const inputDigest = generateDigest({ v: RECORD_VERSION, index, paper });
        const stored = store.get<StoredEntry>(slug)?.data;
        const storedText = stored && previousTexts.get(stored.contentDigest);
        const previous =
          stored && storedText ? expandRecord({ ...stored, ...storedText }) : undefined;
        let record: StoredPaper;
        if (previous && storedText && previous.inputDigest === inputDigest) {
          // An unchanged paper: its stored entry stands, unvalidated and unwritten.
          record = previous;
          texts.set(previous.contentDigest, storedText);
        } else {
          const contentDigest = generateDigest({ title: paper.title, abstract: paper.abstract });
          const reuse = previous?.contentDigest === contentDigest ? previous : undefined;
          if (!reuse) rendered += 1;
          record = {
            ...paper,
            index,
            plainTitle: toPlainText(paper.title),
            plainAbstract: toPlainText(paper.abstract),
            titleHtml: reuse?.titleHtml ?? renderInline(paper.title),
            abstractHtml: reuse?.abstractHtml ?? renderAbstract(paper.abstract),
            hasMath: hasMath(paper.title) || hasMath(paper.abstract),
            contentDigest,
            inputDigest,
            fingerprint: fingerprint(paper),
          };
          const { rest, fields } = splitAbstract(compactRecord(record));
          const data = await parseData({ id: slug, data: rest });
          store.set({ id: slug, data, digest: generateDigest(data) });
          texts.set(contentDigest, fields);
        }
        related.push({
          id: slug,
          title: record.plainTitle,
          abstract: record.plainAbstract,
          digest: record.contentDigest,
        });
        publicPapers.push({
          slug,
          title: record.title,
          plainTitle: record.plainTitle,
          abstract: record.abstract,
          plainAbstract: record.plainAbstract,
          authors: record.authors,
          date: record.date,
          arxiv: record.arxiv,
          arxivVersion: record.arxivVersion,
          doi: record.doi,
          code: record.code,
          url: record.url,
          links: record.links,
          categories: record.categories,
          upvotes: record.upvotes,
        });
      }
      writeAbstracts(textsFile, texts);
      // Related papers, the map, topics and the search index take the longest: start them now, on the second core.
      const topicsFile =
        options.topicsFile && existsSync(options.topicsFile) ? options.topicsFile : undefined;
      startInBackground({
        related: { docs: related, file: relatedCacheFile(options.cacheDir, options.registryFile) },
        topics: {
          papers: papers.map((p) => ({ slug: p.slug, title: p.title, abstract: p.abstract })),
          curated: topicsFile
            ? { text: readFileSync(topicsFile, 'utf8'), file: topicsFile }
            : undefined,
          reserved: options.reservedTopicSlugs,
          file: topicsCacheFile(options.cacheDir, options.registryFile),
        },
        search: {
          papers: publicPapers,
          file: searchCacheFile(options.cacheDir, options.registryFile),
        },
        twins: { dir: twinsStagingDir(options.cacheDir, options.registryFile) },
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
