/**
 * The content loader behind the `papers` collection: reads the list with the
 * pure ingest modules, gives every paper its permanent slug, renders title and
 * abstract once (reusing the HTML of papers whose content did not change) and
 * keeps the store in step with the list. When nothing it depends on changed
 * (list-digest.ts), the stored records stand as they are.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { SluggedPaper } from '../paper.ts';
import { formatWarning, PaperListError, readPapers } from '../ingest/index.ts';
import { toPlainText } from '../ingest/latex.ts';
import {
  DroppedPermalinksError,
  parseRetire,
  resolvePermalinks,
  serialiseRegistry,
  type Registry,
} from '../permalinks/registry.ts';
import { pendingRegistryPath, readRegistryFile, writeRegistryFile } from '../permalinks/state.ts';
import { hasMath, renderAbstract, renderInline } from '../render/text.ts';
import { startInBackground, startRelatedFirst } from '../background/start.ts';
import { relatedCacheFile } from '../related/cached.ts';
import { searchCacheFile } from '../site-search.ts';
import { topicsCacheFile } from '../topics/cached.ts';
import { stagingDir } from '../staging.ts';
import type { TwinPaper } from '../twins.ts';
import { recordStage } from '../stages.ts';
import { abstractsFile, readAbstracts, splitAbstract, writeAbstracts } from './abstracts.ts';
import type { AbstractFields } from './abstracts.ts';
import { expandRecord, plainTextOf, storedTexts, type TextRenderer } from './compact.ts';
import { codeDigest, filesDigest, settingsDigest } from './list-digest.ts';
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

/** An error whose message is the whole story: Astro prints no stack for it. */
function plainError(message: string): Error {
  return Object.assign(new Error(message), { stack: '' });
}

/** What the last full load left for the next one to check (in the collection's meta store). */
interface LastLoad {
  digest: string;
  count: number;
  /** The list's warnings, printed again when the records are kept. */
  warnings: string[];
}

const LAST_LOAD = 'last-load';
/**
 * The `codeDigest` of the code that derived the stored records. Unlike
 * `last-load` it outlives a failed load: the records that load stored were
 * derived by the same code.
 */
const RECORDS_CODE = 'records-code';

/**
 * The part of a registry a load depends on: its papers. (Topics join it
 * later, in the collection model.) A successful build commits exactly the
 * papers its load resolved, so the next load of the same list matches.
 */
const registryPapers = (registry: Registry) => serialiseRegistry({ ...registry, topics: {} });

function readLastLoad(text: string | undefined): LastLoad | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as LastLoad;
  } catch {
    return undefined;
  }
}

/**
 * The stored records, in list order, when the list and everything else the
 * records depend on are as the last load left them; otherwise undefined.
 */
function unchangedRecords(
  options: PaperLoaderOptions,
  store: LoaderContext['store'],
  last: LastLoad | undefined,
  digest: string | undefined,
  published: Registry,
): StoredPaper[] | undefined {
  if (!last || digest === undefined || last.digest !== digest) return undefined;
  const entries = store.values();
  if (entries.length !== last.count) return undefined;
  let texts: Map<string, AbstractFields>;
  try {
    texts = readAbstracts(abstractsFile(options.cacheDir, options.registryFile));
  } catch {
    return undefined;
  }
  const records: StoredPaper[] = [];
  for (const entry of entries) {
    const stored = entry.data as unknown as StoredEntry;
    const text = texts.get(stored.contentDigest);
    if (!text) return undefined;
    records.push(expandRecord({ ...stored, ...text }));
  }
  // The digest matched, so the published registry holds the papers exactly as
  // the last load resolved them: resolving again would give it back.
  writeRegistryFile(pendingRegistryPath(options.cacheDir, options.registryFile), published);
  return records.sort((a, b) => a.index - b.index);
}

