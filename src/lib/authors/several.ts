/**
 * Whether one name's papers look like several people's. Common names gather
 * different researchers ("Yang Liu": 289 papers in the 74,728-paper arXiv
 * list). Two signs, both required:
 * - the name is common: its given name and its family name are each shared
 *   by many other names in the collection ("Yang", "Liu"), unlike "Graham
 *   Neubig" or "Ming-Hsuan Yang";
 * - its papers do not hang together: one person's papers connect through
 *   their co-authors, several people's fall into groups that share none.
 *   Measured on that list, people known to be one (Guangtao Zhai, Ziwei Liu,
 *   Dacheng Tao) keep 83-97% of their papers in one group, common names
 *   (Yang Liu, Wei Wang, Hao Wang) 18-52%.
 */

/** Below this many papers a name is not flagged: a few unconnected groups are normal for one person. */
export const SEVERAL_MIN_PAPERS = 25;
/** Papers with more authors than this are left out: a consortium connects everyone. */
const MAX_AUTHORS = 50;
/** Flagged when the largest connected group holds less than this share of the papers. */
const LARGEST_SHARE = 2 / 3;

/**
 * How many other names must share a name's given name and its family name
 * for it to count as common: ~30 among the 175,000 names of the 74,728-paper
 * list, proportionally fewer in smaller lists.
 */
export function commonNameThreshold(names: number): number {
  return Math.max(3, Math.round(names / 6000));
}

/**
 * Whether the papers hang apart. `papers`: the author's papers (indices into `byPaper`); `byPaper`: each
 * paper's author ids.
 */
export function papersHangApart(
  author: number,
  papers: readonly number[],
  byPaper: readonly (readonly number[])[],
): boolean {
  const kept = papers.filter((p) => (byPaper[p]?.length ?? 0) <= MAX_AUTHORS);
  if (kept.length < SEVERAL_MIN_PAPERS) return false;
  const parent = kept.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[i] !== root) {
      const next = parent[i] as number;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  const firstPaperOf = new Map<number, number>();
  kept.forEach((p, i) => {
    for (const co of byPaper[p] ?? []) {
      if (co === author || co < 0) continue;
      const j = firstPaperOf.get(co);
      if (j === undefined) firstPaperOf.set(co, i);
      else parent[find(i)] = find(j);
    }
  });
  const sizes = new Map<number, number>();
  let largest = 0;
  for (let i = 0; i < kept.length; i++) {
    const root = find(i);
    const size = (sizes.get(root) ?? 0) + 1;
    sizes.set(root, size);
    largest = Math.max(largest, size);
  }
  return largest < LARGEST_SHARE * kept.length;
}
