/**
 * The build pipeline: one module owns every stage of `npm run build`, their
 * timings and their errors.
 *
 *   parse the list → permalinks → text (records) → author identity ─┐
 *                 └→ related + map, topics (pool) ───────────────────┴→
 *   topic and author permalinks → search index (pool) → astro's pages →
 *   twins + /abs/ + author feeds and BibTeX (pool), beside Astro's pages →
 *   link → registry
 *
 * Below SEARCH_BEFORE_PAGES papers the search index too is built beside
 * Astro's pages rather than before them.
 *
 * Astro's process starts as soon as the records exist: its content sync
 * and bundling run beside the later stages, and it renders no page before
 * the pipeline says they are done (gate.ts).
 *
 * Astro's content loader then only loads the records this wrote, and the
 * collection model only reads the caches the stages left: nothing waits
 * on files, and a stage that fails fails the build with its own message.
 * The registry is read once, at the start, and committed once, after Astro
 * succeeded.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config, RESERVED_TOPIC_SLUGS } from '../../config.ts';
import { writeFileAtomic } from '../atomic-write.ts';
import { AuthorsFileError } from '../authors/file.ts';
import { SettingError } from '../authors/pages.ts';
import { plainTextOf } from '../content/compact.ts';
import { contentDigestOf } from '../content/digest.ts';
import { filesDigest } from '../content/list-digest.ts';
import { expandPaperPaths, formatWarning, PaperListError, readPapers } from '../ingest/index.ts';
import { toPlainText } from '../ingest/latex.ts';
import { listCacheFile } from '../list-cache.ts';
import { releaseMemory } from '../memory.ts';
import type { SluggedPaper } from '../paper.ts';
import { AuthorSlugError } from '../permalinks/authors.ts';
import { redirectRules } from '../permalinks/redirects.ts';
import {
  DroppedPermalinksError,
  parseRetire,
  resolvePermalinks,
  resolveTopicPermalinks,
  serialiseRegistry,
  type Registry,
} from '../permalinks/registry.ts';
import { pendingRegistryPath, readRegistryFile, writeRegistryFile } from '../permalinks/state.ts';
import { createUrls } from '../permalinks/urls.ts';
import { relatedCacheFile } from '../related/cached.ts';
import { searchAuthors, searchCacheFile, searchDocs } from '../site-search.ts';
import { linkStaged, stagingDir } from '../staging.ts';
import { topicsCacheFile } from '../topics/cached.ts';
import { publicPaper } from '../twins.ts';
import { startAstro, type AstroChild } from './astro.ts';
import { authorIdentity, authorPages } from './authors.ts';
import { createPool } from './pool.ts';
import { deriveRecords, readRecords } from './records.ts';
import { codeKey, recordsKey } from './records-key.ts';
import { Stages, StageError } from './stages.ts';

export { StageError };

/**
 * From this many papers Astro's pages wait for the search index, so that the
 * two memory peaks do not meet; below it the index is built beside them.
 */
const SEARCH_BEFORE_PAGES = 25_000;

export interface PipelineOptions {
  /** Where Astro writes the site (a temporary folder the caller swaps in). */
  out: string;
  /** Stop before Astro (for `astro dev`, which reads what the stages leave). */
  prepareOnly?: boolean;
  /** Astro's stage timings (the collection model's) are appended here. */
  stagesFile?: string;
  log?: (line: string) => void;
}

/** Recognised by the caller: the message is the whole story, no stack. */
export class ListError extends Error {
  override readonly name = 'ListError';
}

/** Runs `fn`, turning the errors a person fixes in their list into ListErrors. */
function asListError<T>(fn: () => T): T {
  const wrap = (error: unknown): never => {
    if (error instanceof PaperListError)
      throw new ListError(`Cannot read the paper list.\n${error.message}`);
    if (error instanceof DroppedPermalinksError || error instanceof SettingError)
      throw new ListError(error.message);
    if (error instanceof AuthorsFileError || error instanceof AuthorSlugError)
      throw new ListError(`Cannot use the authors file.\n${error.message}`);
    throw error;
  };
  try {
    const result = fn();
    return result instanceof Promise ? (result.catch(wrap) as T) : result;
  } catch (error) {
    return wrap(error);
  }
}

