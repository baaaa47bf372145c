import type { SluggedPaper } from '../../src/lib/paper.ts';

/** A paper record with defaults for the fields a test does not care about. */
export function paper(fields: Partial<SluggedPaper> = {}): SluggedPaper {
  const title =
    fields.title ?? 'PDF-WuKong: A Large Multimodal Model for Efficient Long PDF Reading';
  return {
    title,
    abstract: '',
    rawTitle: title,
    rawAbstract: '',
    authors: ['Xudong Ge', 'Sheng Cheng', 'Yang Wang'],
    date: '2024-05-24',
    arxiv: '2405.15738',
    links: [],
    categories: ['cs.CV'],
    topics: [],
    source: { file: 'papers.csv', line: 2 },
    slug: 'pdf-wukong',
    ...fields,
  };
}
