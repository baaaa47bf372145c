/**
 * Example searches for the empty search page, drawn from the collection so
 * that each one finds papers: the largest topic's name, the most common
 * phrase of titles in quotes (two words, or two around a stop word: stop
 * words count in quotes), the most common acronym or letter-digit word
 * (`LLM`, `3D`), a word left out of another, and a misspelt common word.
 * (Authors are not indexed, so none is offered.) Two passes over the titles.
 */
import { LUCENE_STOPWORDS, tokenize } from './text/index.ts';

export interface SearchExample {
  /** What the example shows the reader can search for. */
  what: string;
  query: string;
}

interface ExamplePaper {
  plainTitle: string;
}

interface ExampleTopic {
  name: string;
  papers: readonly string[];
}

/** The key counted most often (ties: the first counted), if any. */
function most<K>(counts: Map<K, number>, skip: (k: K) => boolean = () => false): K | undefined {
  let best: K | undefined;
  let n = 0;
  for (const [k, c] of counts) {
    if (c > n && !skip(k)) {
      best = k;
      n = c;
    }
  }
  return best;
}

const bump = <K>(counts: Map<K, number>, key: K): void => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
};

/**
 * A one-edit misspelling that is not another word: a doubled letter
 * undoubled (`diffusion` -> `difusion`), else two middle letters swapped.
 */
function misspelt(word: string): string {
  for (let i = 1; i < word.length; i++)
    if (word[i] === word[i - 1]) return word.slice(0, i) + word.slice(i + 1);
  for (let i = Math.floor(word.length / 2); i + 1 < word.length; i++)
    if (word[i] !== word[i + 1])
      return word.slice(0, i) + (word[i + 1] as string) + (word[i] as string) + word.slice(i + 2);
  return word;
}

// Acronyms as written: two to six letters, at least two capitals (`LLM`, `MoE`, `LLMs`).
const ACRONYM = /(?<![\p{L}\p{N}])(?=(?:\p{Lu}\p{Ll}?){2})([\p{L}]{2,6})(?![\p{L}\p{N}])/gu;
const LETTER_DIGIT = /^(?=.*\d)(?=.*[a-z])[a-z0-9]{2,6}$/u;

/** Up to five example searches that find papers of this collection. */
export function searchExamples(
  papers: readonly ExamplePaper[],
  topics: readonly ExampleTopic[],
): SearchExample[] {
  const words = new Map<string, number>();
  const phrases = new Map<string, number>();
  const short = new Map<string, number>();
  for (const p of papers) {
    const { tokens } = tokenize(p.plainTitle);
    const seen = new Set<string>();
    // The last content word, and the stop words since (a phrase spans at most one).
    let prev: string | undefined;
    let gap: string[] = [];
    for (const t of tokens) {
      if (LUCENE_STOPWORDS.has(t.word)) {
        gap.push(t.word);
        continue;
      }
      if (!seen.has(t.word)) {
        seen.add(t.word);
        if (t.word.length >= 6 && /^[a-z]+$/u.test(t.word)) bump(words, t.word);
        if (LETTER_DIGIT.test(t.word)) bump(short, t.word);
      }
      if (prev && t.word.length >= 3 && gap.length <= 1)
        bump(phrases, [prev, ...gap, t.word].join(' '));
      prev = t.word.length >= 3 ? t.word : undefined;
      gap = [];
    }
    for (const m of p.plainTitle.matchAll(ACRONYM)) {
      const a = (m[1] as string).replace(/s$/u, '');
      if (a.length >= 2 && a !== a.toLowerCase()) bump(short, a);
    }
  }

  const out: SearchExample[] = [];
  const topic = [...topics].sort((a, b) => b.papers.length - a.papers.length)[0];
  if (topic) out.push({ what: 'words in any order and form', query: topic.name.toLowerCase() });
  const pair = most(phrases, (k) => k === topic?.name.toLowerCase());
  if (pair) out.push({ what: 'a phrase, in quotes', query: `"${pair}"` });
  const acronym = most(short);
  if (acronym) out.push({ what: 'acronyms and short words', query: acronym });
  const first = most(words);
  if (first) {
    // The word most often beside `first` that some of its papers lack.
    const beside = new Map<string, number>();
    let withFirst = 0;
    for (const p of papers) {
      const ws = new Set(tokenize(p.plainTitle).tokens.map((t) => t.word));
      if (!ws.has(first)) continue;
      withFirst++;
      for (const w of ws) if (w !== first && words.has(w)) bump(beside, w);
    }
    const other = most(beside, (k) => (beside.get(k) ?? 0) >= withFirst);
    if (other) out.push({ what: 'a word left out', query: `${first} -${other}` });
    const typo = misspelt(first);
    if (typo !== first) out.push({ what: 'a typo', query: typo });
  }
  return out;
}
