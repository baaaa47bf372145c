/**
 * Query parsing: quoted phrases, `-word` / `-"phrase"` exclusions, joined
 * words (`top-p`, `N:M`, `SPLADE v2`) and the word still being typed.
 * The result only says what was asked; `client.ts` decides which index terms
 * satisfy each part (stems, prefix completions, typo corrections).
 */
import { authorFilters } from './author-keys.ts';
import { isStopword, tokenize, type Token } from './tokenize.ts';

/** One word to look up: folded, not stemmed. */
export interface WordClause {
  kind: 'word';
  word: string;
  /** The word is still being typed: also match words that start with it. */
  prefix: boolean;
  /** Quoted or excluded: match the word itself only (no typo correction). */
  exact: boolean;
  /**
   * The word glued to a short neighbour (`SPLADE v2` -> `spladev2`, `top p`
   * -> `topp`): a document with the written-together form has both words.
   */
  glued?: string[];
}

/**
 * Words written joined (`top-p`, `k-sparse`, `N:M`) or a short word next to
 * another (`SPLADE v2`, `top p`): matched by the glued form (`topp`) or by
 * all the parts that are not stop words.
 */
export interface CompoundClause {
  kind: 'compound';
  parts: string[];
  joined: string;
  /** The last part is still being typed. */
  prefix: boolean;
}

/** A quoted phrase: words at fixed distances (stop words leave gaps). */
export interface PhraseClause {
  kind: 'phrase';
  words: { word: string; offset: number }[];
  /** The phrase's stop words in the gaps, checked where the text is read. */
  stops?: { word: string; offset: number }[];
}

export type Clause = WordClause | CompoundClause | PhraseClause;

export interface ParsedQuery {
  /** What a document must (or, for long queries, may) contain. */
  include: Clause[];
  /** What a document must not contain. */
  exclude: Clause[];
  /** `author:"Name"` / `author:Name`: names an author of every document must be (as written); absent when none. */
  authors?: string[];
}

// A quoted phrase (the closing quote may be missing while typing), or a run
// of non-space characters; either may be preceded by `-`.
const CHUNK = /(-?)(?:"([^"]*)"?|([^\s"]+))/gu;

interface Piece {
  clause: Clause;
  /** Index of the whitespace-separated chunk it came from. */
  chunk: number;
  negated: boolean;
}

function chunkClauses(text: string, negated: boolean): Clause[] {
  const { tokens, compounds } = tokenize(text);
  const out: Clause[] = [];
  let i = 0;
  for (const c of compounds) {
    // Compounds are in order and cover consecutive tokens starting at c.pos.
    while (i < tokens.length && (tokens[i] as Token).pos < c.pos) {
      pushWord(out, (tokens[i] as Token).word, negated);
      i++;
    }
    const parts: string[] = [];
    while (i < tokens.length && (tokens[i] as Token).end <= c.end) {
      parts.push((tokens[i] as Token).word);
      i++;
    }
    out.push({ kind: 'compound', parts, joined: c.word, prefix: false });
  }
  for (; i < tokens.length; i++) pushWord(out, (tokens[i] as Token).word, negated);
  return out;
}

function pushWord(out: Clause[], word: string, negated: boolean): void {
  if (isStopword(word)) return;
  out.push({ kind: 'word', word, prefix: false, exact: negated });
}

function phraseClause(text: string): Clause | null {
  const { tokens } = tokenize(text);
  const content = tokens.filter((t) => !isStopword(t.word));
  const first = content[0];
  if (!first) return null;
  if (content.length === 1) return { kind: 'word', word: first.word, prefix: false, exact: true };
  const last = content[content.length - 1] as Token;
  const stops = tokens
    .filter((t) => isStopword(t.word) && t.pos > first.pos && t.pos < last.pos)
    .map((t) => ({ word: t.word, offset: t.pos - first.pos }));
  return {
    kind: 'phrase',
    words: content.map((t) => ({ word: t.word, offset: t.pos - first.pos })),
    ...(stops.length ? { stops } : {}),
  };
}

