/**
 * Turning a paper's title and abstract into a bag of words for similarity.
 *
 * The result keeps surface words (folded, not stemmed), counted apart for the
 * title and the abstract: it depends on the paper's text alone, so it can be
 * cached by content digest, and the stems and readable forms used by the
 * vectors are derived from it cheaply.
 */
import {
  ENGLISH_STOPWORDS,
  Vocabulary as TextVocabulary,
  asciiWords,
  fastWords,
  scan,
  stripMarkup,
  type TokenSink,
} from '../text/index.ts';

/**
 * One paper's term words, packed three numbers per distinct word in order
 * of first occurrence (title first): vocabulary id, count in the title,
 * count in the abstract. One typed array per paper keeps 75k bags small.
 */
export type DocWords = Int32Array;

/** Entries (distinct words) in a bag. */
export const bagSize = (bag: DocWords): number => bag.length / 3;

/**
 * The term words of a collection, each with a small integer id. Ids are
 * stable for as long as the vocabulary lives (it is kept in the rebuild
 * cache), so bags of ids can be cached and compared without their strings.
 * Words are cut by the text analyser's scanner, and every word seen (term or
 * not) is remembered in its `Vocabulary`, so a known ASCII word of an
 * abstract is counted without becoming a string.
 */
export class Vocabulary {
  readonly words: string[];
  /** Term word -> id. */
  private readonly ids = new Map<string, number>();
  // Every word seen, term or not, and its term id (-1: not a term).
  private seen!: TextVocabulary;
  private seenTerm = new Int32Array(1024);
  // Per-paper de-duplication: `mark[id]` is the stamp of the last paper that used `id`.
  private mark = new Int32Array(1024);
  private slot = new Int32Array(1024);
  private stamp = 0;
  /** Scratch for the bag being built. */
  private buffer = new Int32Array(768);

  constructor(words: readonly string[] = []) {
    this.words = [];
    this.resetSeen();
    for (const w of words) this.add(w);
  }

  private resetSeen(): void {
    this.seen = new TextVocabulary((id, w) => {
      if (id >= this.seenTerm.length) {
        const bigger = new Int32Array(this.seenTerm.length * 2);
        bigger.set(this.seenTerm);
        this.seenTerm = bigger;
      }
      this.seenTerm[id] = this.termId(w);
    });
  }

  /** Renumbers the vocabulary to exactly `words` (ids are their indexes). */
  replaceWords(words: readonly string[]): void {
    this.words.length = 0;
    this.ids.clear();
    this.resetSeen();
    for (const w of words) this.add(w);
  }

  get size(): number {
    return this.words.length;
  }

  /** Id of a term word, adding it when new. */
  add(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
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
    return isTermWord(word) ? this.add(word) : -1;
  }

  /** The bag of term words of one paper, in first-occurrence order (title first). */
  docWords(title: string, abstract: string): DocWords {
    let size = 0;
    const stamp = ++this.stamp;
    let field: 1 | 2 = 1;
    const count = (id: number): void => {
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
    const sink: TokenSink = {
      accept: (text, start, end) => {
        const known = this.seen.lookup(text, start, end);
        if (known < 0) return true;
        count(this.seenTerm[known] as number);
        return false;
      },
      token: (word) => count(this.seenTerm[this.seen.add(word)] as number),
      compound: () => undefined,
    };
    scan(stripMarkup(String(title ?? '')), 0, sink);
    field = 2;
    scan(stripMarkup(String(abstract ?? '')), 0, sink);
    return this.buffer.slice(0, 3 * size);
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

/** Removes URLs, LaTeX math and LaTeX commands, leaving the prose (the text analyser's rule). */
export { stripMarkup };

/** The text analyser's ASCII fast path, re-exported for the related tests and tools. */
export { asciiWords, fastWords };

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
