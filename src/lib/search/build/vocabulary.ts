/**
 * The words of the collection as the index build sees them, and the sink
 * that collects one document's indexed words from the tokeniser.
 */
import { Vocabulary } from '../../text/index.ts';
import { isStopword, termOf, type TokenSink } from '../tokenize.ts';

/**
 * The words of the collection: each distinct folded word is looked up (the
 * text analyser's `Vocabulary`), stemmed and checked against the stop list
 * once; the build keeps per word its term, stop flag and document frequency.
 */
export class IndexVocabulary {
  private readonly base = new Vocabulary((id, w) => this.added(id, w));
  /** Word -> term id (its stem), stop words included. */
  wordTerm = new Int32Array(1 << 14);
  /** Word -> 1 for stop words. */
  stop = new Uint8Array(1 << 14);
  /** Word -> documents it occurs in (outside compounds), and the last one counted. */
  df = new Int32Array(1 << 14);
  lastDoc = new Int32Array(1 << 14).fill(-1);
  readonly termIds = new Map<string, number>();
  readonly terms: string[] = [];

  /** Words by id. */
  get words(): readonly string[] {
    return this.base.words;
  }

  /** The id of the folded ASCII word `text[start, end)`, or -1 if not seen yet. */
  lookup(text: string, start: number, end: number): number {
    return this.base.lookup(text, start, end);
  }

  /** The id of a folded word, adding it when new. */
  word(w: string): number {
    return this.base.add(w);
  }

  private added(id: number, w: string): void {
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
    this.stop[id] = isStopword(w) ? 1 : 0;
    this.wordTerm[id] = this.term(termOf(w));
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
  private readonly vocab: IndexVocabulary;
  constructor(vocab: IndexVocabulary) {
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
