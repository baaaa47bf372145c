/**
 * Typo tolerance: the optimal-string-alignment distance (Levenshtein plus
 * adjacent transpositions, so `trasnformer` is one edit from `transformer`),
 * bounded so that hopeless candidates are rejected early.
 */

/** Edits allowed for a word of `length` letters: none under 5, 1 from 5, 2 from 9. */
export function maxEdits(length: number): number {
  return length < 5 ? 0 : length < 9 ? 1 : 2;
}

// Rows reused by every call (the functions are synchronous and not re-entrant).
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Optimal string alignment distance between `a` and `b`, or `max + 1` as
 * soon as it is certain to exceed `max`.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  return distance(a, b, max, false);
}

/**
 * The smallest optimal string alignment distance between `a` and a prefix
 * of `b` (what is typed so far against a word it may be the misspelt start
 * of: `difusi` is one edit from `diffusi`, the start of `diffusion`), or
 * `max + 1` as soon as it is certain to exceed `max`.
 */
export function boundedPrefixDistance(a: string, b: string, max: number): number {
  return distance(a, b.length > a.length + max ? b.slice(0, a.length + max) : b, max, true);
}

function distance(a: string, b: string, max: number, prefix: boolean): number {
  const la = a.length;
  const lb = b.length;
  if (prefix ? lb < la - max : Math.abs(la - lb) > max) return max + 1;
  if (rowA.length <= lb) {
    rowA = new Int32Array(lb + 1);
    rowB = new Int32Array(lb + 1);
    rowC = new Int32Array(lb + 1);
  }
  // Three rolling rows: i-2, i-1, i.
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  if (!prefix) return Math.min(prev[lb] as number, max + 1);
  let best = max + 1;
  for (let j = Math.max(0, la - max); j <= lb; j++) best = Math.min(best, prev[j] as number);
  return best;
}
