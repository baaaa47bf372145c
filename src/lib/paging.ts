/** Splitting lists into pages, and the page links a pager shows. */

/** `items` in consecutive pieces of `size` (at least one, possibly empty, piece). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new RangeError('page size must be at least 1');
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length > 0 ? pages : [[]];
}

/**
 * The page numbers a pager shows around `current` (1-based), with `null` for a
 * gap: 1 … 4 5 [6] 7 8 … 20.
 */
export function pageWindow(current: number, total: number, radius = 2): (number | null)[] {
  const shown = new Set<number>([1, total]);
  for (let p = current - radius; p <= current + radius; p++) if (p >= 1 && p <= total) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const [i, p] of sorted.entries()) {
    const prev = sorted[i - 1];
    if (prev !== undefined && p - prev > 1) out.push(p - prev === 2 ? p - 1 : null);
    out.push(p);
  }
  return out;
}