/** Reads the list, resolves permalinks, renders what changed and brings the store in step. */
async function loadChanged(
  options: PaperLoaderOptions,
  files: string[],
  { store, logger, parseData, generateDigest }: LoaderContext,
  /** The registry file, when it could be read (else it is read here, to report why not). */
  published: Registry | undefined,
  /**
   * Whether the stored records were derived by this very code. When not, none
   * is reused: a change to cleaning or rendering must reach every page.
   */
  sameCode: boolean,
): Promise<{
  records: StoredPaper[];
  rendered: number;
  warnings: string[];
  registry: Registry;
  /** How to start the rest of the background work, when related papers started already. */
  startRest: StartRest | undefined;
}> {
  let read;
  try {
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
  const warnings = read.warnings.map(formatWarning);
  for (const w of warnings) logger.warn(w);

  let papers: SluggedPaper[];
  let notes: string[];
  let registry: Registry;
  try {
    const previous = published ?? readRegistryFile(options.registryFile);
    const resolved = resolvePermalinks(read.papers, previous, {
      retire: parseRetire(options.retire),
      registryFile: options.registryFile,
    });
    // Fingerprints matter only to the registry: keeping them made the content store 12% larger.
    papers = resolved.papers.map(({ fingerprint: _, ...paper }) => paper);
    notes = resolved.notes;
    registry = resolved.registry;
    for (const note of notes) logger.info(note);
    writeRegistryFile(
      pendingRegistryPath(options.cacheDir, options.registryFile),
      resolved.registry,
    );
  } catch (error) {
    if (error instanceof DroppedPermalinksError) throw plainError(error.message);
    throw error;
  }
  const renderStarted = performance.now();
  // Related papers need only the papers' text and content digests: for a
  // large list their worker starts now, before the records are made.
  let digests: string[] | undefined;
  const startRest = startRelatedFirst(papers.length, () => {
    const made = papers.map((p) => generateDigest({ title: p.title, abstract: p.abstract }));
    digests = made;
    return {
      docs: papers.map((p, i) => ({
        id: p.slug,
        title: plainTextOf(p.title, toPlainText),
        abstract: plainTextOf(p.abstract, toPlainText),
        digest: made[i] as string,
      })),
      file: relatedCacheFile(options.cacheDir, options.registryFile),
    };
  });
  const textsFile = abstractsFile(options.cacheDir, options.registryFile);
  let previousTexts: Map<string, AbstractFields>;
  try {
    // Without a stored text no record is reused (the loop below), so this decides for all of them.
    previousTexts = sameCode ? readAbstracts(textsFile) : new Map();
  } catch {
    previousTexts = new Map(); // A damaged file only costs rendering again.
  }
  const texts = new Map<string, AbstractFields>();
  const seen = new Set<string>();
  const records: StoredPaper[] = [];
  let rendered = 0;
  for (const [index, paper] of papers.entries()) {
    const { slug } = paper;
    seen.add(slug);
    const inputDigest = generateDigest({ v: RECORD_VERSION, index, paper });
    const stored = store.get<StoredEntry>(slug)?.data;
    const storedText = stored && previousTexts.get(stored.contentDigest);
    const previous = stored && storedText ? expandRecord({ ...stored, ...storedText }) : undefined;
    let record: StoredPaper;
    if (previous && storedText && previous.inputDigest === inputDigest) {
      // An unchanged paper: its stored entry stands, unvalidated and unwritten.
      record = previous;
      texts.set(previous.contentDigest, storedText);
    } else {
      const contentDigest =
        digests?.[index] ?? generateDigest({ title: paper.title, abstract: paper.abstract });
      const reuse = previous?.contentDigest === contentDigest ? previous : undefined;
      if (!reuse) rendered += 1;
      // Stored compact (compact.ts): derivable fields empty, and never computed.
      const compact: StoredPaper = {
        ...paper,
        index,
        ...storedTexts(paper, reuse ? reusing(reuse) : RENDER),
        contentDigest,
        inputDigest,
      };
      record = expandRecord(compact);
      const { rest, fields } = splitAbstract(compact);
      const data = await parseData({ id: slug, data: rest });
      store.set({ id: slug, data, digest: generateDigest(data) });
      texts.set(contentDigest, fields);
    }
    records.push(record);
  }
  writeAbstracts(textsFile, texts);
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  recordStage(
    'render titles and abstracts (KaTeX), store',
    performance.now() - renderStarted,
    `${rendered} rendered, ${records.length - rendered} reused`,
  );
  return { records, rendered, warnings, registry, startRest };
}

/** What a paper page's twin and the search index publish of a record. */
function publicPaper(record: StoredPaper): TwinPaper {
  return {
    slug: record.slug,
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
  };
}

type StartRest = NonNullable<ReturnType<typeof startRelatedFirst>>;

/**
 * Related papers, the map, topics, the search index and twins take the
 * longest: start them now, on the second core (all but related papers, when
 * `startRest` says those started already).
 */
function startBackground(
  options: PaperLoaderOptions,
  records: readonly StoredPaper[],
  startRest?: StartRest,
): void {
  const topicsFile =
    options.topicsFile && existsSync(options.topicsFile) ? options.topicsFile : undefined;
  const rest: Parameters<StartRest>[0] = {
    topics: {
      curated: topicsFile
        ? { text: readFileSync(topicsFile, 'utf8'), file: topicsFile }
        : undefined,
      reserved: options.reservedTopicSlugs,
      file: topicsCacheFile(options.cacheDir, options.registryFile),
    },
    search: {
      papers: records.map(publicPaper),
      file: searchCacheFile(options.cacheDir, options.registryFile),
    },
    staged: {
      dir: stagingDir(options.cacheDir, options.registryFile),
      registryFile: pendingRegistryPath(options.cacheDir, options.registryFile),
    },
  };
  if (startRest) {
    startRest(rest);
    return;
  }
  startInBackground({
    related: {
      docs: records.map((r) => ({
        id: r.slug,
        title: r.plainTitle,
        abstract: r.plainAbstract,
        digest: r.contentDigest,
      })),
      file: relatedCacheFile(options.cacheDir, options.registryFile),
    },
    ...rest,
  });
}

export function paperLoader(options: PaperLoaderOptions): Loader {
  return {
    name: 'paper-list',
    schema: storedEntrySchema,
    async load(context) {
      const { store, logger, meta } = context;
      let files: string[];
      try {
        files = options.files();
      } catch (error) {
        if (error instanceof PaperListError)
          throw plainError(`Cannot read the paper list.\n${error.message}`);
        throw error;
      }
      const started = performance.now();
      // The files are read for their digest once: the registry part is known only after the load.
      const read = filesDigest(files);
      const digestWith = (registry: Registry) =>
        read === undefined
          ? undefined
          : settingsDigest(read, {
              v: RECORD_VERSION,
              registry: registryPapers(registry),
              retire: options.retire ?? null,
            });
      let published: Registry | undefined;
      try {
        published = readRegistryFile(options.registryFile);
      } catch {
        published = undefined; // A damaged registry: the full load reports it.
      }
      const last = readLastLoad(meta.get(LAST_LOAD));
      const kept =
        published && unchangedRecords(options, store, last, digestWith(published), published);
      if (kept && last) {
        // The list's warnings again; permalink notes were about the last build's changes.
        for (const w of last.warnings) logger.warn(w);
        startBackground(options, kept);
        recordStage(
          'list unchanged: stored records kept',
          performance.now() - started,
          `${kept.length} papers`,
        );
        logger.info(
          `${kept.length} papers from ${files.join(', ')} (unchanged since the last build: stored records kept)`,
        );
        return;
      }
      // Forget the last load until this one has finished.
      meta.delete(LAST_LOAD);
      const { records, rendered, warnings, registry, startRest } = await loadChanged(
        options,
        files,
        context,
        published,
        meta.get(RECORDS_CODE) === codeDigest,
      );
      meta.set(RECORDS_CODE, codeDigest);
      startBackground(options, records, startRest);
      // Keyed by the registry this build will publish, which the next load then reads.
      const digest = digestWith(registry);
      if (digest !== undefined)
        meta.set(
          LAST_LOAD,
          JSON.stringify({ digest, count: records.length, warnings } satisfies LastLoad),
        );
      logger.info(
        `${records.length} papers from ${files.join(', ')} (${rendered} rendered, ${records.length - rendered} reused)`,
      );
    },
  };
}
