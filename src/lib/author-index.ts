/**
 * The A–Z author index: its letters, its pages, and names as an index shows
 * them ("Liu, Yang"). The index lists authors with a page, by family name.
 */
import { nameParts } from './authors/names.ts';
import type { AuthorView } from './site-authors.ts';

/** Names per page of a letter; an index this small fits on `/authors/` itself. */
export const AUTHORS_PER_PAGE = 300;

export const LETTERS = [...'abcdefghijklmnopqrstuvwxyz', 'other'];

/** A letter as headings show it. */
export const letterLabel = (letter: string) =>
  letter === 'other' ? 'Other' : letter.toUpperCase();

/** "Family, Given" for the index, which sorts by family name; one-word names as they are. */
export function indexName(name: string): string {
  const { family, given, suffix } = nameParts(name);
  if (!given) return name;
  return `${family}, ${given}${suffix ? `, ${suffix}` : ''}`;
}

/** Whether the whole index is one page (`/authors/`), or a page per letter. */
export const indexOnOnePage = (authors: readonly AuthorView[]) =>
  authors.length <= AUTHORS_PER_PAGE;
