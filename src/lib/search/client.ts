/**
 * Query side, used unchanged by the browser, the evaluation tool and the
 * benchmark. It fetches index files lazily through a loader callback, keeps
 * them cached, and answers queries:
 *
 * 1. The query is parsed (`query.ts`) into clauses; each clause becomes sets
 *    of weighted index terms: the stem of each word, completions of the word
 *    being typed (from the lexicon), typo corrections of unknown words of 5+
 *    letters, the glued and the split forms of joined words.
 * 2. Each term's postings come from the FlexSearch index of its shard, in
 *    impact order; the score of a document is the sum over clauses of the
 *    best `weight x idf x impact` of the clause's terms (BM25F).
 * 3. Matching: every clause for queries of up to four clauses (falling back
 *    to any clause when nothing matches all), any clause for longer ones;
 *    quoted phrases are always required and checked with word positions;
 *    `-word` removes documents.
 * 4. Filters, facet counts over all matches, sorting, then the records of
 *    the page of hits are fetched and snippets cut.
 *
 * No DOM and no Node built-ins here.
 */
import { Index } from 'flexsearch';
import { boundedDistance, maxEdits } from './fuzzy.ts';
import {
  FIELD_GAP,
  FORMAT_VERSION,
  codeWidth,
  decodeCode,
  idf,
  impactOf,
  shardIndexOptions,
  shardOf,
  type DocRecord,
  type Manifest,
} from './format.ts';
import { highlightRanges, makeSnippet } from './highlight.ts';
import { parseQuery, type Clause, type ParsedQuery } from './query.ts';
import { fieldTerms, isStopword, termOf, tokenize } from './tokenize.ts';
import type { Hit, SearchQueryOptions, SearchResult } from './types.ts';

/** Fetches an index file by its relative path (e.g. `t/3.txt`). */
export type Loader = (path: string) => Promise<string>;

interface Postings {
  ids: Int32Array;
  impacts: Float32Array;
}

interface Lexicon {
  words: string[];
  df: Int32Array;
}

interface WeightedTerm {
  term: string;
  weight: number;
}

/** Terms of which a document needs at least one (the best one counts). */
type Group = WeightedTerm[];

interface Alternative {
  groups: Group[];
  /** Word offsets when the groups form a phrase (one term per group). */
  phrase?: number[];
  /** Documents where the phrase was found in the text (indexes without positions). */
  verified?: Set<number>;
}

interface PlannedClause {
  alternatives: Alternative[];
  /** A quoted phrase: required whatever the query length. */
  phrase: boolean;
}

/** Up to this many completions of the word being typed. */
const MAX_COMPLETIONS = 12;
/** Up to this many typo corrections of a word. */
const MAX_CORRECTIONS = 6;
const COMPLETION_WEIGHT = 0.6;
const CORRECTION_WEIGHT = [1, 0.55, 0.35];
/** Weight (times idf) of a query word found exactly as typed, in the second stage. */
const EXACT_BONUS = 1;
/** Queries of up to this many clauses rank documents by how many they satisfy, then by score. */
const TIERED_UP_TO = 4;

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
  push(d: number, kd: number): void {
    const { ids, keys, k } = this;
    if (k <= 0) return;
    let j = ids.length;
    if (j === k) {
      const lastKey = keys[k - 1] as number;
      if (kd < lastKey || (kd === lastKey && d < (ids[k - 1] as number))) return;
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
  }
}

export class SearchClient {
  private readonly load: Loader;
  private manifestP: Promise<Manifest> | undefined;
  private readonly shards = new Map<number, Promise<Index>>();
  private readonly positionFiles = new Map<number, Promise<Record<string, string>>>();
  private readonly lexicons = new Map<number, Promise<Lexicon>>();
  private readonly docChunks = new Map<number, Promise<DocRecord[]>>();
  private topicsP: Promise<{ start: Uint32Array; codes: Uint16Array }> | undefined;
  private titleRankP: Promise<Uint32Array> | undefined;
  private readonly postings = new Map<string, Postings | null>();
  private readonly positions = new Map<string, TermPositions>();
  // Completions and corrections by word: typing and deleting repeats them.
  private readonly completionCache = new Map<string, Promise<string[]>>();
  private readonly correctionCache = new Map<string, Promise<WeightedTerm[]>>();
  // Scratch arrays of collection size, reused by every query (the scoring
  // part of a query is synchronous, so queries never share them at once).
  private scratch:
    | {
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
      }
    | undefined;