function curatedTopics(): { text: string; file: string } | undefined {
  const file = config.topics;
  if (!file) return undefined;
  if (!existsSync(file)) {
    if (process.env.TOPICS) throw new ListError(`${file}: no such topics file (named by TOPICS)`);
    return undefined;
  }
  return { text: readFileSync(file, 'utf8'), file };
}

export async function runPipeline(options: PipelineOptions): Promise<Stages> {
  const log = options.log ?? ((line: string) => console.log(line));
  const stages = new Stages();
  const { cacheDir, permalinks: registryFile } = config;
  const pool = createPool();
  let astro: AstroChild | undefined;
  let astroFailed: (error: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (astroFailed = reject));
  failed.catch(() => undefined);
  // Astro starts once the records exist: its start-up runs beside the other stages.
  const onRecords = options.prepareOnly
    ? undefined
    : (papers: number) => {
        astro = startAstro(options.out, options.stagesFile, papers);
        astro.done.catch(astroFailed);
      };
  try {
    // What the stages before Astro hold (papers, records, topics) is theirs
    // alone: only the registry and the staged task outlive them.
    // An Astro that fails while they run fails the build at once.
    const { registry, staged } = await Promise.race([
      prepare(stages, pool, log, onRecords),
      failed,
    ]);
    if (options.prepareOnly || !astro) {
      await staged;
      return stages;
    }
    const child = astro;
    // The stages' heaps are garbage now; unmapped, their pages are Astro's to use.
    releaseMemoryStage(stages, "before Astro's pages");
    child.release();
    const startup = await child.waiting;
    if (startup !== undefined)
      stages.record('astro build: start-up (content sync, bundling), beside the stages', startup);
    await Promise.all([
      stages.runAsync('astro build: pages, endpoints, writing', () => child.done),
      staged,
    ]);
    stages.run('link the staged files into the site', () => {
      linkStaged(stagingDir(cacheDir, registryFile, 'search'), options.out);
      linkStaged(stagingDir(cacheDir, registryFile), options.out);
    });
    writeRedirects(registry, options.out);
    if (writeRegistryFile(registryFile, registry)) log(`updated ${registryFile}`);
    return stages;
  } catch (error) {
    // Nothing half-written: Astro must have stopped before the caller removes its folder.
    await astro?.stop();
    throw error;
  } finally {
    await pool.close();
  }
}

