/** Dates as the site shows them, and the month archive's keys. */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2024-05-27` -> `27 May 2024`; `2024-05` -> `May 2024`; `2024` -> `2024`. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (!month) return y ?? iso;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** The archive month of a date: `2024-05-27` -> `2024/05`; none for a bare year. */
export function monthKey(iso: string | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})/.exec(iso ?? '');
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/** `2024/05` -> `May 2024`. */
export function monthLabel(key: string): string {
  const [y, m] = key.split('/');
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** Authors for a card: the first three, then "et al." with the full count. */
export function shortAuthors(authors: readonly string[], max = 3): string {
  if (authors.length <= max) return authors.join(', ');
  return `${authors.slice(0, max).join(', ')} et al.`;
}

/** Newest first; papers without a date after dated ones; ties in list order. */
export function byDateDesc<P extends { date?: string | undefined; index: number }>(
  papers: readonly P[],
): P[] {
  return [...papers].sort((a, b) => {
    if (a.date && b.date && a.date !== b.date) return a.date < b.date ? 1 : -1;
    if (Boolean(a.date) !== Boolean(b.date)) return a.date ? -1 : 1;
    return a.index - b.index;
  });
}
