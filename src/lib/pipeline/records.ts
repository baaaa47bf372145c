/**
 * The "text" stage: each paper's stored record (slug, cleaned and plain text,
 * title and abstract rendered with KaTeX once). A paper whose content is
 * unchanged since the last build reuses what was rendered then. Records are
 * kept in two files per list: the entries Astro's content store holds
 * (records.jsonl, read by the content loader) and the abstracts beside them
 * (abstracts.ts, read by the collection model).
 */
import { writeFileAtomic } from '../atomic-write.ts';
import {
  abstractsFile,
  readAbstracts,
  splitAbstract,
  writeAbstracts,
} from '../content/abstracts.ts';
import type { AbstractFields } from '../content/abstracts.ts';
import { expandRecord, storedTexts, type TextRenderer } from '../content/compact.ts';
import { contentDigestOf, digestOf } from '../content/digest.ts';
import type { StoredPaper } from '../content/schema.ts';
import { readEntries, recordsFile } from './records-file.ts';

export { readEntries, recordsFile };
import { toPlainText } from '../ingest/latex.ts';
import type { SluggedPaper } from '../paper.ts';
import { hasMath, renderAbstract, renderInline } from '../render/text.ts';

/** Bump when the stored record's shape or derivation changes. */
export const RECORD_VERSION = 2;

const RENDER: TextRenderer = {
  plain: toPlainText,
  inline: renderInline,
  paragraphs: renderAbstract,
  hasMath,
};

/** What `previous` rendered, for a paper whose title and abstract are the same as its. */
function reusing(previous: StoredPaper): TextRenderer {
  const isTitle = (clean: string) => clean === previous.title;
  return {
    plain: (clean) => (isTitle(clean) ? previous.plainTitle : previous.plainAbstract),
    inline: () => previous.titleHtml,
    paragraphs: () => previous.abstractHtml,
    hasMath,
  };
}

/** The records of the last build, joined with their abstracts; throws when the two files disagree. */
export function readRecords(cacheDir: string, registryFile: string): StoredPaper[] {
  const file = abstractsFile(cacheDir, registryFile);
  const texts = readAbstracts(file);
  return readEntries(recordsFile(cacheDir, registryFile)).map((entry) => {
    const text = texts.get(entry.contentDigest);
    if (!text) throw new Error(`${file}: no abstract for "${entry.slug}"`);
    return expandRecord({ ...entry, ...text });
  });
}

/** Previous records by slug, when they were derived by this very code (`sameCode`). */
function previousRecords(cacheDir: string, registryFile: string): Map<string, StoredPaper> {
  try {
    return new Map(readRecords(cacheDir, registryFile).map((r) => [r.slug, r]));
  } catch {
    return new Map(); // None, or damaged: everything is rendered again.
  }
}

/**
 * Derives every paper's record, reusing the last build's rendering for
 * unchanged content, and writes both files. `reuse: false` renders all
 * (the code that renders changed).
 */
export function deriveRecords(
  papers: readonly SluggedPaper[],
  options: { cacheDir: string; registryFile: string; reuse: boolean },
): { records: StoredPaper[]; rendered: number } {
  const previous = options.reuse
    ? previousRecords(options.cacheDir, options.registryFile)
    : new Map<string, StoredPaper>();
  const records: StoredPaper[] = [];
  const texts = new Map<string, AbstractFields>();
  const entries: string[] = [];
  let rendered = 0;
  for (const [index, paper] of papers.entries()) {
    const inputDigest = digestOf({ v: RECORD_VERSION, index, paper });
    const before = previous.get(paper.slug);
    let record: StoredPaper;
    if (before?.inputDigest === inputDigest) record = before;
    else {
      const contentDigest = contentDigestOf(paper);
      const reuse = before?.contentDigest === contentDigest ? before : undefined;
      if (!reuse) rendered += 1;
      // Stored compact (compact.ts): derivable fields empty.
      record = expandRecord({
        ...paper,
        index,
        ...storedTexts(paper, reuse ? reusing(reuse) : RENDER),
        contentDigest,
        inputDigest,
      });
    }
    records.push(record);
    // The compact form again: `expandRecord` only adds getters for the empty fields.
    const compact = Object.fromEntries(
      Object.entries(Object.getOwnPropertyDescriptors(record)).map(([k, d]) => [
        k,
        'value' in d ? d.value : '',
      ]),
    ) as unknown as StoredPaper;
    const { rest, fields } = splitAbstract(compact);
    texts.set(record.contentDigest, fields);
    entries.push(JSON.stringify(rest));
  }
  writeAbstracts(abstractsFile(options.cacheDir, options.registryFile), texts);
  writeFileAtomic(
    recordsFile(options.cacheDir, options.registryFile),
    entries.length ? `${entries.join('\n')}\n` : '',
  );
  return { records, rendered };
}
