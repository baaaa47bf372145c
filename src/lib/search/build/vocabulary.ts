/**
 * The words of the collection as the index build sees them, and the sink
 * that collects one document's indexed words from the tokeniser.
 */
import { isStopword, termOf, type TokenSink } from '../tokenize.ts';

/**
 * The words of the collection: each distinct folded word is looked up,
 * stemmed and checked against the stop list once.
 */
export class Vocabulary {
  readonly wordIds = new Map<string, number>();
  readonly words: string[] = [];
  /** Word -> term id (its stem), stop words included. */
  wordTerm = new Int32Array(1 << 14);
  /** Word -> 1 for stop words. */
  stop = new Uint8Array(1 << 14);
  /** Word -> documents it occurs in (outside compounds), and the last one counted. */
  df = new Int32Array(1 << 14);
  lastDoc = new Int32Array(1 << 14).fill(-1);
  readonly termIds = new Map<string, number>();
  readonly terms: string[] = [];
  // Plain ASCII words by a hash of their letters, so that a word of a text
  // is found without cutting and lower-casing it first (word id + 1; 0: empty).
  private fast = new Int32Array(1 << 16);

  /** The id of the folded ASCII word `text[start, end)`, or -1 if not seen yet. */
  lookup(text: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      h = Math.imul(h ^ c, 16777619);
    }
    const mask = this.fast.length - 1;
    const len = end - start;
    for (let slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
      const id = (this.fast[slot] as number) - 1;
      if (id < 0) return -1;
      const w = this.words[id] as string;
      if (w.length !== len) continue;
      let same = true;
      for (let i = 0; i < len && same; i++) {
        let c = text.charCodeAt(start + i);
        if (c >= 65 && c <= 90) c += 32;
        same = c === w.charCodeAt(i);
      }
      if (same) return id;
    }
  }

  private remember(w: string, id: number): void {
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 122))) return;
    }
    if (this.words.length * 2 > this.fast.length) {
      const old = this.fast;
      this.fast = new Int32Array(old.length * 2);
      for (const v of old) if (v) this.place(this.words[v - 1] as string, v);
    }
    this.place(w, id + 1);
  }

  private place(w: string, value: number): void {
    let h = 0x811c9dc5;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
    const mask = this.fast.length - 1;
    let slot = (h ^ (h >>> 16)) & mask;
    while (this.fast[slot]) slot = (slot + 1) & mask;
    this.fast[slot] = value;
  }

  word(w: string): number {
    let id = this.wordIds.get(w);
    if (id !== undefined) return id;
    id = this.words.length;
    if (id === this.wordTerm.length) {
      const grow = <A extends Int32Array | Uint8Array>(a: A, fill = 0): A => {
        const next = new (a.constructor as new (n: number) => A)(a.length * 2);
        next.set(a);
        if (fill) next.fill(fill, a.length);
        return next;
      };
      this.wordTerm = grow(this.wordTerm);
      this.stop = grow(this.stop);
      this.df = grow(this.df);
      this.lastDoc = grow(this.lastDoc, -1);
    }
    this.wordIds.set(w, id);
    this.words.push(w);
    this.remember(w, id);
    this.stop[id] = isStopword(w) ? 1 : 0;
    this.wordTerm[id] = this.term(termOf(w));
    return id;
  }

  term(t: string): number {
    let id = this.termIds.get(t);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(t, id);
      this.terms.push(t);
    }
    return id;
  }
}

/** Collects one document's indexed words and compounds from the tokeniser. */
export class DocSink implements TokenSink {
  /** Terms and positions of the indexed (non-stop) words, in order. */
  tokTerm: Int32Array<ArrayBuffer> = new Int32Array(4096);
  tokPos: Int32Array<ArrayBuffer> = new Int32Array(4096);
  tokWord: Int32Array<ArrayBuffer> = new Int32Array(4096);
  tokens = 0;
  compTerm: Int32Array<ArrayBuffer> = new Int32Array(1024);
  compounds = 0;
  doc = 0;
  private readonly vocab: Vocabulary;
  constructor(vocab: Vocabulary) {
    this.vocab = vocab;
  }

  accept(text: string, start: number, end: number, pos: number): boolean {
    const id = this.vocab.lookup(text, start, end);
    if (id < 0) return true;
    this.add(id, pos);
    return false;
  }

  token(word: string, _start: number, _end: number, pos: number): void {
    this.add(this.vocab.word(word), pos);
  }

  private add(id: number, pos: number): void {
    const v = this.vocab;
    if (v.stop[id]) return;
    if (v.lastDoc[id] !== this.doc) {
      v.lastDoc[id] = this.doc;
      v.df[id] = (v.df[id] as number) + 1;
    }
    if (this.tokens === this.tokTerm.length) {
      const t = new Int32Array(this.tokens * 2);
      t.set(this.tokTerm);
      this.tokTerm = t;
      const p = new Int32Array(this.tokens * 2);
      p.set(this.tokPos);
      this.tokPos = p;
      const w = new Int32Array(this.tokens * 2);
      w.set(this.tokWord);
      this.tokWord = w;
    }
    this.tokWord[this.tokens] = id;
    this.tokTerm[this.tokens] = v.wordTerm[id] as number;
    this.tokPos[this.tokens++] = pos;
  }

  compound(word: string): void {
    if (this.compounds === this.compTerm.length) {
      const t = new Int32Array(this.compounds * 2);
      t.set(this.compTerm);
      this.compTerm = t;
    }
    this.compTerm[this.compounds++] = this.vocab.wordTerm[this.vocab.word(word)] as number;
  }
}