/** The stages before Astro: parse, permalinks, text, related, topics; the staged files started. */
async function prepare(
  stages: Stages,
  pool: ReturnType<typeof createPool>,
  log: (line: string) => void,
  onRecords: ((papers: number) => void) | undefined,
): Promise<{ registry: Registry; staged: Promise<unknown> }> {
  const { cacheDir, permalinks: registryFile } = config;
  const keyFile = listCacheFile(cacheDir, 'records', registryFile, 'key');
  const files = stages.run('parse the list: files', () =>
    asListError(() => expandPaperPaths(config.papers, '.')),
  );
  const published = stages.run('permalinks: read the registry', () =>
    readRegistryFile(registryFile),
  );
  const retire = process.env.RETIRE ?? '';
  const read = filesDigest(files);
  const key = (registry: Registry) => recordsKey(read, registry, retire);
  const lastKey = existsSync(keyFile) ? readFileSync(keyFile, 'utf8') : undefined;
  const unchanged = lastKey !== undefined && lastKey === key(published);

  let papers: SluggedPaper[] | undefined;
  let registry = published;
  if (!unchanged) {
    const parsed = await stages.runAsync(
      'parse the list',
      () => asListError(() => readPapers(files)),
      (r) => `${r.papers.length} papers`,
    );
    const warnings = parsed.warnings.map(formatWarning);
    for (const w of warnings) log(`warning: ${w}`);
    const resolved = stages.run('permalinks', () =>
      asListError(() =>
        resolvePermalinks(parsed.papers, published, {
          retire: parseRetire(retire),
          registryFile,
        }),
      ),
    );
    for (const note of resolved.notes) log(note);
    registry = resolved.registry;
    // Fingerprints matter only to the registry.
    papers = resolved.papers.map(({ fingerprint: _, ...paper }) => paper);
  }

  // Related papers and topics need only the papers' text: they start before the records.
  // With each paper's content digest, which keys both stages' caches (a record's `contentDigest`).
  const textOf = (p: { slug: string; title: string; abstract: string }, digest: string) => ({
    slug: p.slug,
    title: p.title,
    abstract: p.abstract,
    digest,
  });
  const early = papers;
  const earlyDigests = early?.map(contentDigestOf);
  const relatedDone = early
    ? stages.background('related papers and map', () =>
        pool.run('related', {
          docs: early.map((p, i) => ({
            id: p.slug,
            title: plainTextOf(p.title, toPlainText),
            abstract: plainTextOf(p.abstract, toPlainText),
            digest: earlyDigests?.[i] ?? '',
          })),
          file: relatedCacheFile(cacheDir, registryFile),
        }),
      )
    : undefined;
  const curated = curatedTopics();
  // A topics file may still name a retitled paper by its old slug (the build log says so).
  const renamed = Object.entries(registry.papers).flatMap(([slug, entry]): [string, string][] =>
    entry.status === 'redirect' ? [[slug, entry.to]] : [],
  );
  const topicsTask = (list: { slug: string; title: string; abstract: string; digest: string }[]) =>
    stages.background('topics', () =>
      pool.run('topics', {
        papers: list,
        curated,
        reserved: RESERVED_TOPIC_SLUGS,
        file: topicsCacheFile(cacheDir, registryFile),
        renamed,
      }),
    );
  const topicsEarly = early
    ? topicsTask(early.map((p, i) => textOf(p, earlyDigests?.[i] ?? '')))
    : undefined;

  const records = early
    ? stages.run(
        'text: render titles and abstracts (KaTeX)',
        () => {
          const lastCode = existsSync(`${keyFile}.code`)
            ? readFileSync(`${keyFile}.code`, 'utf8')
            : '';
          return deriveRecords(early, { cacheDir, registryFile, reuse: lastCode === codeKey() });
        },
        (r) => `${r.rendered} rendered, ${r.records.length - r.rendered} reused`,
      ).records
    : stages.run('text: list unchanged, stored records kept', () =>
        readRecords(cacheDir, registryFile),
      );
  onRecords?.(records.length);
  const related =
    relatedDone ??
    stages.background('related papers and map', () =>
      pool.run('related', {
        docs: records.map((r) => ({
          id: r.slug,
          title: r.plainTitle,
          abstract: r.plainAbstract,
          digest: r.contentDigest,
        })),
        file: relatedCacheFile(cacheDir, registryFile),
      }),
    );
  // Author identity needs only the papers' author lists: it runs while the pool works.
  const identity = stages.run(
    'authors: identity',
    () => asListError(() => authorIdentity(records)),
    (r) => `${r.authors.length} authors, ${r.joined.length} initials joined`,
  );
  const topicsResult = await (topicsEarly ??
    topicsTask(records.map((r) => textOf(r, r.contentDigest))));
  if ('fileError' in topicsResult)
    throw new StageError(
      'topics',
      new ListError(`Cannot use the topics file.\n${topicsResult.fileError}`),
    );
  const topics = topicsResult.model;
  for (const w of topics.warnings) log(`[topics] ${w}`);

  // Topic permalinks join the paper permalinks; the model and the pages read this registry.
  registry = stages.run('permalinks: topics', () => ({
    ...registry,
    topics: resolveTopicPermalinks(topics.topics, { ...published.topics, ...registry.topics }),
  }));
  const authors = stages.run(
    'authors: pages and permalinks',
    () =>
      asListError(() =>
        authorPages(identity, {
          papers: records,
          registry: { ...registry, authors: published.authors },
          topicSizes: topics.topics.map((t) => t.papers.length),
          cacheDir,
          registryFile,
        }),
      ),
    (r) => `${r.paged.length} pages (authors with ${r.data.min}+ papers, rule: ${r.data.rule})`,
  );
  for (const note of authors.notes) log(note);
  registry = { ...registry, authors: authors.entries };
  writeFileAtomic(pendingRegistryPath(cacheDir, registryFile), serialiseRegistry(registry));

  const names = new Map(topics.topics.map((t) => [t.slug, t.name]));
  const topicsOf = Object.fromEntries(
    records.map((r) => [
      r.slug,
      (topics.byPaper.get(r.slug) ?? []).flatMap((a) => {
        const name = names.get(a.topic);
        return name === undefined ? [] : [{ slug: a.topic, name, reason: a.reason }];
      }),
    ]),
  );
  const searched = stages.background('search index', () =>
    pool.run('search', {
      dir: stagingDir(cacheDir, registryFile, 'search'),
      searchFile: searchCacheFile(cacheDir, registryFile),
      docs: searchDocs(
        records,
        (slug) => (topicsOf[slug] ?? []).map((t) => t.slug),
        authors.data.byPaper,
      ),
      authors: searchAuthors(authors.data),
    }),
  );
  const staged = stages.background(
    'paper twins (JSON), /abs/ redirects, author feeds and BibTeX',
    () =>
      pool.run('stage', {
        dir: stagingDir(cacheDir, registryFile),
        papers: records.map(publicPaper),
        topicsOf,
        registry,
        authors: authors.paged,
        authorEntries: authors.entries,
        siteTitle: config.title,
        basePath: config.basePath,
        siteUrl: config.siteUrl,
      }),
  );
  // The pages need related papers; the staged files and the search index
  // only the finished site. From SEARCH_BEFORE_PAGES papers Astro also waits
  // for the index: built beside Astro, its memory peak met Astro's (6.7 GB
  // at 74,728 papers); before it, the build costs the index's time alone
  // (~30 s there, ~4 s at 10,000 papers).
  const searchFirst = records.length >= SEARCH_BEFORE_PAGES;
  // This thread only waits from here: its garbage (the parsed list, the
  // search documents) would otherwise stay mapped beside the pool's peak.
  releaseMemoryStage(stages, 'while the pool works');
  await Promise.all([related, searchFirst ? searched : undefined]);
  const recordKey = key(registry);
  if (!unchanged && recordKey !== undefined) {
    writeFileAtomic(keyFile, recordKey);
    writeFileAtomic(`${keyFile}.code`, codeKey());
  }
  return { registry, staged: Promise.all([staged, searched]) };
}

/**
 * Hands the stages' freed pages back to the system once the process holds
 * over 1 GB (from ~30,000 papers): below that the collection costs more
 * than the memory is worth (0.4-1 s at 10,000 papers, for ~150 MB).
 */
function releaseMemoryStage(stages: Stages, when: string): void {
  if (process.memoryUsage.rss() < 2 ** 30) return;
  stages.run(
    `memory: hand freed pages back, ${when}`,
    releaseMemory,
    (r) => `${r.before} → ${r.after} MB resident`,
  );
}

/** `_redirects` for hosts that read one (Netlify, Cloudflare Pages); every redirect is also an HTML page. */
function writeRedirects(registry: Registry, out: string): void {
  const urls = createUrls(config.basePath, config.siteUrl);
  const lines = [
    '# Redirects for hosts that read this file (Netlify, Cloudflare Pages).',
    ...redirectRules(registry, urls).map((r) => `${r.from} ${r.to} 301`),
  ];
  writeFileSync(path.join(out, '_redirects'), `${lines.join('\n')}\n`);
}
