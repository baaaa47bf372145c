/**
 * Phrase candidates and their statistics for topic discovery, over the
 * corpus of `corpus.ts`.
 *
 * 1. Candidates are the n-grams (1-4 words) of titles that look like terms:
 *    no stop word or prose word ("novel", "towards") at either end, only `of`
 *    or a hyphenated `to` inside, not made only of generic words, not
 *    starting or ending inside a hyphenated compound. Titles are where
 *    authors name what a paper is about; abstract n-grams are mostly prose
 *    ("experimental results"), so they are candidates only in short lists,
 *    whose titles rarely repeat a phrase.
 * 2. A trie of candidate stems is run over every title and abstract, counting
 *    occurrences per paper (on stems, so inflection and hyphenation do not
 *    matter), and the C-value nesting statistic (Frantzi et al. 2000) is
 *    computed: how often a phrase is used on its own rather than inside a
 *    longer candidate ("radiance fields" inside "neural radiance fields").
 */
import {
  BOUNDARY,
  BREAKER,
  CONTENT,
  ID,
  JOINED,
  MAX_PHRASE,
  PREFIX,
  expand,
  type Corpus,
  type Vocabulary,
} from './corpus.ts';
import { adjectival } from './lexicon.ts';

/** A trie of phrases over stem ids, run over word-id arrays. */
export class PhraseTrie {
  private readonly root: Int32Array;
  private readonly next: (Map<number, number> | undefined)[] = [];
  private readonly cand: number[] = [];
  private readonly vocab: Vocabulary;
  readonly maxLength: number;

  constructor(vocab: Vocabulary, maxLength: number) {
    this.vocab = vocab;
    this.maxLength = maxLength;
    this.root = new Int32Array(vocab.stems.length).fill(-1);
  }

  private node(): number {
    this.next.push(undefined);
    this.cand.push(-1);
    return this.cand.length - 1;
  }

  /** Adds a phrase (its stem ids) as number `c`. */
  add(stems: readonly number[], c: number): void {
    let node = -1;
    for (const s of stems) {
      if (node < 0) {
        node = this.root[s] as number;
        if (node < 0) this.root[s] = node = this.node();
        continue;
      }
      let children = this.next[node];
      if (children === undefined) this.next[node] = children = new Map();
      let child = children.get(s);
      if (child === undefined) children.set(s, (child = this.node()));
      node = child;
    }
    if (node >= 0) this.cand[node] = c;
  }

  /**
   * Calls `found(c, i, j)` for every phrase occurring at words i..j of `ids`.
   * Prose words never count as a term's words, even when they share its stem
   * ("propose" is not a use of "proposals").
   */
  walk(ids: Int32Array, found: (c: number, i: number, j: number) => void): void {
    const { kind, stemOf } = this.vocab;
    for (let i = 0; i < ids.length; i++) {
      const first = ids[i] as number;
      if (first < 0 || kind[first & ID] === BREAKER) continue;
      let node = this.root[stemOf[first & ID] as number] as number;
      for (let j = i; node >= 0;) {
        const c = this.cand[node] as number;
        if (c >= 0) found(c, i, j);
        if (++j >= ids.length || j - i >= this.maxLength) break;
        const w = ids[j] as number;
        if (w < 0 || kind[w & ID] === BREAKER) break;
        node = this.next[node]?.get(stemOf[w & ID] as number) ?? -1;
      }
    }
  }
}

/** A phrase candidate with its counts over the collection. */
export interface Candidate {
  /** Stem ids joined by `,`: the candidate's identity within one corpus. */
  key: string;
  /** Stems joined by spaces: stable across lists, used for ties. */
  stems: string;
  length: number;
  titleDf: number;
  /** Papers where it is substantive: in the title, or at least twice in the abstract. */
  strongDf: number;
  /** Papers that mention it at all. */
  anyDf: number;
  /** Those papers (ascending): a name describes the papers that mention it. */
  mentionedBy: Int32Array;
  /** Share of uses not inside a longer candidate (C-value nesting correction), 0..1. */
  independence: number;
  /** Share of title uses directly followed by another content word (used as a modifier). */
  modifier: number;
  /** Papers where it is substantive (ascending), with its title and abstract counts there. */
  papers: Int32Array;
  inTitle: Int32Array;
  inAbstract: Int32Array;
  /** Forms written in titles (acronyms not expanded): word ids (with JOINED flags) joined by `,` -> count. */
  forms: Map<string, number>;
}

