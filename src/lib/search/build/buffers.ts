/**
 * Growable typed arrays and an integer-pair hash table: the build keeps
 * millions of postings in flat arrays rather than objects, which keeps a
 * 100,000-paper collection quick and light on memory.
 */
import { writeNumber } from '../format.ts';

/** A growable array of 32-bit integers. */
export class IntBuffer {
  data: Int32Array<ArrayBuffer>;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, Math.ceil(capacity)));
  }
  push(v: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = v;
  }
  grow(min: number): void {
    let size = this.data.length * 2;
    while (size < min) size *= 2;
    const next = new Int32Array(size);
    next.set(this.data);
    this.data = next;
  }
  /** The filled part (a view: valid until the next push). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** A growable byte buffer of ASCII/UTF-8 text. */
export class ByteBuffer {
  data = new Uint8Array(1 << 16);
  length = 0;
  private readonly encoder = new TextEncoder();
  reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    let size = this.data.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  byte(b: number): void {
    this.reserve(1);
    this.data[this.length++] = b;
  }
  text(s: string): void {
    this.reserve(s.length * 3);
    this.length += this.encoder.encodeInto(s, this.data.subarray(this.length)).written;
  }
  /** Appends a number as variable-length digits. */
  number(v: number): void {
    this.reserve(8);
    this.length = writeNumber(this.data, this.length, v);
  }
}

/**
 * Open-addressing hash set of integer pairs `(hi, lo)`, each below 2^31,
 * numbering them in insertion order (word pairs: `hi` = first term and gap,
 * `lo` = second term).
 */
export class PairTable {
  // Slots of three: hi, lo, number + 1 (0: empty), side by side in memory.
  private slots: Int32Array;
  private mask: number;
  size = 0;
  constructor(capacity = 1 << 16) {
    this.slots = new Int32Array(capacity * 3);
    this.mask = capacity - 1;
  }
  private static hash(hi: number, lo: number): number {
    const h = (Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo, 0x85ebca77)) >>> 0;
    return h ^ (h >>> 15);
  }
  /** The pair's number, adding it if new. */
  intern(hi: number, lo: number): number {
    if (this.size * 2 >= this.mask) this.rehash();
    const { slots, mask } = this;
    for (let h = PairTable.hash(hi, lo) & mask; ; h = (h + 1) & mask) {
      const at = h * 3;
      const id = slots[at + 2] as number;
      if (id === 0) {
        slots[at] = hi;
        slots[at + 1] = lo;
        slots[at + 2] = ++this.size;
        return this.size - 1;
      }
      if (slots[at] === hi && slots[at + 1] === lo) return id - 1;
    }
  }
  private rehash(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.slots = new Int32Array(cap * 3);
    this.mask = cap - 1;
    for (let at = 0; at < old.length; at += 3) {
      const id = old[at + 2] as number;
      if (id === 0) continue;
      const hi = old[at] as number;
      const lo = old[at + 1] as number;
      let h = PairTable.hash(hi, lo) & this.mask;
      while (this.slots[h * 3 + 2] !== 0) h = (h + 1) & this.mask;
      this.slots[h * 3] = hi;
      this.slots[h * 3 + 1] = lo;
      this.slots[h * 3 + 2] = id;
    }
  }
  /** `[hi, lo]` of every pair by number. */
  entries(): { hi: Int32Array; lo: Int32Array } {
    const hi = new Int32Array(this.size);
    const lo = new Int32Array(this.size);
    const { slots } = this;
    for (let at = 0; at < slots.length; at += 3) {
      const id = slots[at + 2] as number;
      if (id === 0) continue;
      hi[id - 1] = slots[at] as number;
      lo[id - 1] = slots[at + 1] as number;
    }
    return { hi, lo };
  }
}

/** `a` itself when it holds `min` values, else a copy twice as large (or more), new slots `fill`ed. */
export function growTo(a: Int32Array<ArrayBuffer>, min: number, fill = 0): Int32Array<ArrayBuffer> {
  if (min <= a.length) return a;
  let size = a.length * 2;
  while (size < min) size *= 2;
  const next = new Int32Array(size);
  next.set(a);
  if (fill) next.fill(fill, a.length);
  return next;
}
