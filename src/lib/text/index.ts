/**
 * The text analyser: one meaning of "a word" for search, related papers and
 * topics. What each part uses:
 *
 * - `fold` (case, accents, ligatures) and `stripAccents` (accents only, case
 *   kept, for names shown to readers).
 * - `words` (folded words of any text) and its ASCII fast path
 *   (`asciiWords`, `fastWords`, `isAscii`).
 * - `scan`: the one streaming scanner (words with their offsets and
 *   positions, hyphen/colon compounds, an `accept` hook that lets a sink
 *   skip known ASCII words without making strings); `tokenize` collects it.
 * - `Vocabulary` with `hashSpan`: word ids, ASCII spans found by hash.
 * - `stem` (Porter; search, related) and `lightStem` / `stem(w, { light:
 *   true })` (inflections only; for topic names).
 * - `LUCENE_STOPWORDS` (search: Lucene's 33 words, as the IR reference
 *   figures use) and `ENGLISH_STOPWORDS` (related papers, phrase mining).
 * - What is not prose: math (`parseSegments`, `withoutMath`), URLs
 *   (`URL_PATTERN`, `looksLikeUrl`), LaTeX commands, all three cut by
 *   `stripMarkup`.
 */
export { fold, stripAccents } from './fold.ts';
export { words } from './words.ts';
export { asciiWords, fastWords, isAscii, isAsciiAlnum } from './ascii.ts';
export { scan, tokenize, type Token, type TokenSink, type Tokenized } from './scan.ts';
export { Vocabulary, hashSpan } from './vocabulary.ts';
export { stem, lightStem, type StemOptions } from './stem.ts';
export { ENGLISH_STOPWORDS, LUCENE_STOPWORDS } from './stopwords.ts';
export { parseSegments, withoutMath, type Segment } from './math.ts';
export { COMMAND_PATTERN, MAYBE_URL, URL_PATTERN, looksLikeUrl, stripMarkup } from './patterns.ts';