/**
 * A clause as the reader wrote it (folded): a word, joined words with
 * hyphens, a phrase in quotes with its stop words. Names a query word in
 * "Missing: <word>", and rebuilds a query from some of its clauses.
 */
export function clauseText(clause: Clause): string {
  switch (clause.kind) {
    case 'word':
      return clause.word;
    case 'compound':
      return clause.parts.join('-');
    case 'phrase': {
      const all = [...clause.words, ...(clause.stops ?? [])].sort((a, b) => a.offset - b.offset);
      return `"${all.map((w) => w.word).join(' ')}"`;
    }
  }
}

/** The query made of `include` and the exclusions of `exclude`. */
export function queryText(include: readonly Clause[], exclude: readonly Clause[] = []): string {
  return [...include.map(clauseText), ...exclude.map((c) => `-${clauseText(c)}`)].join(' ');
}

/** Short pieces that are usually written joined to their neighbour: `v2`, `p`, `k`. */
function isShortPart(word: string): boolean {
  return word.length <= 2 || (word.length <= 4 && /\d/u.test(word));
}

/**
 * Parses a query. `complete` is false while the visitor is typing: then the
 * last word, unless followed by a space, also matches words it begins.
 */
export function parseQuery(text: string, complete = false): ParsedQuery {
  const { authors, rest: query } = authorFilters(text);
  const pieces: Piece[] = [];
  let chunk = 0;
  let lastEnd = 0;
  let lastQuoted = false;
  for (const m of query.matchAll(CHUNK)) {
    const negated = m[1] === '-';
    const quoted = m[2];
    lastEnd = m.index + m[0].length;
    lastQuoted = quoted !== undefined;
    if (quoted !== undefined) {
      const clause = phraseClause(quoted);
      if (clause) pieces.push({ clause, chunk, negated });
    } else {
      for (const clause of chunkClauses(m[3] ?? '', negated))
        pieces.push({ clause, chunk, negated });
    }
    chunk++;
  }

  // The word being typed: the last one, when nothing follows it.
  const typing = !complete && !lastQuoted && lastEnd === query.length && query.length > 0;
  const last = pieces[pieces.length - 1];
  // A single letter is completed only as the whole query: after other words
  // (`top p`) it would match most of the collection.
  const completes =
    last?.clause.kind !== 'word' || last.clause.word.length > 1 || pieces.length === 1;
  if (typing && last && !last.negated && last.chunk === chunk - 1 && completes) {
    if (last.clause.kind === 'word') last.clause.prefix = true;
    else if (last.clause.kind === 'compound') last.clause.prefix = true;
  }

  // `SPLADE v2`, `top p`, `k sparse`: a short word next to another may be
  // the spaced form of a joined word. Each stays a word of its own (a query
  // of short and long words finds what its words find), with the glued form
  // as one more way to have it.
  for (let i = 1; i < pieces.length; i++) {
    const prev = pieces[i - 1] as Piece;
    const p = pieces[i] as Piece;
    if (
      !p.negated &&
      !prev.negated &&
      p.chunk === prev.chunk + 1 &&
      prev.clause.kind === 'word' &&
      p.clause.kind === 'word' &&
      !prev.clause.exact &&
      !p.clause.exact &&
      (isShortPart(prev.clause.word) || isShortPart(p.clause.word))
    ) {
      const glued = prev.clause.word + p.clause.word;
      (prev.clause.glued ??= []).push(glued);
      (p.clause.glued ??= []).push(glued);
    }
  }
  return {
    include: pieces.filter((p) => !p.negated).map((p) => p.clause),
    exclude: pieces.filter((p) => p.negated).map((p) => p.clause),
    ...(authors.length > 0 ? { authors } : {}),
  };
}