  constructor(load: Loader) {
    this.load = load;
  }

  /** Fetches the manifest (the only file every query needs). */
  manifest(): Promise<Manifest> {
    this.manifestP ??= this.load('manifest.json').then((text) => {
      const m = JSON.parse(text) as Manifest;
      if (m.version !== FORMAT_VERSION)
        throw new Error(`search index format ${m.version}, expected ${FORMAT_VERSION}`);
      return m;
    });
    return this.manifestP;
  }

  private shard(i: number, resolution: number): Promise<Index> {
    let p = this.shards.get(i);
    if (!p) {
      p = this.load(`t/${i}.txt`).then((text) => {
        const index = new Index(shardIndexOptions(resolution));
        for (const line of text.split('\n')) {
          const tab = line.indexOf('\t');
          if (tab > 0) index.import(line.slice(0, tab), line.slice(tab + 1));
        }
        return index;
      });
      this.shards.set(i, p);
    }
    return p;
  }

  private lexicon(i: number): Promise<Lexicon> {
    let p = this.lexicons.get(i);
    if (!p) {
      p = this.load(`l/${i}.txt`).then((text) => {
        const lines = text ? text.split('\n') : [];
        const words: string[] = [];
        const df = new Int32Array(lines.length);
        lines.forEach((line, j) => {
          const sp = line.lastIndexOf(' ');
          words.push(line.slice(0, sp));
          df[j] = Number(line.slice(sp + 1));
        });
        return { words, df };
      });
      this.lexicons.set(i, p);
    }
    return p;
  }

  private docChunk(i: number): Promise<DocRecord[]> {
    let p = this.docChunks.get(i);
    if (!p) {
      p = this.load(`d/${i}.json`).then((text) => JSON.parse(text) as DocRecord[]);
      this.docChunks.set(i, p);
    }
    return p;
  }

  private topics(m: Manifest): Promise<{ start: Uint32Array; codes: Uint16Array }> {
    this.topicsP ??= (m.topics.length ? this.load('topics.txt') : Promise.resolve('')).then(
      (text) => {
        const width = codeWidth(m.topics.length);
        const start = new Uint32Array(m.n + 1);
        const codes: number[] = [];
        let doc = 0;
        let i = 0;
        while (doc < m.n) {
          start[doc] = codes.length;
          while (i < text.length && text[i] !== ' ') {
            codes.push(decodeCode(text, i, width));
            i += width;
          }
          i++;
          doc++;
        }
        start[m.n] = codes.length;
        return { start, codes: Uint16Array.from(codes) };
      },
    );
    return this.topicsP;
  }

  private titleRanks(m: Manifest): Promise<Uint32Array> {
    this.titleRankP ??= this.load('title.txt').then((text) => {
      const r = new Uint32Array(m.n);
      for (let id = 0; id < m.n; id++)
        r[id] = decodeCode(text, id * m.titleRankWidth, m.titleRankWidth);
      return r;
    });
    return this.titleRankP;
  }

  /** Loads the shards of `terms` and decodes their postings (cached). */
  private async fetchPostings(m: Manifest, terms: Iterable<string>): Promise<void> {
    const want = [...new Set(terms)].filter((t) => !this.postings.has(t));
    const byShard = new Map<number, string[]>();
    for (const t of want) {
      const s = shardOf(m.shards, t);
      const list = byShard.get(s);
      if (list) list.push(t);
      else byShard.set(s, [t]);
    }
    await Promise.all(
      [...byShard].map(async ([s, list]) => {
        const index = await this.shard(s, m.resolution);
        for (const t of list) this.postings.set(t, decodePostings(index, t, m));
      }),
    );
  }

  private df(term: string): number {
    return this.postings.get(term)?.ids.length ?? 0;
  }

