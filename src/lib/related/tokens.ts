/**
 * Turning a paper's title and abstract into a bag of words for similarity.
 *
 * The result keeps surface words (folded, not stemmed), counted apart for the
 * title and the abstract: it depends on the paper's text alone, so it can be
 * cached by content digest, and the stems and readable forms used by the
 * vectors are derived from it cheaply.
 */
import { ENGLISH_STOPWORDS, words } from '../text/index.ts';

/**
 * One paper's term words, packed three numbers per distinct word in order
 * of first occurrence (title first): vocabulary id, count in the title,
 * count in the abstract. One typed array per paper keeps 75k bags small.
 */
export type DocWords = Int32Array;

/** Entries (distinct words) in a bag. */
export const bagSize = (bag: DocWords): number => bag.length / 3;

/**
 * The words of a collection, each with a small integer id. Ids are stable
 * for as long as the vocabulary lives (it is kept in the rebuild cache), so
 * bags of ids can be cached and compared without their strings.
 */
export class Vocabulary {
  readonly words: string[];
  /** Word -> id; -1 for words seen and rejected as terms. */
  private readonly ids = new Map<string, number>();
  // Per-paper de-duplication: `mark[id]` is the stamp of the last paper that used `id`.
  private mark = new Int32Array(1024);
  private slot = new Int32Array(1024);
  private stamp = 0;

  constructor(words: readonly string[] = []) {
    this.words = [];
    for (const w of words) this.add(w);
  }

  /** Renumbers the vocabulary to exactly `words` (ids are their indexes). */
  replaceWords(words: readonly string[]): void {
    this.words.length = 0;
    this.ids.clear();
    this.tableEntry.fill(0);
    this.tableUsed = 0;
    this.rejected = [];
    for (const w of words) this.add(w);
  }

  get size(): number {
    return this.words.length;
  }

  /** Id of a term word, adding it when new. */
  add(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined || id < 0) {
      id = this.words.length;
      this.words.push(word);
      this.ids.set(word, id);
    }
    return id;
  }

  /** Id of `word` when it is a term word (adding it when new), else -1. */
  termId(word: string): number {
    const id = this.ids.get(word);
    if (id !== undefined) return id;
    if (!isTermWord(word)) {
      // Remembering rejections is only worth it for words that recur.
      if (word.length <= 12) this.ids.set(word, -1);
      return -1;
    }
    return this.add(word);
  }

  /** The bag of term words of one paper, in first-occurrence order (title first). */
  docWords(title: string, abstract: string): DocWords {
    let size = 0;
    const stamp = ++this.stamp;
    const count = (id: number, field: 1 | 2): void => {
      if (id < 0) return;
      if (id >= this.mark.length) this.growMarks(id + 1);
      let at: number;
      if (this.mark[id] !== stamp) {
        this.mark[id] = stamp;
        at = 3 * size++;
        this.slot[id] = at;
        if (at + 3 > this.buffer.length) {
          const bigger = new Int32Array(this.buffer.length * 2);
          bigger.set(this.buffer);
          this.buffer = bigger;
        }
        this.buffer[at] = id;
        this.buffer[at + 1] = 0;
        this.buffer[at + 2] = 0;
      } else at = this.slot[id] as number;
      this.buffer[at + field] = (this.buffer[at + field] as number) + 1;
    };
    for (const field of [1, 2] as const) {
      const text = stripMarkup(String((field === 1 ? title : abstract) ?? ''));
      if (ASCII.test(text)) this.scanAscii(text.toLowerCase(), (id) => count(id, field));
      else for (const w of words(text)) count(this.termId(w), field);
    }
    return this.buffer.slice(0, 3 * size);
  }

  /** Scratch for the bag being built. */
  private buffer = new Int32Array(768);

  // Open-addressing table from a word's characters to its id, so that ASCII
  // text is split and looked up without creating a string per word. Entry
  // `e > 0` is term id `e - 1`; `e < 0` is rejected word `-e - 1`; 0 is empty.
  private tableHash = new Int32Array(1 << 14);
  private tableEntry = new Int32Array(1 << 14);
  private tableUsed = 0;
  private rejected: string[] = [];

  /**
   * Calls `emit(termId or -1)` for each word of lower-cased ASCII `s`, exactly
   * as `asciiWords` splits it (words with inner apostrophes take the slow path).
   */
  private scanAscii(s: string, emit: (id: number) => void): void {
    const n = s.length;
    let i = 0;
    while (i < n) {
      if (!isAlnum(s.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      let h = 0;
      let apostrophe = false;
      for (;;) {
        while (i < n) {
          const c = s.charCodeAt(i);
          if (!isAlnum(c)) break;
          h = (Math.imul(h, 31) + c) | 0;
          i++;
        }
        if (i + 1 < n && s.charCodeAt(i) === 39 && isAlnum(s.charCodeAt(i + 1))) {
          apostrophe = true;
          i++;
          continue;
        }
        break;
      }
      if (apostrophe) {
        let w = s.slice(start, i);
        if (w.endsWith("'s")) w = w.slice(0, -2);
        w = w.replaceAll("'", '');
        if (w) emit(this.termId(w));
      } else emit(this.lookup(s, start, i, h));
    }
  }

  private lookup(s: string, start: number, end: number, h: number): number {
    const mask = this.tableEntry.length - 1;
    const len = end - start;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const e = this.tableEntry[at] as number;
      if (e === 0) break;
      if (this.tableHash[at] !== h) continue;
      const w = e > 0 ? (this.words[e - 1] as string) : (this.rejected[-e - 1] as string);
      if (w.length !== len) continue;
      let same = true;
      for (let j = 0; j < len && same; j++) same = w.charCodeAt(j) === s.charCodeAt(start + j);
      if (same) return e > 0 ? e - 1 : -1;
    }
    const word = s.slice(start, end);
    const id = this.termId(word);
    let entry: number;
    if (id >= 0) entry = id + 1;
    else {
      this.rejected.push(word);
      entry = -this.rejected.length;
    }
    this.insert(h, entry);
    return id;
  }

  private insert(h: number, entry: number): void {
    if ((this.tableUsed + 1) * 2 > this.tableEntry.length) {
      const oldHash = this.tableHash;
      const oldEntry = this.tableEntry;
      this.tableHash = new Int32Array(oldHash.length * 2);
      this.tableEntry = new Int32Array(oldEntry.length * 2);
      this.tableUsed = 0;
      for (let at = 0; at < oldEntry.length; at++) {
        if (oldEntry[at] !== 0) this.insert(oldHash[at] as number, oldEntry[at] as number);
      }
    }
    const mask = this.tableEntry.length - 1;
    let at = h & mask;
    while (this.tableEntry[at] !== 0) at = (at + 1) & mask;
    this.tableHash[at] = h;
    this.tableEntry[at] = entry;
    this.tableUsed++;
  }

  private growMarks(size: number): void {
    const n = Math.max(size, this.mark.length * 2);
    const mark = new Int32Array(n);
    mark.set(this.mark);
    const slot = new Int32Array(n);
    slot.set(this.slot);
    this.mark = mark;
    this.slot = slot;
  }
}

