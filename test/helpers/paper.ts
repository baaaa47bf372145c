/** A minimal Paper for tests: title and abstract, everything else empty. */
import type { Paper } from '../../src/lib/paper.ts';

export function makePaper(
  title: string,
  abstract = 'An abstract.',
  extra: Partial<Paper> = {},
): Paper {
  return {
    title,
    abstract,
    rawTitle: title,
    rawAbstract: abstract,
    authors: [],
    links: [],
    categories: [],
    topics: [],
    source: { file: 'list.txt' },
    ...extra,
  };
}
