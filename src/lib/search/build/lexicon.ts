/**
 * Lexicon files: the indexed words as written (folded, not stemmed), with
 * their document frequency, for prefix completion and typo correction;
 * files split only between first letters.
 */
import type { SearchIndexFile, SearchOptions } from '../types.ts';
import { compareStrings } from '../format.ts';
import { partition } from './partition.ts';
import type { IndexVocabulary } from './vocabulary.ts';

/** Appends the lexicon files to `files`; returns the first word of each file and the word count. */
export function lexiconFiles(
  vocab: IndexVocabulary,
  n: number,
  opt: SearchOptions,
  files: SearchIndexFile[],
): { lexFirst: string[]; words: number } {
  const minDf = opt.lexiconMinDf > 0 ? opt.lexiconMinDf : n >= 5000 ? 2 : 1;
  const lexWords: string[] = [];
  const lexDf = new Map<string, number>();
  for (let w = 0; w < vocab.words.length; w++) {
    const df = vocab.df[w] as number;
    if (df >= minDf && !vocab.stop[w]) {
      const word = vocab.words[w] as string;
      lexWords.push(word);
      lexDf.set(word, df);
    }
  }
  lexWords.sort(compareStrings);
  const lexStarts = partition(
    lexWords,
    (w) => w.length + 6,
    opt.lexiconChars,
    (prev, next) => prev[0] !== next[0],
  );
  const lexFirst: string[] = [];
  for (let s = 0; s < lexStarts.length; s++) {
    const from = lexStarts[s] as number;
    const to = s + 1 < lexStarts.length ? (lexStarts[s + 1] as number) : lexWords.length;
    const ws = lexWords.slice(from, to);
    lexFirst.push(s === 0 ? '' : (ws[0] as string));
    files.push({
      path: `l/${s}.txt`,
      body: ws.map((w) => `${w} ${lexDf.get(w) ?? 0}`).join('\n'),
    });
  }
  if (lexFirst.length === 0) {
    lexFirst.push('');
    files.push({ path: 'l/0.txt', body: '' });
  }
  return { lexFirst, words: lexWords.length };
}