export interface CandidateOptions {
  /** Fewest titles a candidate must occur in. */
  minTitleDf: number;
  /** Fewest papers it must be substantive in. */
  minStrongDf: number;
  /**
   * Also phrases of two or more words from abstracts, found in at least this
   * many abstracts: short lists, whose titles rarely repeat a phrase, still
   * name their topics by their field's terms ("mental health").
   */
  minAbstractDf?: number;
  maxLength?: number;
}

/** Substantive use: in the title, or at least twice in the abstract. */
export function isStrong(inTitle: number, inAbstract: number): boolean {
  return inTitle > 0 || inAbstract >= 2;
}

/** Steps 2 and 3: candidates from titles, counted over titles and abstracts. */
export function mineCandidates(corpus: Corpus, options: CandidateOptions): Candidate[] {
  const { vocab } = corpus;
  const maxLength = options.maxLength ?? MAX_PHRASE;
  const expandedTitles = corpus.titles.map((t, p) => expand(corpus, p, t));

  // Step 2: title n-grams that look like terms, counted once per title.
  const titleDf = new Map<string, number>();
  const seen = new Set<string>();
  for (const title of expandedTitles) {
    seen.clear();
    forEachTermGram(title, vocab, maxLength, (key) => {
      if (seen.has(key)) return;
      seen.add(key);
      titleDf.set(key, (titleDf.get(key) ?? 0) + 1);
    });
  }
  const keys: string[] = [];
  for (const [key, df] of titleDf) if (df >= options.minTitleDf) keys.push(key);
  const fromAbstracts = new Set<string>();
  if (options.minAbstractDf !== undefined) {
    const adjectivalStem = new Set<number>();
    for (let w = 0; w < vocab.size; w++)
      if (adjectival(vocab.lower[w] as string)) adjectivalStem.add(vocab.stemOf[w] as number);
    const abstractDf = new Map<string, number>();
    corpus.abstracts.forEach((ids, p) => {
      seen.clear();
      forEachTermGram(expand(corpus, p, ids), vocab, maxLength, (key) => {
        if (seen.has(key) || !key.includes(',')) return;
        seen.add(key);
        abstractDf.set(key, (abstractDf.get(key) ?? 0) + 1);
      });
    });
    for (const [key, df] of abstractDf) {
      if (df < options.minAbstractDf || titleDf.has(key)) continue;
      // A phrase of running text ends on a noun, not a describing word.
      const last = Number(key.slice(key.lastIndexOf(',') + 1));
      if (adjectivalStem.has(last)) continue;
      keys.push(key);
      fromAbstracts.add(key);
    }
  }
  keys.sort();
  const trie = new PhraseTrie(vocab, maxLength);
  keys.forEach((key, c) => trie.add(key.split(',').map(Number), c));

  // Step 3: occurrences per paper; substantive ones are kept as flat entries.
  const m = keys.length;
  const forms: Map<string, number>[] = Array.from({ length: m }, () => new Map());
  const abstractOnly = Uint8Array.from(keys, (key) => (fromAbstracts.has(key) ? 1 : 0));
  const formObs = new Int32Array(m);
  const tCount = new Int32Array(m);
  const aCount = new Int32Array(m);
  const anyDf = new Int32Array(m);
  const titleUses = new Int32Array(m);
  const modified = new Int32Array(m);
  const touched: number[] = [];
  let entries = new Int32Array(1 << 16);
  let size = 0;
  let mention = new Int32Array(1 << 16);
  let mentions = 0;

  // Names come from titles as written (acronyms not expanded): a sample of forms is enough.
  const written = new Int32Array(m);
  const noteForm = (title: Int32Array) => (c: number, i: number, j: number) => {
    written[c] = (written[c] as number) + 1;
    if ((formObs[c] as number) >= 32) return;
    formObs[c] = (formObs[c] as number) + 1;
    let form = `${(title[i] as number) & ID}`;
    for (let k = i + 1; k <= j; k++) form += `,${title[k] as number}`;
    const f = forms[c] as Map<string, number>;
    f.set(form, (f.get(form) ?? 0) + 1);
  };
  for (let p = 0; p < corpus.n; p++) {
    const title = expandedTitles[p] as Int32Array;
    const raw = corpus.titles[p] as Int32Array;
    const sameAsRaw = title === raw;
    const form = noteForm(title);
    trie.walk(title, (c, i, j) => {
      if (tCount[c] === 0) touched.push(c);
      tCount[c] = (tCount[c] as number) + 1;
      titleUses[c] = (titleUses[c] as number) + 1;
      const after = j + 1 < title.length ? (title[j + 1] as number) : BOUNDARY;
      if (after >= 0 && vocab.kind[after & ID] === CONTENT)
        modified[c] = (modified[c] as number) + 1;
      if (sameAsRaw) form(c, i, j);
    });
    if (!sameAsRaw) trie.walk(raw, noteForm(raw));
    const abstract = expand(corpus, p, corpus.abstracts[p] as Int32Array);
    const abstractForm = fromAbstracts.size ? noteForm(abstract) : undefined;
    trie.walk(abstract, (c, i, j) => {
      if (abstractOnly[c] && abstractForm) {
        abstractForm(c, i, j);
        // Abstract-only phrases: modifier share from their abstract uses.
        titleUses[c] = (titleUses[c] as number) + 1;
        const after = j + 1 < abstract.length ? (abstract[j + 1] as number) : BOUNDARY;
        if (after >= 0 && vocab.kind[after & ID] === CONTENT)
          modified[c] = (modified[c] as number) + 1;
      }
      if (tCount[c] === 0 && aCount[c] === 0) touched.push(c);
      aCount[c] = (aCount[c] as number) + 1;
    });
    // Entries are appended in paper order, so each candidate's papers come out ascending.
    for (const c of touched) {
      anyDf[c] = (anyDf[c] as number) + 1;
      if (mentions + 2 > mention.length) {
        const grown = new Int32Array(mention.length * 2);
        grown.set(mention);
        mention = grown;
      }
      mention[mentions++] = c;
      mention[mentions++] = p;
      const t = tCount[c] as number;
      const a = aCount[c] as number;
      if (isStrong(t, a)) {
        if (size + 4 > entries.length) {
          const grown = new Int32Array(entries.length * 2);
          grown.set(entries);
          entries = grown;
        }
        entries[size++] = c;
        entries[size++] = p;
        entries[size++] = t;
        entries[size++] = a;
      }
      tCount[c] = 0;
      aCount[c] = 0;
    }
    touched.length = 0;
  }

  // Entries grouped by candidate (counting sort keeps papers ascending).
  const offset = new Int32Array(m + 1);
  for (let e = 0; e < size; e += 4) {
    const c = entries[e] as number;
    offset[c + 1] = (offset[c + 1] as number) + 1;
  }
  for (let c = 0; c < m; c++) offset[c + 1] = (offset[c + 1] as number) + (offset[c] as number);
  const total = size / 4;
  const papers = new Int32Array(total);
  const inTitle = new Int32Array(total);
  const inAbstract = new Int32Array(total);
  const fill = offset.slice(0, m);
  for (let e = 0; e < size; e += 4) {
    const c = entries[e] as number;
    const at = fill[c] as number;
    fill[c] = at + 1;
    papers[at] = entries[e + 1] as number;
    inTitle[at] = entries[e + 2] as number;
    inAbstract[at] = entries[e + 3] as number;
  }

  const mentionPtr = new Int32Array(m + 1);
  for (let e = 0; e < mentions; e += 2) {
    const c = mention[e] as number;
    mentionPtr[c + 1] = (mentionPtr[c + 1] as number) + 1;
  }
  for (let c = 0; c < m; c++)
    mentionPtr[c + 1] = (mentionPtr[c + 1] as number) + (mentionPtr[c] as number);
  const mentionFill = mentionPtr.slice(0, m);
  const mentioned = new Int32Array(mentions / 2);
  for (let e = 0; e < mentions; e += 2) {
    const c = mention[e] as number;
    mentioned[mentionFill[c] as number] = mention[e + 1] as number;
    mentionFill[c] = (mentionFill[c] as number) + 1;
  }

  const cands: Candidate[] = keys.map((key, c) => {
    const from = offset[c] as number;
    const to = offset[c + 1] as number;
    const ts = inTitle.subarray(from, to);
    let t = 0;
    for (const x of ts) if (x > 0) t++;
    const stemIds = key.split(',').map(Number);
    return {
      key,
      stems: stemIds.map((s) => vocab.stems[s]).join(' '),
      length: stemIds.length,
      titleDf: t,
      strongDf: to - from,
      anyDf: anyDf[c] as number,
      mentionedBy: mentioned.subarray(mentionPtr[c], mentionPtr[c + 1]),
      independence: 1,
      modifier: (modified[c] as number) / Math.max(1, titleUses[c] as number),
      papers: papers.subarray(from, to),
      inTitle: ts,
      inAbstract: inAbstract.subarray(from, to),
      forms: forms[c] as Map<string, number>,
    };
  });

  // C-value nesting: uses of a phrase inside a longer candidate are not uses of
  // its own. C-value subtracts the mean frequency of the containing candidates;
  // the largest one is used here, so that a fragment inside one dominant
  // longer term ("large language" in "large language models") scores 0.
  const index = new Map(keys.map((k, c) => [k, c]));
  const nestMax = new Float64Array(m);
  for (const b of cands) {
    if (b.length < 2 || b.strongDf < options.minStrongDf) continue;
    const parts = b.key.split(',');
    for (let i = 0; i < parts.length; i++) {
      for (let j = i + 1; j <= parts.length; j++) {
        if (j - i === parts.length) continue;
        const a = index.get(parts.slice(i, j).join(','));
        if (a !== undefined) nestMax[a] = Math.max(nestMax[a] as number, b.strongDf);
      }
    }
  }
  cands.forEach((a, c) => {
    const f = Math.max(a.strongDf, 1);
    a.independence = Math.max(0, Math.min(1, (f - (nestMax[c] as number)) / f));
  });
  // A topic is named by a phrase authors write out in titles: "red green
  // blue" is not a candidate when nearly all of its
  // uses come from expanding "RGB" (so it names no field of its own).
  return cands.filter((c, i) =>
    abstractOnly[i]
      ? c.anyDf >= (options.minAbstractDf as number)
      : c.strongDf >= options.minStrongDf && (written[i] as number) >= 0.1 * c.titleDf,
  );
}

