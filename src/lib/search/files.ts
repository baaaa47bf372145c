/**
 * The client's index files: fetched lazily through the loader, parsed once,
 * and kept in a cache bounded by bytes (downloads and decoded postings
 * alike), so that a long search session holds a fixed amount of memory.
 */
import { ByteLru } from './cache.ts';
import {
  FORMAT_VERSION,
  decodeCode,
  impactOf,
  indexPath,
  shardOf,
  type DocRecord,
  type Manifest,
} from './format.ts';
import {
  decodePositions,
  lineFile,
  parseLexicon,
  parseShard,
  parseTopics,
  postingsOf,
  type Lexicon,
  type LineFile,
  type Postings,
  type Shard,
  type TermPositions,
  type TopicCodes,
} from './postings.ts';

/** Fetches an index file by its relative path (e.g. `t/3.k2x9qa.txt`); `manifest.json` must be fetched fresh. */
export type Loader = (path: string) => Promise<string>;

/** A term with the weight of its matches and its postings (null: not indexed). */
export interface WeightedTerm {
  term: string;
  weight: number;
  postings: Postings | null;
}

const DEFAULT_CACHE_BYTES = 48 * 1024 * 1024;

export class IndexFiles {
  private readonly load: Loader;
  private manifestP: Promise<Manifest> | undefined;
  /** Downloaded files (parsed) and decoded postings, by key, bounded by bytes. */
  private readonly cache: ByteLru<unknown>;
  private topicsP: Promise<TopicCodes> | undefined;
  private titleRankP: Promise<Uint32Array> | undefined;
  /** Impact level -> impact, for the manifest's k1 and resolution. */
  impactTable = new Float64Array(0);

  constructor(load: Loader, cacheBytes = DEFAULT_CACHE_BYTES) {
    this.load = load;
    this.cache = new ByteLru(cacheBytes);
  }

  /** Fetches the manifest (the only file every query needs). */
  manifest(): Promise<Manifest> {
    this.manifestP ??= this.load('manifest.json').then((text) => {
      const m = JSON.parse(text) as Manifest;
      if (m.version !== FORMAT_VERSION)
        throw new Error(`search index format ${m.version}, expected ${FORMAT_VERSION}`);
      this.impactTable = Float64Array.from({ length: m.resolution }, (_, s) =>
        impactOf(s, m.k1, m.resolution),
      );
      return m;
    });
    this.manifestP.catch(() => (this.manifestP = undefined));
    return this.manifestP;
  }

  /** Estimated bytes of index data held in memory (bounded by `cacheBytes`). */
  get cachedBytes(): number {
    return this.cache.size;
  }

  /** A file, parsed by `parse`, from the cache or the loader (`size`: its bytes once parsed). */
  private file<T>(
    path: string,
    parse: (text: string) => T,
    size: (text: string) => number,
  ): Promise<T> {
    const key = `f:${path}`;
    let p = this.cache.get(key) as Promise<T> | undefined;
    if (!p) {
      const loading = this.load(path).then((text) => {
        this.cache.resize(key, loading, size(text));
        return parse(text);
      });
      p = loading;
      this.cache.set(key, p, 0);
      // A failed download is forgotten, to be tried again.
      loading.catch(() => this.cache.delete(key));
    }
    return p;
  }

  /** A file's text, through the cache. */
  text(path: string): Promise<string> {
    return this.file(
      path,
      (text) => text,
      (text) => text.length * 2,
    );
  }

  /** A JSON file, parsed, through the cache. */
  json<T>(path: string): Promise<T> {
    return this.file(
      path,
      (text) => JSON.parse(text) as T,
      (text) => text.length * 3,
    );
  }

  private lineFile(path: string): Promise<LineFile> {
    return this.file(path, lineFile, (text) => text.length * 2 + text.length / 8);
  }

  /** Shard `i`: its FlexSearch export imported into an `Index` made with the build's options. */
  private shard(m: Manifest, i: number): Promise<Shard> {
    return this.file(
      indexPath(m, 't', i),
      (text) => parseShard(text, m.resolution),
      // Parsed arrays of numbers take several times the text.
      (text) => text.length * 4,
    );
  }

  /** Lexicon file `i`. */
  lexicon(m: Manifest, i: number): Promise<Lexicon> {
    return this.file(indexPath(m, 'l', i), parseLexicon, (text) => text.length * 6);
  }

  /** The lexicon file holding the words that start with `firstChar`. */
  lexiconFor(m: Manifest, firstChar: string): Promise<Lexicon> {
    return this.lexicon(m, shardOf(m.lexicon, firstChar));
  }

  private docChunk(m: Manifest, i: number): Promise<DocRecord[]> {
    return this.file(
      indexPath(m, 'd', i),
      (text) => JSON.parse(text) as DocRecord[],
      (text) => text.length * 3,
    );
  }

  /** Internal document `d`'s record. */
  async record(m: Manifest, d: number): Promise<DocRecord> {
    const chunk = await this.docChunk(m, Math.floor(d / m.docChunk));
    return chunk[d % m.docChunk] as DocRecord;
  }

  /** Topic codes of every document (for facet counts and the topic filter). */
  topics(m: Manifest): Promise<TopicCodes> {
    this.topicsP ??= (
      m.topics.length ? this.load(indexPath(m, 'topics')) : Promise.resolve('')
    ).then((text) => parseTopics(text, m.n, m.topics.length));
    this.topicsP.catch(() => (this.topicsP = undefined));
    return this.topicsP;
  }

  /** Title rank of every document (sorting by title). */
  titleRanks(m: Manifest): Promise<Uint32Array> {
    this.titleRankP ??= this.load(indexPath(m, 'title')).then((text) => {
      const r = new Uint32Array(m.n);
      for (let id = 0; id < m.n; id++)
        r[id] = decodeCode(text, id * m.titleRankWidth, m.titleRankWidth);
      return r;
    });
    this.titleRankP.catch(() => (this.titleRankP = undefined));
    return this.titleRankP;
  }

  /** Postings of `term` (null when it is not indexed), decoded once and cached. */
  async postings(m: Manifest, term: string): Promise<Postings | null> {
    const key = `t:${term}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit as Postings | null;
    const shard = await this.shard(m, shardOf(m.shards, term));
    const again = this.cache.get(key);
    if (again !== undefined) return again as Postings | null;
    const p = postingsOf(shard, term, m.n);
    this.cache.set(key, p, p ? p.ids.length * 5 + 64 : 64);
    return p;
  }

  async weighted(m: Manifest, term: string, weight: number): Promise<WeightedTerm> {
    return { term, weight, postings: await this.postings(m, term) };
  }

  /** Positions of `term`, aligned with its postings (null: none stored). */
  async positionsOf(
    m: Manifest,
    term: string,
    postings: Postings | null,
  ): Promise<TermPositions | null> {
    if (!postings || m.positions.length === 0) return null;
    const key = `p:${term}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit as TermPositions | null;
    const file = await this.lineFile(indexPath(m, 'p', shardOf(m.positions, term)));
    const tp = decodePositions(file, term, postings.ids.length);
    this.cache.set(key, tp, tp ? tp.pos.length * 4 + tp.start.length * 4 + 64 : 64);
    return tp;
  }
}
