/**
 * The site's search index: the collection's documents (plain title and
 * abstract, authors and who they are, date, topics) in list order, and the
 * site's authors (name, page, papers, the keys of their spellings), built by
 * the search engine (src/lib/search) with a cache on disk keyed by a digest
 * of those documents and of the code that indexes them, so an unchanged list
 * reuses its index. The build pipeline builds it on its
 * pool, right after the topic model; in development the search endpoint
 * reads (or builds) it through the collection model.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { writeFileAtomic } from './atomic-write.ts';
import type { SiteAuthorsData } from './authors/site.ts';
import { authorKey } from './search/author-keys.ts';
import {
  buildSearchIndex,
  type BuiltSearchIndex,
  type SearchAuthor,
  type SearchDoc,
} from './search/index.ts';
import { FORMAT_VERSION } from './search/format.ts';
import { listCacheFile } from './list-cache.ts';
import { config } from './site.ts';
import { recordStage } from './stages.ts';

export interface SearchPaper {
  slug: string;
  plainTitle: string;
  plainAbstract: string;
  authors: string[];
  date?: string | undefined;
}

/**
 * The documents of `papers` (in list order: a document's id is its position);
 * `people[i]`, who the authors of paper `i` are (site author ids).
 */
export function searchDocs(
  papers: readonly SearchPaper[],
  topicsOf: (slug: string) => string[],
  people: readonly (readonly number[])[] = [],
): SearchDoc[] {
  return papers.map((p, id) => ({
    id,
    slug: p.slug,
    title: p.plainTitle,
    abstract: p.plainAbstract,
    authors: p.authors,
    ...(people[id] ? { people: [...(people[id] as number[])] } : {}),
    ...(p.date ? { date: p.date } : {}),
    topics: topicsOf(p.slug),
  }));
}

/** The site's authors as the search index knows them (their ids are `data.authors`' indices). */
export function searchAuthors(data: Pick<SiteAuthorsData, 'authors'>): SearchAuthor[] {
  return data.authors.map((a) => ({
    name: a.name,
    slug: a.slug,
    count: a.count,
    keys: [authorKey(a.name), ...(a.aliases ?? [])],
  }));
}

/** Where the search index cache of a list lives (one per permalink registry, i.e. per list). */
export function searchCacheFile(cacheDir: string, registryFile: string): string {
  return listCacheFile(cacheDir, 'search', registryFile, 'jsonl');
}

/**
 * The code that turns documents into index files (the engine's build side
 * and the text analyser): a change to how words are cut, stemmed or joined
 * rebuilds the index without anyone having to bump FORMAT_VERSION. Read from
 * the project's sources (paths from the working directory, the project's
 * root in every build), as the records' code digest is.
 */
const INDEX_CODE_GLOBS = [
  'src/lib/search/build.ts',
  'src/lib/search/build/*.ts',
  'src/lib/search/format.ts',
  'src/lib/search/tokenize.ts',
  'src/lib/text/**/*.ts',
];

/** The files of that code (for tests). */
export function indexCodeFiles(): string[] {
  return globSync(INDEX_CODE_GLOBS, { cwd: process.cwd() }).sort();
}

let indexCode: string | undefined;
function indexCodeDigest(): string {
  if (indexCode === undefined) {
    const hash = createHash('sha256');
    for (const name of indexCodeFiles()) hash.update(`${name}\n${readFileSync(name, 'utf8')}\n`);
    indexCode = hash.digest('hex');
  }
  return indexCode;
}

/** Digest of everything the index depends on: the engine's format and code, every document and author. */
export function searchDocsKey(
  docs: readonly SearchDoc[],
  authors: readonly SearchAuthor[] = [],
): string {
  const hash = createHash('sha256').update(`${FORMAT_VERSION}\n${indexCodeDigest()}\n`);
  for (const d of docs) hash.update(`${JSON.stringify(d)}\n`);
  for (const a of authors) hash.update(`${JSON.stringify(a)}\n`);
  return hash.digest('hex');
}

// One JSON line per index file after a header line: the index at 75,000
// papers is too large for a single JSON string to be safe.
/** The cached index in `file` and the key it was built for; throws when the file is damaged. */
export function readSearchCache(file: string): { key: string; index: BuiltSearchIndex } {
  const lines = readFileSync(file, 'utf8').split('\n');
  const header = JSON.parse(lines[0] ?? '') as { key: string; stats: BuiltSearchIndex['stats'] };
  const files = lines
    .slice(1)
    .filter((l) => l !== '')
    .map((l) => {
      const [p, body] = JSON.parse(l) as [string, string];
      return { path: p, body };
    });
  return { key: header.key, index: { files, stats: header.stats } };
}

/**
 * The header line of a cached index alone: after an edit the key differs,
 * and parsing the whole file first cost ~6 s at 74,728 papers.
 */
export function readSearchCacheKey(file: string): string | undefined {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      const end = chunk.subarray(0, n).indexOf(10);
      chunks.push(chunk.subarray(0, end === -1 ? n : end));
      if (end !== -1 || n === 0) break;
    }
    return (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { key?: string }).key;
  } finally {
    closeSync(fd);
  }
}

function read(file: string, key: string): BuiltSearchIndex | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return readSearchCacheKey(file) === key ? readSearchCache(file).index : undefined;
  } catch {
    return undefined; // A damaged cache only costs building again.
  }
}

function write(file: string, key: string, index: BuiltSearchIndex): void {
  // Line by line: joining the lines first made three more copies of the
  // index (~250 MB each at 74,728 papers) at the moment of the build's memory peak.
  writeFileAtomic(file, (fd) => {
    writeSync(fd, `${JSON.stringify({ key, stats: index.stats })}\n`);
    for (const f of index.files) writeSync(fd, `${JSON.stringify([f.path, f.body])}\n`);
  });
}

/** The index of `docs`, from the cache when the documents are unchanged; `built` says which. */
export function buildSearchCached(
  docs: readonly SearchDoc[],
  file: string,
  authors: readonly SearchAuthor[] = [],
): { index: BuiltSearchIndex; built: boolean } {
  const key = searchDocsKey(docs, authors);
  const hit = read(file, key);
  if (hit) return { index: hit, built: false };
  const index = buildSearchIndex(docs, {}, authors);
  write(file, key, index);
  return { index, built: true };
}

/**
 * The site's index, for the search endpoint in development (a build stages
 * the files from the pipeline instead): read from its cache, or built.
 */
export async function siteSearchIndex(
  papers: readonly SearchPaper[],
  topicsOf: (slug: string) => string[],
  authors: Pick<SiteAuthorsData, 'authors' | 'byPaper'>,
): Promise<BuiltSearchIndex> {
  const file = searchCacheFile(config.cacheDir, config.permalinks);
  const started = performance.now();
  const { index, built } = buildSearchCached(
    searchDocs(papers, topicsOf, authors.byPaper),
    file,
    searchAuthors(authors),
  );
  recordStage(
    built ? 'search index' : 'search index: read from the cache',
    performance.now() - started,
    `${index.files.length} files`,
  );
  return index;
}
