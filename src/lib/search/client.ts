/**
 * Query side, used unchanged by the browser, the evaluation tool and the
 * benchmark. It fetches index files lazily through a loader callback, keeps
 * them in a cache bounded by bytes, and answers queries:
 *
 * 1. The query is parsed (`query.ts`) into clauses; each clause becomes sets
 *    of weighted index terms: the stem of each word, completions of the word
 *    being typed (from the lexicon), typo corrections of unknown words of 5+
 *    letters, the glued and the split forms of joined words, the word pairs
 *    of a quoted phrase.
 * 2. A term's postings come from FlexSearch: its shard's export is
 *    imported into a FlexSearch `Index` (once per shard), and
 *    `search(term, {resolve: false})` hands over the term's documents by
 *    score slot, i.e. by impact level; they are merged into document order
 *    and cached. The score of a document is the sum over clauses of the
 *    best `weight x idf x impact` of the clause's terms (BM25F).
 * 3. Matching: a document matches with any clause; queries of up to four
 *    clauses rank documents by how many clauses they have, then by score,
 *    and a word found exactly as typed (the shard's forms line tells a
 *    stem's forms apart) adds its idf once more. Quoted phrases are always
 *    required: answered by the postings of their word pairs when those are
 *    indexed, else checked in the records of the few documents with all
 *    their words, or with word positions; `-word` removes documents. While
 *    typing, the last word is also a prefix: its completions join it, and an
 *    unknown start of 5+ letters is corrected against the starts of words.
 * 4. Filters, facet counts over all matches, sorting, then the records of
 *    the page of hits are fetched and snippets cut.
 *
 * No DOM and no Node built-ins here.
 */
import { Index } from 'flexsearch';
import { ByteLru } from './cache.ts';
import { boundedDistance, boundedPrefixDistance, maxEdits } from './fuzzy.ts';
import {
  DIGIT_VALUE,
  FIELD_GAP,
  FORMAT_VERSION,
  FORMS_KEY,
  TEXT_CHECKS,
  codeWidth,
  decodeCode,
  formOf,
  idf,
  impactOf,
  pairEntry,
  shardIndexOptions,
  shardOf,
  type DocRecord,
  type Manifest,
} from './format.ts';
import { hitText } from './highlight.ts';
import { parseQuery, type Clause } from './query.ts';
import { isStopword, scan, termOf, type TokenSink } from './tokenize.ts';
import type { Hit, SearchQueryOptions, SearchResult } from './types.ts';

/** Fetches an index file by its relative path (e.g. `t/3.txt`). */
export type Loader = (path: string) => Promise<string>;

export interface SearchClientOptions {
  /**
   * Bytes of index data (downloaded files and decoded postings) kept in
   * memory; the least recently used are dropped past it. Default 48 MB.
   */
  cacheBytes?: number;
}

/** A term's postings: document ids ascending, and impact levels. */
interface Postings {
  ids: Int32Array;
  levels: Uint8Array;
  /** The term's words (forms), most frequent first (absent: the term itself only). */
  forms?: string[];
  /** Per posting, which of `forms` the document has (bit i: forms[i]); absent: forms[0]. */
  masks?: Uint8Array;
}

/** A postings or positions file: its text and where each line starts. */
interface LineFile {
  text: string;
  starts: Int32Array;
}

/** A shard: its FlexSearch `Index`, imported, and our own forms line (by term: `forms[:masks]`). */
interface Shard {
  index: Index;
  forms: Map<string, string>;
}

interface Lexicon {
  words: string[];
  df: Int32Array;
}

interface WeightedTerm {
  term: string;
  weight: number;
  postings: Postings | null;
}

/** Terms of which a document needs at least one (the best one counts). */
type Group = WeightedTerm[];

interface Alternative {
  groups: Group[];
  /** Word offsets when the groups form a phrase to check (one term per group). */
  phrase?: number[];
  /** Positions of the phrase's terms (indexes with positions). */
  positions?: (TermPositions | null)[];
  /** Documents where the phrase was found in the text (indexes without positions). */
  verified?: Set<number>;
  /** All groups are needed (a phrase answered by its word pairs): no partial credit. */
  whole?: boolean;
}

interface PlannedClause {
  alternatives: Alternative[];
  /** A quoted phrase: required whatever the query length. */
  phrase: boolean;
  /** Terms to highlight, with their weight (times idf) for choosing the snippet. */
  marks: [string, number][];
  /** The phrase clause, to plan again word by word if no document has it. */
  source?: Clause;
  /** Words as typed, with the postings of their stems, for the exact-form bonus. */
  typed?: { word: string; postings: Postings | null }[];
}

/** Up to this many completions of the word being typed. */
const MAX_COMPLETIONS = 12;
/** Up to this many typo corrections of a word. */
const MAX_CORRECTIONS = 6;
const COMPLETION_WEIGHT = 0.6;
const CORRECTION_WEIGHT = [1, 0.55, 0.35];
/** Weight (times idf) of a query word found exactly as typed. */
const EXACT_BONUS = 1;
/** Queries of up to this many clauses rank documents by how many they satisfy, then by score. */
const TIERED_UP_TO = 4;

const DEFAULT_CACHE_BYTES = 48 * 1024 * 1024;

