/**
 * Citations for papers: BibTeX entries and files, citation keys, and an
 * APA-like plain-text citation. Pure functions of the paper record and its
 * canonical URL, usable at build time and in the browser.
 */
export { toBibtex, toBibtexFile, monthOf } from './bibtex.ts';
export type { BibtexEntryMemo, BibtexOptions } from './bibtex.ts';
export { toPlainCitation, apaAuthors } from './plain.ts';
export type { PlainCitationOptions } from './plain.ts';
export { citationKey, assignCitationKeys, firstSignificantWord, yearOf } from './keys.ts';
export { apaName, splitName, initials } from './names.ts';
export type { NameParts } from './names.ts';
export {
  bibTitle,
  bibText,
  bibName,
  bibVerbatim,
  escapeText,
  isSafeMath,
  needsProtection,
  splitMath,
} from './escape.ts';