  private async lexiconFor(m: Manifest, firstChar: string): Promise<Lexicon> {
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

  /** Lexicon words within the typo budget of `word` (of its prefix when `prefix`). */
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
        let target = w;
        if (prefix) {
          if (w.length < word.length - max) continue;
          target = w.slice(0, word.length);
        } else if (Math.abs(w.length - word.length) > max) continue;
        const d = boundedDistance(word, target, max);
        if (d === 0 || d > max) continue;
        const t = termOf(w);
        const old = found.get(t);
        if (!old || d < old.dist || (d === old.dist && df > old.df)) found.set(t, { dist: d, df });
      }
    }
    return [...found]
      .sort((a, b) => a[1].dist - b[1].dist || b[1].df - a[1].df || utf16Compare(a[0], b[0]))
      .slice(0, MAX_CORRECTIONS)
      .map(([term, { dist }]) => ({ term, weight: CORRECTION_WEIGHT[dist] ?? 0.3 }));
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
    const group: Group = [{ term: stemmed, weight: 1 }];
    let completions: string[] = [];
    if (prefix) {
      completions = await this.completions(m, word);
      for (const t of completions)
        if (t !== stemmed) group.push({ term: t, weight: COMPLETION_WEIGHT });
    }
    await this.fetchPostings(
      m,
      group.map((g) => g.term),
    );
    if (exact) return group;
    const df = Math.max(...group.map((g) => this.df(g.term)));
    if (
      word.length >= 5 &&
      !/\d/u.test(word) &&
      (df === 0 || (m.n >= 5000 && df <= 3 && !prefix))
    ) {
      const fixes = await this.corrections(
        m,
        word,
        prefix && completions.length === 0,
        df === 0 ? 1 : df * 10,
      );
      await this.fetchPostings(
        m,
        fixes.map((f) => f.term),
      );
      for (const f of fixes) if (!group.some((g) => g.term === f.term)) group.push(f);
    }
    return group;
  }

  private async plan(m: Manifest, clause: Clause, negated: boolean): Promise<PlannedClause> {
    switch (clause.kind) {
      case 'word':
        return {
          alternatives: [
            {
              groups: [
                await this.wordGroup(m, clause.word, clause.prefix, negated || clause.exact),
              ],
            },
          ],
          phrase: false,
        };
      case 'compound': {
        const joined = await this.wordGroup(m, clause.joined, clause.prefix && !negated, true);
        if (negated) return { alternatives: [{ groups: [joined] }], phrase: false };
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
        return { alternatives, phrase: false };
      }
      case 'phrase': {
        const groups = clause.words.map((w) => [{ term: termOf(w.word), weight: 1 }]);
        const terms = groups.map((g) => (g[0] as WeightedTerm).term);
        await this.fetchPostings(m, terms);
        const alt: Alternative = { groups, phrase: clause.words.map((w) => w.offset) };
        if (m.positions) await this.fetchPositions(m, terms);
        else alt.verified = await this.verifyInText(m, terms, alt.phrase as number[]);
        return { alternatives: [alt], phrase: true };
      }
    }
  }

  private async fetchPositions(m: Manifest, terms: string[]): Promise<void> {
    await Promise.all(
      terms.map(async (t) => {
        if (this.positions.has(t)) return;
        const s = shardOf(m.shards, t);
        let p = this.positionFiles.get(s);
        if (!p) {
          p = this.load(`p/${s}.txt`).then((text) => JSON.parse(text) as Record<string, string>);
          this.positionFiles.set(s, p);
        }
        const file = await p;
        if (!this.positions.has(t)) this.positions.set(t, decodePositions(file[t] ?? ''));
      }),
    );
  }

  private scratchFor(m: Manifest): NonNullable<SearchClient['scratch']> {
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
        clauseStack: new Int32Array(2 * m.n),
      };
    }
    return this.scratch;
  }

  /**
   * Evaluates one clause: adds its score to `total` and counts it in
   * `satisfied` (and `phrases`) where satisfied, or marks `excluded`.
   */
  private evaluate(
    m: Manifest,
    c: PlannedClause,
    mode: 'score' | 'exclude',
    touchedList: number[],
    partial: boolean,
  ): void {
    const s = this.scratchFor(m);
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
    const only = c.alternatives.length === 1 ? c.alternatives[0] : undefined;
    if (mode === 'score' && only && !only.phrase && only.groups.length === 1) {
      // Fast path for a plain word: the best of its terms goes straight to the total.
      this.addGroup(m, only.groups[0] as Group, touchedList);
      return;
    }
    let clauseTop = 0;
    for (const alt of c.alternatives) {
      let altTop = 0;
      for (const group of alt.groups) {
        let groupTop = 0;
        for (const { term, weight } of group) {
          const p = this.postings.get(term);
          if (!p) continue;
          const w = weight * idf(p.ids.length, m.n);
          const { ids, impacts } = p;
          for (let i = 0; i < ids.length; i++) {
            const d = ids[i] as number;
            const v = w * (impacts[i] as number);
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
        if (sat && alt.phrase) sat = this.phraseAt(d, alt);
        // In short queries only a complete alternative scores (a lone `p` is
        // no match for `top-p`); long ones give the parts partial credit.
        const score = sat || (partial && !alt.phrase) ? (altScore[d] as number) : 0;
        if (clauseSat[d] === 0 && clauseScore[d] === 0) clauseStack[clauseTop++] = d;
        if (score > (clauseScore[d] as number)) clauseScore[d] = score;
        if (sat) clauseSat[d] = 1;
        altScore[d] = 0;
        altCount[d] = 0;
      }
    }
    const { total, satisfied, phrases, touched, excluded } = s;
    for (let i = 0; i < clauseTop; i++) {
      const d = clauseStack[i] as number;
      if (mode === 'exclude') {
        if (clauseSat[d]) excluded[d] = 1;
      } else if (clauseScore[d] !== 0 || clauseSat[d] !== 0) {
        const sc = clauseScore[d] as number;
        if (!touched[d] && sc > 0) {
          touched[d] = 1;
          touchedList.push(d);
        }
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

  private addGroup(m: Manifest, group: Group, touchedList: number[]): void {
    const { groupMax, groupStack, total, satisfied, touched } = this.scratch as NonNullable<
      SearchClient['scratch']
    >;
    const postings = group.map((g) => ({ p: this.postings.get(g.term), weight: g.weight }));
    const present = postings.filter((x) => x.p);
    if (present.length === 1) {
      const { p, weight } = present[0] as { p: Postings; weight: number };
      const w = weight * idf(p.ids.length, m.n);
      const { ids, impacts } = p;
      for (let i = 0; i < ids.length; i++) {
        const d = ids[i] as number;
        total[d] = (total[d] as number) + w * (impacts[i] as number);
        satisfied[d] = (satisfied[d] as number) + 1;
        if (touched[d] === 0) {
          touched[d] = 1;
          touchedList.push(d);
        }
      }
      return;
    }
    let top = 0;
    for (const { p, weight } of present) {
      const { ids, impacts } = p as Postings;
      const w = weight * idf(ids.length, m.n);
      for (let i = 0; i < ids.length; i++) {
        const d = ids[i] as number;
        const v = w * (impacts[i] as number);
        const old = groupMax[d] as number;
        if (old === 0) groupStack[top++] = d;
        if (v > old) groupMax[d] = v;
      }
    }
    for (let i = 0; i < top; i++) {
      const d = groupStack[i] as number;
      total[d] = (total[d] as number) + (groupMax[d] as number);
      satisfied[d] = (satisfied[d] as number) + 1;
      groupMax[d] = 0;
      if (touched[d] === 0) {
        touched[d] = 1;
        touchedList.push(d);
      }
    }
  }

  /**
   * Small collections ship no positions: the documents that have every word
   * of the phrase are read (their records are small and cached) and checked.
   */
  private async verifyInText(
    m: Manifest,
    terms: string[],
    offsets: number[],
  ): Promise<Set<number>> {
    let docs: number[] | undefined;
    for (const t of terms) {
      const ids = this.postings.get(t)?.ids ?? new Int32Array(0);
      if (!docs) docs = Array.from(ids);
      else {
        const have = new Set(ids);
        docs = docs.filter((d) => have.has(d));
      }
    }
    const out = new Set<number>();
    await Promise.all(
      (docs ?? []).map(async (d) => {
        const [, , title, , , , , abstract] = await this.record(m, d);
        const t = fieldTerms(title, 0);
        const a = fieldTerms(abstract, t.nextPos + FIELD_GAP);
        const lists = terms.map((term) => [
          ...(t.positions.get(term) ?? []),
          ...(a.positions.get(term) ?? []),
        ]);
        if (phraseIn(lists, offsets)) out.add(d);
      }),
    );
    return out;
  }

  private phraseAt(doc: number, alt: Alternative): boolean {
    if (alt.verified) return alt.verified.has(doc);
    const lists = alt.groups.map((g) =>
      positionsOf(this.positions.get((g[0] as WeightedTerm).term), doc),
    );
    return phraseIn(lists, alt.phrase as number[]);
  }

  /** Scores every clause; returns the documents touched. */
  private scoreAll(m: Manifest, include: PlannedClause[], exclude: PlannedClause[]): number[] {
    const touchedList: number[] = [];
    const partial = include.length > TIERED_UP_TO;
    for (const c of include) this.evaluate(m, c, 'score', touchedList, partial);
    for (const c of exclude) this.evaluate(m, c, 'exclude', touchedList, false);
    return touchedList;
  }

  /** Whether a touched document is not excluded and has every quoted phrase. */
  private anyMatch(touchedList: readonly number[], phraseCount: number): boolean {
    const { excluded, phrases, total } = this.scratch as NonNullable<SearchClient['scratch']>;
    for (let i = 0; i < touchedList.length; i++) {
      const d = touchedList[i] as number;
      if (excluded[d] === 0 && phrases[d] === phraseCount && (total[d] as number) > 0) return true;
    }
    return false;
  }

  private resetScratch(touchedList: readonly number[]): void {
    const s = this.scratch;
    if (!s) return;
    for (const d of touchedList) {
      s.total[d] = 0;
      s.satisfied[d] = 0;
      s.phrases[d] = 0;
      s.touched[d] = 0;
    }
    s.excluded.fill(0);
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
    let touchedList = this.scoreAll(m, include, exclude);
    let phraseCount = include.filter((c) => c.phrase).length;
    if (include.length > 0 && phraseCount > 0 && !this.anyMatch(touchedList, phraseCount)) {
      // No document has the quoted phrase: fall back to its words.
      this.resetScratch(touchedList);
      include = include.flatMap((c) =>
        c.phrase
          ? (c.alternatives[0]?.groups ?? []).map((g) => ({
              alternatives: [{ groups: [g] }],
              phrase: false,
            }))
          : [c],
      );
      phraseCount = 0;
      touchedList = this.scoreAll(m, include, exclude);
    }
    // Short queries rank documents with more of the words first.
    const tiered = include.length > 1 && include.length <= TIERED_UP_TO;

    // One pass over the candidates: match test, filters, facet counts and
    // the best `offset + limit` by the sort key.
    const topicFilter = options.topics?.length
      ? new Set(options.topics.map((t) => m.topics.indexOf(t)).filter((i) => i >= 0))
      : undefined;
    const yearPos =
      options.year === undefined ? -2 : m.years.findIndex(([y]) => y === options.year);
    const { start: topicStart, codes: topicCodes } = topicData;
    const { yearIndex, excluded, phrases, total, satisfied } = s;
    const topicCounts = new Uint32Array(m.topics.length);
    const yearCounts = new Uint32Array(m.years.length);
    const byDate = sort === 'date' || (sort === 'relevance' && include.length === 0);
    const byTitle = !byDate && sort === 'title' && titleRank !== undefined;
    const top = new TopK(offset + limit);
    const all = include.length === 0;
    const count = all ? m.n : touchedList.length;
    let matched = 0;
    for (let c = 0; c < count; c++) {
      const d = all ? c : (touchedList[c] as number);
      if (excluded[d] !== 0) continue;
      if (!all && (phrases[d] !== phraseCount || (total[d] as number) <= 0)) continue;
      const from = topicStart[d] as number;
      const to = topicStart[d + 1] as number;
      let inTopic = !topicFilter;
      if (topicFilter) {
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
    let page = top.ids.slice(offset);
    const score = (d: number): number => total[d] as number;
    const pageTiers = page.map((d) => (tiered ? (satisfied[d] as number) : 0));
    let pageScores = page.map(score);

    // Terms that matched somewhere, with their weights, for highlighting.
    const termWeight = new Map<string, number>();
    for (const c of include) {
      for (const alt of c.alternatives) {
        for (const g of alt.groups) {
          for (const { term, weight } of g) {
            const df = this.df(term);
            if (df > 0)
              termWeight.set(term, Math.max(termWeight.get(term) ?? 0, weight * idf(df, m.n)));
          }
        }
      }
    }

    this.resetScratch(touchedList);
    // ---- end of synchronous part ----

    let records = await Promise.all(page.map((d) => this.record(m, d)));
    if (sort === 'relevance' && include.length > 0 && include.length <= TIERED_UP_TO) {
      // Second stage for short queries, on the page only: stemming conflates
      // words (`organizers` and `organ`); a document with the words exactly
      // as typed moves up within its page. Pages keep their documents.
      const typed = surfaceWords(parsed).map((w) => ({ w, weight: idf(this.df(termOf(w)), m.n) }));
      const boosted = records.map((r, i) => {
        const present = new Set(tokenize(`${r[2]} ${r[7]}`).tokens.map((t) => t.word));
        let bonus = 0;
        for (const { w, weight } of typed) if (present.has(w)) bonus += EXACT_BONUS * weight;
        return { i, tier: pageTiers[i] ?? 0, score: (pageScores[i] ?? 0) + bonus };
      });
      boosted.sort((a, b) => b.tier - a.tier || b.score - a.score || a.i - b.i);
      page = boosted.map((b) => page[b.i] as number);
      records = boosted.map((b) => records[b.i] as DocRecord);
      pageScores = boosted.map((b) => b.score);
    }
    const terms = new Set(termWeight.keys());
    const hits: Hit[] = records.map((r, i) => {
      const [id, slug, title, authors, authorCount, date, topics, abstract] = r;
      const year = /^\d{4}/u.test(date) ? Number(date.slice(0, 4)) : undefined;
      const hit: Hit = {
        id,
        slug,
        title,
        authors,
        authorCount,
        topics,
        score: pageScores[i] ?? 0,
        titleMatches: highlightRanges(title, terms),
        snippet: makeSnippet(abstract, terms, (t) => termWeight.get(t) ?? 0),
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
  }
  return p;
}

function decodePostings(index: Index, term: string, m: Manifest): Postings | null {
  const res = index.search(term, { resolve: false }) as unknown as {
    result: (number[] | undefined)[];
  };
  const slots = res.result;
  let n = 0;
  for (const arr of slots) if (arr) n += arr.length;
  if (n === 0) return null;
  const ids = new Int32Array(n);
  const impacts = new Float32Array(n);
  let j = 0;
  slots.forEach((arr, slot) => {
    if (!arr) return;
    const v = impactOf(slot, m.k1, m.resolution);
    for (const id of arr) {
      ids[j] = id;
      impacts[j++] = v;
    }
  });
  return { ids, impacts };
}

/** Positions of one term: documents ascending, each with its slice of `pos`. */
interface TermPositions {
  docs: Int32Array;
  start: Int32Array;
  pos: Int32Array;
}

function decodePositions(text: string): TermPositions {
  const entries = text ? text.split(';') : [];
  const docs = new Int32Array(entries.length);
  const start = new Int32Array(entries.length + 1);
  const pos: number[] = [];
  let doc = 0;
  entries.forEach((entry, i) => {
    const parts = entry.split('.');
    doc += parseInt(parts[0] as string, 36);
    docs[i] = doc;
    start[i] = pos.length;
    let p = 0;
    for (let j = 1; j < parts.length; j++) {
      p += parseInt(parts[j] as string, 36);
      pos.push(p);
    }
  });
  start[entries.length] = pos.length;
  return { docs, start, pos: Int32Array.from(pos) };
}

/** Positions of `doc` in `tp` (empty when absent). */
function positionsOf(tp: TermPositions | undefined, doc: number): Int32Array {
  if (!tp) return EMPTY;
  let lo = 0;
  let hi = tp.docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = tp.docs[mid] as number;
    if (v === doc) return tp.pos.subarray(tp.start[mid] as number, tp.start[mid + 1] as number);
    if (v < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return EMPTY;
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

/** The folded words a query asks for, as typed (stop words left out). */
function surfaceWords(parsed: ParsedQuery): string[] {
  const out = new Set<string>();
  for (const c of parsed.include) {
    if (c.kind === 'word' && !c.prefix) out.add(c.word);
    else if (c.kind === 'compound')
      for (const p of c.prefix ? c.parts.slice(0, -1) : c.parts) out.add(p);
    else if (c.kind === 'phrase') for (const w of c.words) out.add(w.word);
  }
  return [...out].filter((w) => !isStopword(w));
}