const utf16Compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function lowerBound(words: readonly string[], key: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The `k` ids with the highest key (ties: higher id first), best first. */
class TopK {
  readonly ids: number[] = [];
  private readonly keys: number[] = [];
  private readonly k: number;
  constructor(k: number) {
    this.k = k;
  }
  /** Adds `d` if it ranks; returns the smallest key that can still rank. */
  push(d: number, kd: number): number {
    const { ids, keys, k } = this;
    if (k <= 0) return Infinity;
    let j = ids.length;
    if (j === k) {
      const lastKey = keys[k - 1] as number;
      if (kd < lastKey || (kd === lastKey && d < (ids[k - 1] as number))) return lastKey;
      j = k - 1;
    } else {
      ids.push(d);
      keys.push(kd);
    }
    while (j > 0) {
      const pk = keys[j - 1] as number;
      if (pk > kd || (pk === kd && (ids[j - 1] as number) > d)) break;
      ids[j] = ids[j - 1] as number;
      keys[j] = pk;
      j--;
    }
    ids[j] = d;
    keys[j] = kd;
    return ids.length === k ? (keys[k - 1] as number) : -Infinity;
  }
}

/** Scratch arrays of collection size, reused by every query. */
interface Scratch {
  groupMax: Float64Array;
  altScore: Float64Array;
  altCount: Uint8Array;
  clauseScore: Float64Array;
  clauseSat: Uint8Array;
  total: Float64Array;
  satisfied: Uint16Array;
  phrases: Uint16Array;
  touched: Uint8Array;
  excluded: Uint8Array;
  yearIndex: Int16Array;
  groupStack: Int32Array;
  altStack: Int32Array;
  clauseStack: Int32Array;
  touchedList: Int32Array;
  touchedCount: number;
  excludedList: Int32Array;
  excludedCount: number;
}

export class SearchClient {
  private readonly load: Loader;
  private manifestP: Promise<Manifest> | undefined;
  /** Downloaded files (parsed) and decoded postings, by key, bounded by bytes. */
  private readonly cache: ByteLru<unknown>;
  private topicsP: Promise<{ start: Uint32Array; codes: Uint16Array }> | undefined;
  private titleRankP: Promise<Uint32Array> | undefined;
  // Completions and corrections by word: typing and deleting repeats them.
  private readonly completionCache = new Map<string, Promise<string[]>>();
  private readonly correctionCache = new Map<string, Promise<WeightedTerm[]>>();
  private impactTable = new Float64Array(0);
  // The scoring part of a query is synchronous, so queries never share these at once.
  private scratch: Scratch | undefined;

  constructor(load: Loader, options: SearchClientOptions = {}) {
    this.load = load;
    this.cache = new ByteLru(options.cacheBytes ?? DEFAULT_CACHE_BYTES);
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

  private lineFile(path: string): Promise<LineFile> {
    return this.file(path, lineFile, (text) => text.length * 2 + text.length / 8);
  }

  /** Shard `i`: its FlexSearch export imported into an `Index` made with the build's options. */
  private shard(m: Manifest, i: number): Promise<Shard> {
    return this.file(
      `t/${i}.txt`,
      (text) => {
        const index = new Index(shardIndexOptions(m.resolution));
        const forms = new Map<string, string>();
        for (const line of text ? text.split('\n') : []) {
          const tab = line.indexOf('\t');
          const key = line.slice(0, tab);
          if (key !== FORMS_KEY) {
            index.import(key, line.slice(tab + 1));
            continue;
          }
          for (const entry of line.slice(tab + 1).split(' ')) {
            const colon = entry.indexOf(':');
            forms.set(entry.slice(0, colon), entry.slice(colon + 1));
          }
        }
        return { index, forms };
      },
      // Parsed arrays of numbers take several times the text.
      (text) => text.length * 4,
    );
  }

  private lexicon(i: number): Promise<Lexicon> {
    return this.file(
      `l/${i}.txt`,
      (text) => {
        const lines = text ? text.split('\n') : [];
        const words: string[] = [];
        const df = new Int32Array(lines.length);
        lines.forEach((line, j) => {
          const sp = line.lastIndexOf(' ');
          words.push(line.slice(0, sp));
          df[j] = Number(line.slice(sp + 1));
        });
        return { words, df };
      },
      (text) => text.length * 6,
    );
  }

  private docChunk(i: number): Promise<DocRecord[]> {
    return this.file(
      `d/${i}.json`,
      (text) => JSON.parse(text) as DocRecord[],
      (text) => text.length * 3,
    );
  }

  private topics(m: Manifest): Promise<{ start: Uint32Array; codes: Uint16Array }> {
    this.topicsP ??= (m.topics.length ? this.load('topics.txt') : Promise.resolve('')).then(
      (text) => {
        const width = codeWidth(m.topics.length);
        const start = new Uint32Array(m.n + 1);
        let count = 0;
        for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 32) count++;
        const codes = new Uint16Array(count / width);
        let c = 0;
        let doc = 0;
        let i = 0;
        while (doc < m.n) {
          start[doc] = c;
          while (i < text.length && text.charCodeAt(i) !== 32) {
            codes[c++] = decodeCode(text, i, width);
            i += width;
          }
          i++;
          doc++;
        }
        start[m.n] = c;
        return { start, codes };
      },
    );
    this.topicsP.catch(() => (this.topicsP = undefined));
    return this.topicsP;
  }

  private titleRanks(m: Manifest): Promise<Uint32Array> {
    this.titleRankP ??= this.load('title.txt').then((text) => {
      const r = new Uint32Array(m.n);
      for (let id = 0; id < m.n; id++)
        r[id] = decodeCode(text, id * m.titleRankWidth, m.titleRankWidth);
      return r;
    });
    this.titleRankP.catch(() => (this.titleRankP = undefined));
    return this.titleRankP;
  }

  /** Postings of `term` (null when it is not indexed), decoded once and cached. */
  private async postings(m: Manifest, term: string): Promise<Postings | null> {
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

  private async weighted(m: Manifest, term: string, weight: number): Promise<WeightedTerm> {
    return { term, weight, postings: await this.postings(m, term) };
  }

  /** Positions of `term`, aligned with its postings (null: none stored). */
  private async positionsOf(
    m: Manifest,
    term: string,
    postings: Postings | null,
  ): Promise<TermPositions | null> {
    if (!postings || m.positions.length === 0) return null;
    const key = `p:${term}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit as TermPositions | null;
    const file = await this.lineFile(`p/${shardOf(m.positions, term)}.txt`);
    const tp = decodePositions(file, term, postings.ids.length);
    this.cache.set(key, tp, tp ? tp.pos.length * 4 + tp.start.length * 4 + 64 : 64);
    return tp;
  }

  private lexiconFor(m: Manifest, firstChar: string): Promise<Lexicon> {
    return this.lexicon(shardOf(m.lexicon, firstChar));
  }

  /** Completions of `prefix`: index terms of lexicon words starting with it, most frequent first. */
  private completions(m: Manifest, prefix: string): Promise<string[]> {
    return cached(this.completionCache, prefix, () => this.findCompletions(m, prefix));
  }

  private async findCompletions(m: Manifest, prefix: string): Promise<string[]> {
    const lex = await this.lexiconFor(m, prefix);
    const byTerm = new Map<string, number>();
    for (let i = lowerBound(lex.words, prefix); i < lex.words.length; i++) {
      const w = lex.words[i] as string;
      if (!w.startsWith(prefix)) break;
      const t = termOf(w);
      byTerm.set(t, Math.max(byTerm.get(t) ?? 0, lex.df[i] as number));
    }
    return [...byTerm]
      .sort((a, b) => b[1] - a[1] || utf16Compare(a[0], b[0]))
      .slice(0, MAX_COMPLETIONS)
      .map(([t]) => t);
  }

  /** Lexicon words within the typo budget of `word` (when `prefix`, words whose start is). */
  private corrections(
    m: Manifest,
    word: string,
    prefix: boolean,
    minDf: number,
  ): Promise<WeightedTerm[]> {
    return cached(this.correctionCache, `${word} ${prefix ? 1 : 0} ${minDf}`, () =>
      this.findCorrections(m, word, prefix, minDf),
    );
  }

  private async findCorrections(
    m: Manifest,
    word: string,
    prefix: boolean,
    minDf: number,
  ): Promise<WeightedTerm[]> {
    const max = maxEdits(word.length);
    if (max === 0) return [];
    const chars = [...new Set([word.slice(0, 1), word.slice(1, 2)])].filter(Boolean);
    const files = [...new Set(chars.map((c) => shardOf(m.lexicon, c)))];
    const lexicons = await Promise.all(files.map((f) => this.lexicon(f)));
    const found = new Map<string, { dist: number; df: number }>();
    for (const lex of lexicons) {
      for (let i = 0; i < lex.words.length; i++) {
        const w = lex.words[i] as string;
        const df = lex.df[i] as number;
        if (df < minDf) continue;
        let d: number;
        if (prefix) {
          if (w.length < word.length - max) continue;
          d = boundedPrefixDistance(word, w, max);
        } else {
          if (Math.abs(w.length - word.length) > max) continue;
          d = boundedDistance(word, w, max);
        }
        if (d === 0 || d > max) continue;
        const t = termOf(w);
        const old = found.get(t);
        if (!old || d < old.dist || (d === old.dist && df > old.df)) found.set(t, { dist: d, df });
      }
    }
    const best = [...found]
      .sort((a, b) => a[1].dist - b[1].dist || b[1].df - a[1].df || utf16Compare(a[0], b[0]))
      .slice(0, MAX_CORRECTIONS);
    return Promise.all(
      best.map(([term, { dist }]) => this.weighted(m, term, CORRECTION_WEIGHT[dist] ?? 0.3)),
    );
  }

  /**
   * Terms for one word, postings fetched: its stem, completions while it is
   * typed, and corrections when it is unknown (or, in a large collection,
   * suspiciously rare) and has 5+ letters. `exact` keeps the stem only
   * (plus completions while typed).
   */
  private async wordGroup(
    m: Manifest,
    word: string,
    prefix: boolean,
    exact: boolean,
  ): Promise<Group> {
    const stemmed = termOf(word);
    const completions = prefix ? await this.completions(m, word) : [];
    const group: Group = await Promise.all([
      this.weighted(m, stemmed, 1),
      ...completions
        .filter((t) => t !== stemmed)
        .map((t) => this.weighted(m, t, COMPLETION_WEIGHT)),
    ]);
    if (exact) return group;
    let df = 0;
    for (const g of group) df = Math.max(df, g.postings?.ids.length ?? 0);
    if (word.length >= 5 && !/\d/u.test(word) && (df === 0 || (m.n >= 5000 && df <= 3))) {
      const fixes = await this.corrections(m, word, prefix, df === 0 ? 1 : df * 10);
      for (const f of fixes) if (!group.some((g) => g.term === f.term)) group.push(f);
    }
    return group;
  }

  private async plan(m: Manifest, clause: Clause, negated: boolean): Promise<PlannedClause> {
    switch (clause.kind) {
      case 'word': {
        const group = await this.wordGroup(m, clause.word, clause.prefix, negated || clause.exact);
        return {
          alternatives: [{ groups: [group] }],
          phrase: false,
          marks: marksOf([group], m),
          typed: [{ word: clause.word, postings: (group[0] as WeightedTerm).postings }],
        };
      }
      case 'compound': {
        const joined = await this.wordGroup(m, clause.joined, clause.prefix && !negated, true);
        if (negated)
          return {
            alternatives: [{ groups: [joined] }],
            phrase: false,
            marks: marksOf([joined], m),
          };
        const parts = clause.parts.filter((p) => !isStopword(p));
        const groups = await Promise.all(
          // The last part is completed while typed, unless it is a single
          // letter (`top-k` is rarely the start of `top-kernel`).
          parts.map((p, i) =>
            this.wordGroup(m, p, clause.prefix && i === parts.length - 1 && p.length > 1, false),
          ),
        );
        const alternatives: Alternative[] = [{ groups: [joined] }];
        if (groups.length) alternatives.push({ groups });
        return {
          alternatives,
          phrase: false,
          marks: marksOf([joined, ...groups], m),
          typed: parts.map((word, i) => ({
            word,
            postings: (groups[i]?.[0] as WeightedTerm).postings,
          })),
        };
      }
      case 'phrase':
        return this.planPhrase(m, clause);
    }
  }

  /**
   * A quoted phrase: by the postings of its word pairs when every pair is
   * indexed (common phrases), else by its words and their positions.
   */
  private async planPhrase(
    m: Manifest,
    clause: Extract<Clause, { kind: 'phrase' }>,
  ): Promise<PlannedClause> {
    const terms = clause.words.map((w) => termOf(w.word));
    const offsets = clause.words.map((w) => w.offset);
    // Postings of the phrase's indexed pairs, to narrow the candidates below.
    const known: Postings[] = [];
    if (m.pairs) {
      const names: string[] = [];
      for (let i = 1; i < terms.length; i++) {
        const gap = (offsets[i] as number) - (offsets[i - 1] as number);
        if (gap <= m.pairMaxGap)
          names.push(pairEntry(terms[i - 1] as string, terms[i] as string, gap));
      }
      const pairs = await Promise.all(names.map((p) => this.weighted(m, p, 1)));
      if (names.length === terms.length - 1 && pairs.every((p) => p.postings)) {
        let best = 0;
        for (const p of pairs) best = Math.max(best, idf((p.postings as Postings).ids.length, m.n));
        return {
          alternatives: [{ groups: pairs.map((p) => [p]), whole: true }],
          phrase: true,
          marks: terms.map((t) => [t, best]),
          source: clause,
        };
      }
      for (const p of pairs) if (p.postings) known.push(p.postings);
    }
    // Some pair is not indexed (so the phrase is rare): its words, checked
    // in the records of the few documents that have them all, else with
    // the words' positions.
    const groups = await Promise.all(terms.map((t) => this.weighted(m, t, 1).then((w) => [w])));
    const alt: Alternative = { groups, phrase: offsets, whole: true };
    const lists = [...groups.map((g) => (g[0] as WeightedTerm).postings), ...known];
    const candidates = lists.every((p) => p) ? intersectIds(lists as Postings[]) : [];
    if (m.positions.length && candidates.length > TEXT_CHECKS) {
      alt.positions = await Promise.all(
        groups.map((g) =>
          this.positionsOf(m, (g[0] as WeightedTerm).term, (g[0] as WeightedTerm).postings),
        ),
      );
    } else {
      alt.verified = await this.verifyInText(m, terms, offsets, candidates);
    }
    return { alternatives: [alt], phrase: true, marks: marksOf(groups, m), source: clause };
  }

  /** The words of a phrase no document has, as clauses of their own. */
  private async unquote(m: Manifest, c: PlannedClause): Promise<PlannedClause[]> {
    const source = c.source;
    if (!source || source.kind !== 'phrase') return [c];
    return Promise.all(
      source.words.map(async (w) => {
        const g = [await this.weighted(m, termOf(w.word), 1)];
        return { alternatives: [{ groups: [g] }], phrase: false, marks: marksOf([g], m) };
      }),
    );
  }

  private scratchFor(m: Manifest): Scratch {
    if (!this.scratch || this.scratch.total.length !== m.n) {
      const yearIndex = new Int16Array(m.n).fill(-1);
      m.years.forEach(([, first], i) => {
        const end = i + 1 < m.years.length ? (m.years[i + 1] as [number, number])[1] : m.n;
        yearIndex.fill(i, first, end);
      });
      this.scratch = {
        groupMax: new Float64Array(m.n),
        altScore: new Float64Array(m.n),
        altCount: new Uint8Array(m.n),
        clauseScore: new Float64Array(m.n),
        clauseSat: new Uint8Array(m.n),
        total: new Float64Array(m.n),
        satisfied: new Uint16Array(m.n),
        phrases: new Uint16Array(m.n),
        touched: new Uint8Array(m.n),
        excluded: new Uint8Array(m.n),
        yearIndex,
        groupStack: new Int32Array(m.n),
        altStack: new Int32Array(m.n),
        clauseStack: new Int32Array(m.n),
        touchedList: new Int32Array(m.n),
        touchedCount: 0,
        excludedList: new Int32Array(m.n),
        excludedCount: 0,
      };
    }
    return this.scratch;
  }

  private touch(s: Scratch, d: number): void {
    if (s.touched[d] === 0) {
      s.touched[d] = 1;
      s.touchedList[s.touchedCount++] = d;
    }
  }

  /**
   * Evaluates one clause: adds its score to `total` and counts it in
   * `satisfied` (and `phrases`) where satisfied, or marks `excluded`.
   */
  private evaluate(
    m: Manifest,
    c: PlannedClause,
    mode: 'score' | 'exclude',
    partial: boolean,
    exact: boolean,
  ): void {
    const s = this.scratchFor(m);
    const only = c.alternatives.length === 1 ? c.alternatives[0] : undefined;
    if (mode === 'score' && only && isPlainWord(c)) {
      // Fast path for a plain word: the best of its terms goes straight to
      // the total, with the bonus for the word as typed.
      const typed = c.typed?.length === 1 ? c.typed[0] : undefined;
      this.addGroup(
        m,
        s,
        only.groups[0] as Group,
        exact && typed ? exactForm(m, typed) : undefined,
      );
      return;
    }
    if (only?.whole && only.groups.every((g) => g.length === 1)) {
      // Every one of single terms: intersect the postings.
      this.intersect(m, s, c, only, mode);
      return;
    }
    const {
      groupMax,
      altScore,
      altCount,
      clauseScore,
      clauseSat,
      groupStack,
      altStack,
      clauseStack,
    } = s;
    const table = this.impactTable;
    let clauseTop = 0;
    for (const alt of c.alternatives) {
      let altTop = 0;
      for (const group of alt.groups) {
        let groupTop = 0;
        for (const { weight, postings } of group) {
          if (!postings) continue;
          const { ids, levels } = postings;
          const w = weight * idf(ids.length, m.n);
          for (let i = 0; i < ids.length; i++) {
            const d = ids[i] as number;
            const v = w * (table[levels[i] as number] as number);
            const old = groupMax[d] as number;
            if (old === 0) groupStack[groupTop++] = d;
            if (v > old) groupMax[d] = v;
          }
        }
        for (let i = 0; i < groupTop; i++) {
          const d = groupStack[i] as number;
          if (altCount[d] === 0) altStack[altTop++] = d;
          altScore[d] = (altScore[d] as number) + (groupMax[d] as number);
          altCount[d] = (altCount[d] as number) + 1;
          groupMax[d] = 0;
        }
      }
      const need = alt.groups.length;
      for (let i = 0; i < altTop; i++) {
        const d = altStack[i] as number;
        let sat = altCount[d] === need && need > 0;
        if (sat && alt.phrase) sat = phraseAt(d, alt);
        // In short queries only a complete alternative scores (a lone `p` is
        // no match for `top-p`); long ones give the parts partial credit.
        const score = sat || (partial && !alt.whole) ? (altScore[d] as number) : 0;
        if (clauseSat[d] === 0 && clauseScore[d] === 0) clauseStack[clauseTop++] = d;
        if (score > (clauseScore[d] as number)) clauseScore[d] = score;
        if (sat) clauseSat[d] = 1;
        altScore[d] = 0;
        altCount[d] = 0;
      }
    }
    const { total, satisfied, phrases, excluded } = s;
    for (let i = 0; i < clauseTop; i++) {
      const d = clauseStack[i] as number;
      if (mode === 'exclude') {
        if (clauseSat[d] && excluded[d] === 0) {
          excluded[d] = 1;
          s.excludedList[s.excludedCount++] = d;
        }
      } else if (clauseScore[d] !== 0 || clauseSat[d] !== 0) {
        const sc = clauseScore[d] as number;
        if (sc > 0) this.touch(s, d);
        total[d] = (total[d] as number) + sc;
        if (clauseSat[d]) {
          satisfied[d] = (satisfied[d] as number) + 1;
          if (c.phrase) phrases[d] = (phrases[d] as number) + 1;
        }
      }
      clauseScore[d] = 0;
      clauseSat[d] = 0;
    }
  }

  /**
   * A clause whose one alternative needs all its terms (a phrase, by word
   * pairs or by words and positions): the documents in every postings
   * list, walking the shortest one.
   */
  private intersect(
    m: Manifest,
    s: Scratch,
    c: PlannedClause,
    alt: Alternative,
    mode: 'score' | 'exclude',
  ): void {
    const k = alt.groups.length;
    const lists: Postings[] = [];
    const weights: number[] = [];
    for (const g of alt.groups) {
      const { postings, weight } = g[0] as WeightedTerm;
      if (!postings) return;
      lists.push(postings);
      weights.push(weight * idf(postings.ids.length, m.n));
    }
    if (k === 0) return;
    let shortest = 0;
    for (let j = 1; j < k; j++)
      if ((lists[j] as Postings).ids.length < (lists[shortest] as Postings).ids.length)
        shortest = j;
    const table = this.impactTable;
    const at = new Int32Array(k);
    const base = lists[shortest] as Postings;
    const { total, satisfied, phrases, excluded } = s;
    outer: for (let i = 0; i < base.ids.length; i++) {
      const d = base.ids[i] as number;
      let score = (weights[shortest] as number) * (table[base.levels[i] as number] as number);
      for (let j = 0; j < k; j++) {
        if (j === shortest) continue;
        const { ids, levels } = lists[j] as Postings;
        // Gallop to the first id >= d.
        let lo = at[j] as number;
        let step = 1;
        let hi = lo;
        while (hi < ids.length && (ids[hi] as number) < d) {
          lo = hi + 1;
          hi += step;
          step *= 2;
        }
        if (hi > ids.length) hi = ids.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((ids[mid] as number) < d) lo = mid + 1;
          else hi = mid;
        }
        at[j] = lo;
        if (lo >= ids.length) break outer;
        if (ids[lo] !== d) continue outer;
        score += (weights[j] as number) * (table[levels[lo] as number] as number);
      }
      if (alt.phrase && !phraseAt(d, alt)) continue;
      if (mode === 'exclude') {
        if (excluded[d] === 0) {
          excluded[d] = 1;
          s.excludedList[s.excludedCount++] = d;
        }
        continue;
      }
      if (score > 0) this.touch(s, d);
      total[d] = (total[d] as number) + score;
      satisfied[d] = (satisfied[d] as number) + 1;
      if (c.phrase) phrases[d] = (phrases[d] as number) + 1;
    }
  }

  private addGroup(m: Manifest, s: Scratch, group: Group, exact: ExactForm | undefined): void {
    const { groupMax, groupStack, total, satisfied, touched, touchedList } = s;
    const table = this.impactTable;
    const present = group.filter((g) => g.postings);
    if (present.length === 1) {
      const { ids, levels, w, bonus, masks, bit } = termWeights(
        m,
        present[0] as WeightedTerm,
        exact,
      );
      let count = s.touchedCount;
      for (let i = 0; i < ids.length; i++) {
        const d = ids[i] as number;
        let v = w * (table[levels[i] as number] as number);
        if (bonus !== 0 && (masks === undefined || ((masks[i] as number) & bit) !== 0)) v += bonus;
        total[d] = (total[d] as number) + v;
        satisfied[d] = (satisfied[d] as number) + 1;
        if (touched[d] === 0) {
          touched[d] = 1;
          touchedList[count++] = d;
        }
      }
      s.touchedCount = count;
      return;
    }
    let top = 0;
    for (const term of present) {
      const { ids, levels, w, bonus, masks, bit } = termWeights(m, term, exact);
      for (let i = 0; i < ids.length; i++) {
        const d = ids[i] as number;
        let v = w * (table[levels[i] as number] as number);
        if (bonus !== 0 && (masks === undefined || ((masks[i] as number) & bit) !== 0)) v += bonus;
        const old = groupMax[d] as number;
        if (old === 0) groupStack[top++] = d;
        if (v > old) groupMax[d] = v;
      }
    }
    let count = s.touchedCount;
    for (let i = 0; i < top; i++) {
      const d = groupStack[i] as number;
      total[d] = (total[d] as number) + (groupMax[d] as number);
      satisfied[d] = (satisfied[d] as number) + 1;
      groupMax[d] = 0;
      if (touched[d] === 0) {
        touched[d] = 1;
        touchedList[count++] = d;
      }
    }
    s.touchedCount = count;
  }

  /**
   * Collections without positions: the documents that have every word of
   * the phrase are read (their records are small and cached) and checked.
   */
  private async verifyInText(
    m: Manifest,
    terms: string[],
    offsets: number[],
    docs: readonly number[],
  ): Promise<Set<number>> {
    const out = new Set<number>();
    const sink = new PositionSink(terms);
    await Promise.all(
      docs.map(async (d) => {
        const [, , title, , , , , abstract] = await this.record(m, d);
        sink.reset();
        scan(abstract, scan(title, 0, sink) + FIELD_GAP, sink);
        if (phraseIn(sink.lists, offsets)) out.add(d);
      }),
    );
    return out;
  }

  /** Scores every clause; the documents touched are in `touchedList`. */
  private scoreAll(
    m: Manifest,
    include: PlannedClause[],
    exclude: PlannedClause[],
    exact: boolean,
  ): void {
    const partial = include.length > TIERED_UP_TO;
    for (const c of include) this.evaluate(m, c, 'score', partial, exact);
    for (const c of exclude) this.evaluate(m, c, 'exclude', false, false);
    if (exact) this.exactBonus(m, this.scratchFor(m), include);
  }

  /** Whether a touched document is not excluded and has every quoted phrase. */
  private anyMatch(s: Scratch, phraseCount: number): boolean {
    const { excluded, phrases, total, touchedList } = s;
    for (let i = 0; i < s.touchedCount; i++) {
      const d = touchedList[i] as number;
      if (excluded[d] === 0 && phrases[d] === phraseCount && (total[d] as number) > 0) return true;
    }
    return false;
  }

  private resetScratch(s: Scratch): void {
    for (let i = 0; i < s.touchedCount; i++) {
      const d = s.touchedList[i] as number;
      s.total[d] = 0;
      s.satisfied[d] = 0;
      s.phrases[d] = 0;
      s.touched[d] = 0;
    }
    s.touchedCount = 0;
    for (let i = 0; i < s.excludedCount; i++) s.excluded[s.excludedList[i] as number] = 0;
    s.excludedCount = 0;
  }

  /** Runs a query. See `SearchQueryOptions` for filters, sorting and paging. */
  async search(query: string, options: SearchQueryOptions = {}): Promise<SearchResult> {
    const m = await this.manifest();
    const limit = options.limit ?? 20;
    const offset = options.offset ?? 0;
    const sort = options.sort ?? 'relevance';
    const parsed = parseQuery(query, options.complete ?? false);

    const topicsP = this.topics(m);
    const titleP = sort === 'title' ? this.titleRanks(m) : undefined;
    let include = await Promise.all(parsed.include.map((c) => this.plan(m, c, false)));
    const exclude = await Promise.all(parsed.exclude.map((c) => this.plan(m, c, true)));
    const topicData = await topicsP;
    const titleRank = titleP ? await titleP : undefined;

    // ---- synchronous scoring from here on ----
    const s = this.scratchFor(m);
    this.resetScratch(s);
    // Short queries: stemming conflates words (`organizers` and `organ`,
    // `understandable` and `understand`); a document with a word exactly as
    // typed gets its idf once more.
    const exact = sort === 'relevance' && include.length <= TIERED_UP_TO;
    this.scoreAll(m, include, exclude, exact);
    let phraseCount = include.filter((c) => c.phrase).length;
    if (include.length > 0 && phraseCount > 0 && !this.anyMatch(s, phraseCount)) {
      // No document has the quoted phrase: fall back to its words.
      this.resetScratch(s);
      include = (
        await Promise.all(include.map((c) => (c.phrase ? this.unquote(m, c) : [c])))
      ).flat();
      phraseCount = 0;
      this.scoreAll(m, include, exclude, exact);
    }
    return this.collect(m, s, include, phraseCount, options, topicData, titleRank, {
      limit,
      offset,
      sort,
    });
  }

  /** The exact-form bonus of clauses not scored by `addGroup` (joined words' parts). */
  private exactBonus(m: Manifest, s: Scratch, include: PlannedClause[]): void {
    const { total, touched } = s;
    for (const c of include) {
      if (!c.typed || isPlainWord(c)) continue;
      for (const typed of c.typed) {
        const e = exactForm(m, typed);
        if (!e) continue;
        const { ids } = e.postings;
        const { masks, bit, bonus } = e;
        for (let i = 0; i < ids.length; i++) {
          const d = ids[i] as number;
          if (touched[d] && (!masks || ((masks[i] as number) & bit) !== 0))
            total[d] = (total[d] as number) + bonus;
        }
      }
    }
  }

  private async collect(
    m: Manifest,
    s: Scratch,
    include: PlannedClause[],
    phraseCount: number,
    options: SearchQueryOptions,
    topicData: { start: Uint32Array; codes: Uint16Array },
    titleRank: Uint32Array | undefined,
    { limit, offset, sort }: { limit: number; offset: number; sort: string },
  ): Promise<SearchResult> {
    // Short queries rank documents with more of the clauses first (the
    // others still match: requiring every word costs recall, see the eval).
    const tiered = include.length > 1 && include.length <= TIERED_UP_TO;

    // One pass over the candidates: match test, filters, facet counts and
    // the best `offset + limit` by the sort key.
    const topicFilter = options.topics?.length
      ? new Set(options.topics.map((t) => m.topics.indexOf(t)).filter((i) => i >= 0))
      : undefined;
    const yearPos =
      options.year === undefined ? -2 : m.years.findIndex(([y]) => y === options.year);
    const { total } = s;
    const topicCounts = new Uint32Array(m.topics.length);
    const yearCounts = new Uint32Array(m.years.length);
    const byDate = sort === 'date' || (sort === 'relevance' && include.length === 0);
    const byTitle = !byDate && sort === 'title' && titleRank !== undefined;
    const top = new TopK(offset + limit);
    const matched = rankCandidates({
      s,
      n: m.n,
      all: include.length === 0,
      phraseCount,
      tiered,
      byDate,
      titleRank: byTitle ? titleRank : undefined,
      topicFilter,
      yearPos,
      topicData,
      topicCounts,
      yearCounts,
      top,
    });
    const page = top.ids.slice(offset);
    const pageScores = page.map((d) => total[d] as number);
    this.resetScratch(s);
    // ---- end of synchronous part ----

    // Terms that matched somewhere, with their weights, for highlighting.
    const termWeight = new Map<string, number>();
    for (const c of include)
      for (const [term, w] of c.marks) termWeight.set(term, Math.max(termWeight.get(term) ?? 0, w));
    const terms = new Set(termWeight.keys());
    const weight = (t: string): number => termWeight.get(t) ?? 0;

    const records = await Promise.all(page.map((d) => this.record(m, d)));
    const texts = records.map((r) => hitText(r[2], r[7], terms, weight));
    const hits: Hit[] = records.map((r, i) => {
      const [id, slug, title, authors, authorCount, date, topics] = r;
      const year = /^\d{4}/u.test(date) ? Number(date.slice(0, 4)) : undefined;
      const text = texts[i] as (typeof texts)[number];
      const hit: Hit = {
        id,
        slug,
        title,
        authors,
        authorCount,
        topics,
        score: pageScores[i] ?? 0,
        titleMatches: text.titleMatches,
        snippet: text.snippet,
      };
      if (date) hit.date = date;
      if (year !== undefined) hit.year = year;
      return hit;
    });

    const facets: SearchResult['facets'] = { topics: {}, years: {} };
    m.topics.forEach((t, i) => {
      if (topicCounts[i]) facets.topics[t] = topicCounts[i] as number;
    });
    m.years.forEach(([y], i) => {
      if (yearCounts[i]) facets.years[String(y)] = yearCounts[i] as number;
    });
    return { total: matched, hits, facets, terms: [...terms].sort(utf16Compare) };
  }

  private async record(m: Manifest, d: number): Promise<DocRecord> {
    const chunk = await this.docChunk(Math.floor(d / m.docChunk));
    return chunk[d % m.docChunk] as DocRecord;
  }
}

/** Highlight terms of groups: those with postings, weighted by idf. */
function marksOf(groups: Group[], m: Manifest): [string, number][] {
  const out: [string, number][] = [];
  for (const g of groups)
    for (const { term, weight, postings } of g)
      if (postings) out.push([term, weight * idf(postings.ids.length, m.n)]);
  return out;
}

/** Memoises `make()` by key, forgetting everything past 1,000 keys. */
function cached<T>(
  cache: Map<string, Promise<T>>,
  key: string,
  make: () => Promise<T>,
): Promise<T> {
  let p = cache.get(key);
  if (!p) {
    if (cache.size >= 1000) cache.clear();
    p = make();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

function lineFile(text: string): LineFile {
  let count = text.length ? 1 : 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Int32Array(count + 1);
  let k = 0;
  if (text.length) starts[k++] = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  starts[count] = text.length + 1;
  return { text, starts };
}

/** Compares `key` with the entry of the line starting at `at` (up to its space). */
function compareEntry(text: string, at: number, key: string): number {
  const n = key.length;
  for (let i = 0; ; i++) {
    const c = text.charCodeAt(at + i);
    const lineEnded = c === 32 || c === 10 || Number.isNaN(c);
    if (i === n) return lineEnded ? 0 : 1;
    if (lineEnded) return -1;
    const k = key.charCodeAt(i);
    if (c !== k) return c < k ? -1 : 1;
  }
}

/** Where the payload of `key` starts in a line file (after the space), or -1. */
function findLine(file: LineFile, key: string): number {
  const { text, starts } = file;
  let lo = 0;
  let hi = starts.length - 2;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = starts[mid] as number;
    const c = compareEntry(text, at, key);
    if (c === 0) return at + key.length + 1;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

// Scratch of `postingsOf`: impact slot + 1 by document (0: absent).
let slotByDoc = new Uint8Array(0);

/**
 * Postings of `term` from its shard's FlexSearch `Index`: the documents of
 * each impact slot (`search(term, {resolve: false})` hands over the slots),
 * merged into ascending document order, with the term's forms.
 */
function postingsOf(shard: Shard, term: string, n: number): Postings | null {
  const slots = shard.index.search(term, { resolve: false }).result;
  let total = 0;
  let used = 0;
  for (const docs of slots) {
    if (docs?.length) {
      total += docs.length;
      used++;
    }
  }
  if (total === 0) return null;
  const ids = new Int32Array(total);
  const levels = new Uint8Array(total);
  if (used === 1) {
    // One slot: its documents are in ascending order already.
    slots.forEach((docs, slot) => {
      if (!docs?.length) return;
      for (let i = 0; i < docs.length; i++) ids[i] = docs[i] as number;
      levels.fill(slot);
    });
  } else if (total * 16 >= n) {
    // Many documents: mark them in a collection-size array, read it in order.
    if (slotByDoc.length < n) slotByDoc = new Uint8Array(n);
    let lo = n;
    let hi = -1;
    slots.forEach((docs, slot) => {
      if (!docs) return;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i] as number;
        slotByDoc[d] = slot + 1;
        if (d < lo) lo = d;
        if (d > hi) hi = d;
      }
    });
    let j = 0;
    for (let d = lo; d <= hi; d++) {
      const v = slotByDoc[d] as number;
      if (v === 0) continue;
      ids[j] = d;
      levels[j++] = v - 1;
      slotByDoc[d] = 0;
    }
  } else {
    // Few: sort (document, slot) keys.
    const keys = new Int32Array(total);
    let j = 0;
    slots.forEach((docs, slot) => {
      if (!docs) return;
      for (let i = 0; i < docs.length; i++) keys[j++] = (docs[i] as number) * 64 + slot;
    });
    keys.sort();
    for (let i = 0; i < total; i++) {
      const k = keys[i] as number;
      ids[i] = k >> 6;
      levels[i] = k & 63;
    }
  }
  const p: Postings = { ids, levels };
  const own = shard.forms.get(term);
  if (own !== undefined) {
    const colon = own.indexOf(':');
    p.forms = (colon < 0 ? own : own.slice(0, colon)).split(',').map((f) => formOf(term, f));
    if (colon >= 0) {
      const masks = new Uint8Array(total);
      for (let i = 0; i < total; i++)
        masks[i] = DIGIT_VALUE[own.charCodeAt(colon + 1 + i)] as number;
      p.masks = masks;
    }
  }
  return p;
}

/** Positions of one term: for its i-th posting, `pos[start[i] .. start[i + 1])`. */
interface TermPositions {
  start: Int32Array;
  pos: Int32Array;
}

function decodePositions(file: LineFile, term: string, count: number): TermPositions | null {
  const at = findLine(file, term);
  if (at < 0) return null;
  const { text } = file;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  const values: number[] = [];
  let acc = 0;
  for (let i = at; i < end; i++) {
    const v = DIGIT_VALUE[text.charCodeAt(i)] as number;
    if (v < 32) acc = acc * 32 + v;
    else {
      values.push(acc * 32 + v - 32);
      acc = 0;
    }
  }
  const start = new Int32Array(count + 1);
  const pos = new Int32Array(values.length);
  let k = 0;
  let x = 0;
  for (let i = 0; i < count; i++) {
    start[i] = k;
    const c = values[x++] ?? 0;
    let p = 0;
    for (let j = 0; j < c; j++) {
      p += values[x++] ?? 0;
      pos[k++] = p;
    }
  }
  start[count] = k;
  return { start, pos: pos.subarray(0, k) };
}

/** Positions of `doc` for the phrase term `j` of `alt`. */
function positionsAt(alt: Alternative, j: number, doc: number): Int32Array {
  const tp = alt.positions?.[j];
  const ids = (alt.groups[j]?.[0] as WeightedTerm | undefined)?.postings?.ids;
  if (!tp || !ids) return EMPTY;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid] as number;
    if (v === doc) return tp.pos.subarray(tp.start[mid] as number, tp.start[mid + 1] as number);
    if (v < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return EMPTY;
}

function phraseAt(doc: number, alt: Alternative): boolean {
  if (alt.verified) return alt.verified.has(doc);
  const lists = alt.groups.map((_, j) => positionsAt(alt, j, doc));
  return phraseIn(lists, alt.phrase as number[]);
}

const EMPTY = new Int32Array(0);

/** True when, for some position p of the first term, every term j occurs at p + offset j. */
function phraseIn(lists: readonly ArrayLike<number>[], offsets: readonly number[]): boolean {
  const first = lists[0] ?? EMPTY;
  const base = offsets[0] ?? 0;
  for (let i = 0; i < first.length; i++) {
    const p0 = first[i] as number;
    let ok = true;
    for (let j = 1; j < lists.length && ok; j++) {
      const want = p0 + (offsets[j] as number) - base;
      const list = lists[j] as ArrayLike<number>;
      ok = false;
      for (let x = 0; x < list.length; x++) {
        if (list[x] === want) {
          ok = true;
          break;
        }
      }
    }
    if (ok) return true;
  }
  return false;
}

interface RankArgs {
  s: Scratch;
  n: number;
  /** No words: every document matches. */
  all: boolean;
  phraseCount: number;
  tiered: boolean;
  byDate: boolean;
  /** Title ranks, when sorting by title. */
  titleRank: Uint32Array | undefined;
  topicFilter: Set<number> | undefined;
  /** Index of the year filter in the manifest's years (-2: none). */
  yearPos: number;
  topicData: { start: Uint32Array; codes: Uint16Array };
  topicCounts: Uint32Array;
  yearCounts: Uint32Array;
  top: TopK;
}

/**
 * One pass over the candidates: match test, filters, facet counts and the
 * best by the sort key; returns the number of matches. (A function of its
 * own, so that its loop is optimised as a whole.)
 */
function rankCandidates(a: RankArgs): number {
  const {
    s,
    n,
    all,
    phraseCount,
    tiered,
    byDate,
    titleRank,
    topicFilter,
    yearPos,
    topicData,
    topicCounts,
    yearCounts,
    top,
  } = a;
  const { start: topicStart, codes: topicCodes } = topicData;
  const { yearIndex, excluded, phrases, total, satisfied, touchedList } = s;
  const byTitle = titleRank !== undefined;
  const count = all ? n : s.touchedCount;
  let matched = 0;
  if (!all && !topicFilter && yearPos === -2 && !byDate && !byTitle) {
    // The common case (relevance, no filters), kept lean: most documents
    // only add to the facet counts.
    let floor = -Infinity;
    for (let c = 0; c < count; c++) {
      const d = touchedList[c] as number;
      const score = total[d] as number;
      if (excluded[d] !== 0 || phrases[d] !== phraseCount || score <= 0) continue;
      const to = topicStart[d + 1] as number;
      for (let i = topicStart[d] as number; i < to; i++) {
        const code = topicCodes[i] as number;
        topicCounts[code] = (topicCounts[code] as number) + 1;
      }
      const yi = yearIndex[d] as number;
      if (yi >= 0) yearCounts[yi] = (yearCounts[yi] as number) + 1;
      matched++;
      const key = tiered ? (satisfied[d] as number) * 1e6 + score : score;
      if (key >= floor) floor = top.push(d, key);
    }
  } else {
    for (let c = 0; c < count; c++) {
      const d = all ? c : (touchedList[c] as number);
      if (excluded[d] !== 0) continue;
      if (!all && (phrases[d] !== phraseCount || (total[d] as number) <= 0)) continue;
      const from = topicStart[d] as number;
      const to = topicStart[d + 1] as number;
      let inTopic = true;
      if (topicFilter) {
        inTopic = false;
        for (let i = from; i < to && !inTopic; i++)
          inTopic = topicFilter.has(topicCodes[i] as number);
      }
      const yi = yearIndex[d] as number;
      const inYear = yearPos === -2 || yi === yearPos;
      if (inYear) {
        for (let i = from; i < to; i++) {
          const code = topicCodes[i] as number;
          topicCounts[code] = (topicCounts[code] as number) + 1;
        }
      }
      if (inTopic && yi >= 0) yearCounts[yi] = (yearCounts[yi] as number) + 1;
      if (!inTopic || !inYear) continue;
      matched++;
      top.push(
        d,
        byDate
          ? d
          : byTitle
            ? -((titleRank as Uint32Array)[d] as number)
            : tiered
              ? (satisfied[d] as number) * 1e6 + (total[d] as number)
              : (total[d] as number),
      );
    }
  }
  return matched;
}

/** Which postings of a typed word's stem have the word as typed, and its bonus. */
interface ExactForm {
  postings: Postings;
  /** Absent: every posting has it. */
  masks: Uint8Array | undefined;
  bit: number;
  bonus: number;
}

/** What scoring a term's postings needs: its weight x idf, and the exact-form bonus, by mask. */
function termWeights(m: Manifest, term: WeightedTerm, exact: ExactForm | undefined) {
  const { ids, levels } = term.postings as Postings;
  const e = exact?.postings === term.postings ? exact : undefined;
  return {
    ids,
    levels,
    w: term.weight * idf(ids.length, m.n),
    bonus: e ? e.bonus : 0,
    masks: e?.masks,
    bit: e ? e.bit : 0,
  };
}

function exactForm(
  m: Manifest,
  typed: { word: string; postings: Postings | null },
): ExactForm | undefined {
  const { word, postings } = typed;
  if (!postings || isStopword(word)) return undefined;
  const { forms, masks } = postings;
  const form = forms ? forms.indexOf(word) : termOf(word) === word ? 0 : -1;
  if (form < 0) return undefined;
  return {
    postings,
    masks,
    bit: 1 << form,
    bonus: EXACT_BONUS * idf(postings.ids.length, m.n),
  };
}

/** A clause of one group of alternative terms (a word), scored by `addGroup`. */
function isPlainWord(c: PlannedClause): boolean {
  const only = c.alternatives.length === 1 ? c.alternatives[0] : undefined;
  return !!only && !only.phrase && only.groups.length === 1 && !c.phrase;
}

/** Documents in every one of `lists` (ids ascending). */
function intersectIds(lists: readonly Postings[]): number[] {
  if (lists.length === 0) return [];
  const sorted = [...lists].sort((a, b) => a.ids.length - b.ids.length);
  let docs = Array.from((sorted[0] as Postings).ids);
  for (let j = 1; j < sorted.length && docs.length; j++) {
    const ids = (sorted[j] as Postings).ids;
    const out: number[] = [];
    let k = 0;
    for (const d of docs) {
      while (k < ids.length && (ids[k] as number) < d) k++;
      if (k < ids.length && ids[k] === d) out.push(d);
    }
    docs = out;
  }
  return docs;
}

/** Positions of the words of a text whose stem is one of `terms` (one list per term). */
class PositionSink implements TokenSink {
  readonly lists: number[][];
  private readonly terms: string[];
  private readonly heads: Set<string>;
  constructor(terms: string[]) {
    this.terms = terms;
    this.lists = terms.map(() => []);
    // A word and its stem share their first two letters.
    this.heads = new Set(terms.map((t) => t.slice(0, 2)));
  }
  reset(): void {
    for (const l of this.lists) l.length = 0;
  }
  accept(text: string, start: number, end: number): boolean {
    return this.heads.has(text.slice(start, Math.min(end, start + 2)).toLowerCase());
  }
  token(word: string, _start: number, _end: number, pos: number): void {
    if (isStopword(word)) return;
    const term = termOf(word);
    for (let j = 0; j < this.terms.length; j++)
      if (this.terms[j] === term) (this.lists[j] as number[]).push(pos);
  }
  compound(): void {}
}
