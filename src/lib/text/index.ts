/** Text utilities shared by search, topics and related papers. */
export { fold } from './fold.ts';
export { words } from './words.ts';
export { stem } from './stem.ts';
export { ENGLISH_STOPWORDS, LUCENE_STOPWORDS } from './stopwords.ts';
