/**
 * The content loader behind the `papers` collection: reads the list with the
 * pure ingest modules, gives every paper its permanent slug, renders title and
 * abstract once (reusing the HTML of papers whose content did not change) and
 * keeps the store in step with the list.
 */
import type { Loader } from 'astro/loaders';
import type { SluggedPaper } from '../paper.ts';
import { formatWarning, PaperListError, readPapers } from '../ingest/index.ts';
import { toPlainText } from '../ingest/latex.ts';
import { assignSlugs, fingerprint } from '../ingest/slug.ts';
import { hasMath, renderAbstract, renderInline } from '../render/text.ts';
import { paperSchema, type StoredPaper } from './schema.ts';

export interface PaperLoaderOptions {
  /** The list files to read. */
  files: string[];
}

export function paperLoader(options: PaperLoaderOptions): Loader {
  return {
    name: 'paper-list',
    schema: paperSchema,
    async load({ store, logger, parseData, generateDigest }) {
      let read;
      try {
        read = await readPapers(options.files);
      } catch (error) {
        if (error instanceof PaperListError) {
          // A short message without a stack: the file, line and fix are all the user needs.
          throw Object.assign(new Error(`Cannot read the paper list.\n${error.message}`), {
            stack: '',
          });
        }
        throw error;
      }
      for (const w of read.warnings) logger.warn(formatWarning(w));

      const papers: SluggedPaper[] = assignSlugs(read.papers);
      const seen = new Set<string>();
      let rendered = 0;
      for (const [index, paper] of papers.entries()) {
        const { slug } = paper;
        seen.add(slug);
        const contentDigest = generateDigest({ title: paper.title, abstract: paper.abstract });
        const previous = store.get<StoredPaper>(slug)?.data;
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
        const data = await parseData({ id: slug, data: record });
        store.set({ id: slug, data, digest: generateDigest(data) });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(
        `${papers.length} papers from ${options.files.join(', ')} (${rendered} rendered, ${papers.length - rendered} reused)`,
      );
    },
  };
}