// URLs, inline/display math and LaTeX control words carry no topical words
// a reader would recognise (`\mathcal`, `https`, `github`), so they are cut
// before splitting into words. Math is bounded so a lone `$` cannot swallow
// the rest of an abstract.
const URL = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"]*/giu;
const MATH = /\$\$[^$]{0,400}\$\$|\$[^$\n]{0,200}\$|\\\([^]{0,200}?\\\)|\\\[[^]{0,400}?\\\]/gu;
const COMMAND = /\\[a-zA-Z]+\*?/gu;

/** Removes URLs, LaTeX math and LaTeX commands, leaving the prose. */
export function stripMarkup(text: string): string {
  // The checks skip the regular expressions for the many abstracts without markup.
  let out = text;
  if (out.includes('://') || /www\./iu.test(out)) out = out.replace(URL, ' ');
  if (out.includes('$') || out.includes('\\')) out = out.replace(MATH, ' ');
  if (out.includes('\\')) out = out.replace(COMMAND, ' ');
  return out;
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/u;

/**
 * `words(text)` for pure-ASCII text, without the Unicode-aware regex: a
 * hand-written scanner is about ten times faster, and for ASCII input it
 * gives exactly the same words (a property test checks this), since folding
 * ASCII is lower-casing and the only apostrophe is `'`.
 */
export function asciiWords(text: string): string[] {
  const s = text.toLowerCase();
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isAlnum(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let hasApostrophe = false;
    for (;;) {
      while (i < n && isAlnum(s.charCodeAt(i))) i++;
      // An apostrophe continues the word only when a letter or digit follows.
      if (i + 1 < n && s.charCodeAt(i) === 39 && isAlnum(s.charCodeAt(i + 1))) {
        hasApostrophe = true;
        i++;
        continue;
      }
      break;
    }
    let w = s.slice(start, i);
    if (hasApostrophe) {
      if (w.endsWith("'s")) w = w.slice(0, -2);
      w = w.replaceAll("'", '');
    }
    if (w) out.push(w);
  }
  return out;
}

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

/** Folded words of `text`, the same as the shared `words`, fast for ASCII. */
export function fastWords(text: string): string[] {
  return ASCII.test(text) ? asciiWords(text) : words(text);
}

/** Whether a folded word can be a term: not a stop word, a number, a letter or junk. */
export function isTermWord(w: string): boolean {
  if (w.length < 2 || w.length > 40) return false;
  let digits = true;
  for (let i = 0; i < w.length && digits; i++) {
    const c = w.charCodeAt(i);
    digits = c >= 48 && c <= 57;
  }
  return !digits && !ENGLISH_STOPWORDS.has(w);
}

/** The term words of one paper as strings (a throwaway vocabulary): for tests and tools. */
export function docWordStrings(
  title: string,
  abstract: string,
): Map<string, [title: number, abstract: number]> {
  const vocab = new Vocabulary();
  return bagStrings(vocab.docWords(title, abstract), vocab);
}

/** A bag as a map from word to its title and abstract counts. */
export function bagStrings(
  bag: DocWords,
  vocab: Vocabulary,
): Map<string, [title: number, abstract: number]> {
  const out = new Map<string, [number, number]>();
  for (let i = 0; i < bag.length; i += 3) {
    out.set(vocab.words[bag[i] as number] as string, [bag[i + 1] as number, bag[i + 2] as number]);
  }
  return out;
}
