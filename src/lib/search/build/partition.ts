/** Splitting sorted lists into files of about a target size. */

/** Splits a sorted list into consecutive groups of about `target` size. */
export function partition<T>(
  items: readonly T[],
  size: (item: T, i: number) => number,
  target: number,
  canSplit: (prev: T, next: T) => boolean,
): number[] {
  const starts: number[] = [];
  let current = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    const s = size(item, i);
    if (i === 0) starts.push(0);
    else if (current + s > target && canSplit(items[i - 1] as T, item)) {
      starts.push(i);
      current = 0;
    }
    current += s;
  }
  return starts;
}
