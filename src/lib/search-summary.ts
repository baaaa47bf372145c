/**
 * The line that says what a search found, for the search page and the
 * header box: one count for a single word, two for several ("12 papers
 * contain all words · 151 more contain some"). Pure, so it is unit-tested.
 */

export interface SearchCounts {
  /** Papers that match (any of the words). */
  total: number;
  /** Of those, papers with every word. */
  all: number;
  /** The query's words, as the engine read them. */
  words: readonly string[];
}

const papers = (n: number): string => `${n.toLocaleString('en')} paper${n === 1 ? '' : 's'}`;

/** The count line of a search; `q` is the query as typed, `filtered` whether filters apply. */
export function summaryLine(r: SearchCounts, q: string, filtered = false): string {
  const quoted = q.trim() ? ` “${q.trim()}”` : '';
  const where = filtered ? ' with these filters' : '';
  if (r.total === 0) return `No papers match${quoted}${where}.`;
  if (r.words.length <= 1)
    return `${papers(r.total)} match${r.total === 1 ? 'es' : ''}${quoted}${where}.`;
  const some = r.total - r.all;
  const more =
    some > 0 ? ` · ${some.toLocaleString('en')} more contain${some === 1 ? 's' : ''} some` : '';
  if (r.all === 0)
    return `No paper contains all words${where} · ${some.toLocaleString('en')} contain${some === 1 ? 's' : ''} some`;
  return `${papers(r.all)} contain${r.all === 1 ? 's' : ''} all words${where}${more}`;
}