/**
 * Per paper in `papers`, the candidates its title or abstract mentions at all
 * (with counts), for the papers discovery could not place on strong evidence.
 */
export function mentions(
  corpus: Corpus,
  cands: readonly Candidate[],
  papers: readonly number[],
): Map<number, { cand: number; inTitle: number; inAbstract: number }[]> {
  const trie = new PhraseTrie(corpus.vocab, MAX_PHRASE);
  cands.forEach((c, i) => trie.add(c.key.split(',').map(Number), i));
  const out = new Map<number, { cand: number; inTitle: number; inAbstract: number }[]>();
  for (const p of papers) {
    const counts = new Map<number, [number, number]>();
    const tally = (field: 0 | 1) => (c: number) => {
      let x = counts.get(c);
      if (x === undefined) counts.set(c, (x = [0, 0]));
      x[field]++;
    };
    trie.walk(expand(corpus, p, corpus.titles[p] as Int32Array), tally(0));
    trie.walk(expand(corpus, p, corpus.abstracts[p] as Int32Array), tally(1));
    out.set(
      p,
      [...counts.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([cand, [t, a]]) => ({ cand, inTitle: t, inAbstract: a })),
    );
  }
  return out;
}

/** Calls `emit(key)` for each n-gram of a field that may name a term. */
function forEachTermGram(
  ids: Int32Array,
  vocab: Vocabulary,
  maxLength: number,
  emit: (key: string) => void,
): void {
  const { kind, stemOf, generic, lower } = vocab;
  for (let i = 0; i < ids.length; i++) {
    const first = ids[i] as number;
    if (first < 0 || (kind[first & ID] !== CONTENT && kind[first & ID] !== PREFIX)) continue;
    // A term does not start or end inside a hyphenated compound ("augmented
    // generation" is part of "retrieval-augmented generation").
    if (first & JOINED) continue;
    let key = '';
    let allGeneric = true;
    for (let j = i; j < ids.length && j - i < maxLength; j++) {
      const w = ids[j] as number;
      if (w < 0) break;
      const k = kind[w & ID];
      if (k === BREAKER) break;
      const s = stemOf[w & ID] as number;
      key = j === i ? `${s}` : `${key},${s}`;
      if (k !== CONTENT) continue;
      if (!generic[s]) allGeneric = false;
      if (allGeneric) continue;
      if (j === i) {
        const word = lower[w & ID] as string;
        if (word.length < 3 || adjectival(word)) continue;
      }
      const next = j + 1 < ids.length ? (ids[j + 1] as number) : BOUNDARY;
      if (next >= 0 && next & JOINED) continue;
      emit(key);
    }
  }
}
