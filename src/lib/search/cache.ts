/**
 * A least-recently-used cache bounded by (estimated) bytes, so that a long
 * search session keeps a fixed amount of index data in memory.
 */
export class ByteLru<V> {
  private readonly map = new Map<string, { value: V; size: number }>();
  private bytes = 0;
  readonly budget: number;

  constructor(budget: number) {
    this.budget = budget;
  }

  get(key: string): V | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    // Most recently used last.
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  /** Stores `value` as `size` bytes, then forgets the least recently used entries over budget. */
  set(key: string, value: V, size: number): void {
    const old = this.map.get(key);
    if (old) {
      this.bytes -= old.size;
      this.map.delete(key);
    }
    this.map.set(key, { value, size });
    this.bytes += size;
    this.trim();
  }

  /** Updates the size of an entry (e.g. once its download arrived). */
  resize(key: string, value: V, size: number): void {
    const e = this.map.get(key);
    if (!e || e.value !== value) return;
    this.bytes += size - e.size;
    e.size = size;
    this.trim();
  }

  delete(key: string): void {
    const e = this.map.get(key);
    if (!e) return;
    this.bytes -= e.size;
    this.map.delete(key);
  }

  /** Estimated bytes held. */
  get size(): number {
    return this.bytes;
  }

  get count(): number {
    return this.map.size;
  }

  private trim(): void {
    if (this.bytes <= this.budget) return;
    for (const [key, e] of this.map) {
      if (this.bytes <= this.budget || this.map.size <= 1) break;
      this.map.delete(key);
      this.bytes -= e.size;
    }
  }
}
