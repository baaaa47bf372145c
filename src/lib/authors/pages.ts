/**
 * Which authors get a page. Every author of a collection up to 10,000
 * papers; above that, authors with at least `AUTHOR_PAGE_MIN` papers, by
 * default the smallest minimum that keeps author pages under about a quarter
 * of the site's pages (the 74,728-paper arXiv list has 175,173 authors, 67,962
 * with two papers or more: pages for all would make author pages most of the
 * site). Authors the authors file names always get one. The rest are found
 * through search.
 */

/** Collections up to this many papers give every author a page. */
export const ALL_AUTHORS_UP_TO = 10_000;
/** Author pages stay under this share of all the site's pages. */
export const AUTHOR_PAGE_SHARE = 1 / 4;

export interface PageMinimum {
  /** Authors with at least this many papers get a page. */
  min: number;
  /** Why: set by `AUTHOR_PAGE_MIN`, every author of a small collection, or the share rule. */
  rule: 'setting' | 'all' | 'share';
}

/**
 * The minimum number of papers for an author page. `counts`: each author's
 * papers; `otherPages`: the site's pages besides author pages.
 */
export function authorPageMinimum(
  counts: readonly number[],
  options: { papers: number; otherPages: number; setting?: number | undefined },
): PageMinimum {
  if (options.setting !== undefined) return { min: Math.max(1, options.setting), rule: 'setting' };
  if (options.papers <= ALL_AUTHORS_UP_TO) return { min: 1, rule: 'all' };
  // Authors with at least m papers, for every m: a histogram summed from the top.
  let most = 0;
  for (const c of counts) if (c > most) most = c;
  const atLeast = new Array<number>(most + 2).fill(0);
  for (const c of counts) atLeast[c] = (atLeast[c] ?? 0) + 1;
  for (let m = most - 1; m >= 1; m--) atLeast[m] = (atLeast[m] ?? 0) + (atLeast[m + 1] ?? 0);
  // pages / (pages + other) <= share  <=>  pages <= other * share / (1 - share)
  const allowed = (options.otherPages * AUTHOR_PAGE_SHARE) / (1 - AUTHOR_PAGE_SHARE);
  for (let m = 1; m <= most; m++)
    if ((atLeast[m] ?? 0) <= allowed) return { min: m, rule: 'share' };
  return { min: most + 1, rule: 'share' };
}

/** A setting (`AUTHOR_PAGE_MIN`) that is not what it must be. */
export class SettingError extends Error {
  override readonly name = 'SettingError';
}

/** `AUTHOR_PAGE_MIN` as a number, or undefined when unset; anything else is an error. */
export function parsePageMinSetting(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new SettingError(`AUTHOR_PAGE_MIN=${value}: give a whole number of papers, 1 or more`);
  return n;
}

/** The HTML pages a site has besides author pages (the share rule's denominator). */
export function otherPageCount(site: {
  papers: number;
  /** Redirect and removal pages of papers and topics. */
  gonePages: number;
  pageSize: number;
  /** Papers per topic. */
  topicSizes: readonly number[];
  /** Papers per archive month (none when the list has no dates). */
  monthSizes: readonly number[];
}): number {
  const pages = (n: number) => Math.max(1, Math.ceil(n / site.pageSize));
  let total = site.papers + site.gonePages + pages(site.papers);
  for (const n of site.topicSizes) total += pages(n);
  for (const n of site.monthSizes) total += pages(n);
  // Home, topic indexes, search, map, archive index, 404.
  return total + 7;
}
