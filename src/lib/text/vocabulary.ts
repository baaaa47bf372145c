/**
 * A vocabulary: each distinct folded word of a collection gets a small
 * integer id (in order of first sight), and a plain ASCII word of a text is
 * found by a hash of its characters, lower-cased on the fly, without cutting
 * a string out of the text first: scanning 75,000 abstracts, most words are
 * known and never become strings. Search, related papers and topics keep
 * what they need per word in arrays indexed by id: see `onAdd`.
 */

/** FNV-1a hash of `text[start, end)` with ASCII capitals lower-cased. */
export function hashSpan(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 16777619);
  }
  return h;
}

/** Whether `w` is made of ASCII lower-case letters and digits only (what spans are looked up as). */
function isPlainAscii(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

export class Vocabulary {
  /** Words by id. */
  readonly words: string[] = [];
  private readonly ids = new Map<string, number>();
  // Plain ASCII words by hash (id + 1; 0: empty), open addressing.
  private fast = new Int32Array(1 << 12);
  private readonly onAdd: ((id: number, word: string) => void) | undefined;

  /** `onAdd(id, word)` is called once for each new word, e.g. to stem it. */
  constructor(onAdd?: (id: number, word: string) => void) {
    this.onAdd = onAdd;
  }

  get size(): number {
    return this.words.length;
  }

  /** The id of a folded word, or -1. */
  id(word: string): number {
    return this.ids.get(word) ?? -1;
  }

  /** The id of a folded word, adding it when new. */
  add(word: string): number {
    let id = this.ids.get(word);
    if (id !== undefined) return id;
    id = this.words.length;
    this.ids.set(word, id);
    this.words.push(word);
    if (isPlainAscii(word)) {
      if (this.words.length * 2 > this.fast.length) this.rehash();
      this.place(hashSpan(word, 0, word.length), id + 1);
    }
    this.onAdd?.(id, word);
    return id;
  }

  /**
   * The id of the ASCII word `text[start, end)` (letters and digits, any
   * case), or -1 when it has not been added. `hash`: `hashSpan` of the span,
   * when the caller computed it while scanning.
   */
  lookup(text: string, start: number, end: number, hash = hashSpan(text, start, end)): number {
    const mask = this.fast.length - 1;
    const len = end - start;
    for (let slot = (hash ^ (hash >>> 16)) & mask; ; slot = (slot + 1) & mask) {
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

  private rehash(): void {
    const old = this.fast;
    this.fast = new Int32Array(old.length * 2);
    for (const v of old) {
      if (!v) continue;
      const w = this.words[v - 1] as string;
      this.place(hashSpan(w, 0, w.length), v);
    }
  }

  private place(hash: number, value: number): void {
    const mask = this.fast.length - 1;
    let slot = (hash ^ (hash >>> 16)) & mask;
    while (this.fast[slot]) slot = (slot + 1) & mask;
    this.fast[slot] = value;
  }
}
