/**
 * The corpus of topic discovery: every title and abstract tokenised once
 * into word ids (clause boundaries kept, hyphenated prefixes joined, stop
 * words inside hyphenated compounds kept with the compound), with case
 * statistics and acronym definitions ("mixture-of-experts (MoE)", after
 * Schwartz & Hearst 2003) so that later uses of `MoE` count as the long form.
 *
 * Everything is integer ids and typed arrays, so 75k abstracts take seconds.
 */
import { lightStem as lemma, Vocabulary as TextVocabulary } from '../text/index.ts';
import { BREAK, CONNECTORS, GENERIC, STOP } from './lexicon.ts';
import {
  PREFIXES,
  isAscii,
  prose,
  scan,
  scanAsciiSpans,
  unapostrophe,
  upperCount,
} from './tokens.ts';

export interface TextInput {
  title: string;
  abstract: string;
}

/** Clause boundaries in a field's word-id array are negative: */
export const BOUNDARY = -1;
/** `(` and `)`, kept apart to find acronym definitions. */
const OPEN = -2;
const CLOSE = -3;
/** End of a sentence (`.`, `!`, `?`, `:`): the next word may be capitalised for that reason alone. */
const PERIOD = -4;
/** Flag on a word id: written glued to the previous word with a hyphen. */
export const JOINED = 1 << 29;
/** Mask that takes the JOINED flag off a word id. */
export const ID = JOINED - 1;

/** Longest candidate phrase, in words. */
export const MAX_PHRASE = 4;

/** What part a word may play in a phrase. */
export const CONTENT = 0;
/** Inside a phrase only: `of`, and `to` in `text-to-image`. */
export const CONNECTOR = 1;
/** Never in a phrase: stop words and words of academic prose. */
export const BREAKER = 2;
/** A stop word hyphenated to the next word (`in-context`, `out-of-distribution`): may start a phrase, not end one. */
export const PREFIX = 3;

/** Words and stems seen in a collection, as dense integer ids. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  /** Folded form of each word id. */
  readonly lower: string[] = [];
  /** Word id -> stem id. */
  readonly stemOf: number[] = [];
  /** Word id -> CONTENT, CONNECTOR, BREAKER or PREFIX. */
  readonly kind: number[] = [];
  /** Word id -> written with two or more capitals (`MoE`, `LLMs`): an acronym if defined. */
  readonly acronym: boolean[] = [];
  /** Word id -> mid-sentence occurrences written in lower case. */
  readonly lowerSeen: number[] = [];
  private readonly stemIds = new Map<string, number>();
  /** Stem id -> stem. */
  readonly stems: string[] = [];
  /** Stem id -> names nothing on its own. */
  readonly generic: boolean[] = [];
  // Plain ASCII words by the text analyser's vocabulary (found from a span's
  // hash, so the tokeniser need not build a string per word it has seen
  // before), and the word id each of them is here.
  private readonly plain = new TextVocabulary();
  private plainWord: number[] = [];

  /** Id of a word; acronym-shaped words get their own id (same stem) so `MoE` is not `moe`. */
  word(lower: string, acronymShaped: boolean): number {
    const key = acronymShaped ? `^${lower}` : lower;
    let id = this.ids.get(key);
    if (id !== undefined) return id;
    id = this.lower.length;
    this.ids.set(key, id);
    this.lower.push(lower);
    const s = lemma(lower);
    let sid = this.stemIds.get(s);
    if (sid === undefined) {
      sid = this.stems.length;
      this.stemIds.set(s, sid);
      this.stems.push(s);
      this.generic.push(GENERIC.has(s));
    }
    this.stemOf.push(sid);
    this.acronym.push(acronymShaped);
    this.lowerSeen.push(0);
    this.kind.push(
      CONNECTORS.has(lower)
        ? CONNECTOR
        : STOP.has(lower) || BREAK.has(lower) || lower.length < 2 || /^\d+$/u.test(lower)
          ? BREAKER
          : CONTENT,
    );
    return id;
  }

  /**
   * A stop word written hyphenated to the next word gets its own id of kind
   * `kind` (same stem): `to` in `text-to-image` may sit inside a phrase, `in`
   * in `in-context learning` may start one.
   */
  hyphenated(lower: string, kind: number): number {
    const key = `-${kind}-${lower}`;
    const existing = this.ids.get(key);
    if (existing !== undefined) return existing;
    const plain = this.word(lower, false);
    const id = this.lower.length;
    this.ids.set(key, id);
    this.lower.push(lower);
    this.stemOf.push(this.stemOf[plain] as number);
    this.acronym.push(false);
    this.lowerSeen.push(0);
    this.kind.push(kind);
    return id;
  }

  /** Word id of `t[start, end)` lower-cased, given its hash (from `scanAsciiSpans`). */
  span(t: string, start: number, end: number, hash: number): number {
    const known = this.plain.lookup(t, start, end, hash);
    if (known >= 0) return this.plainWord[known] as number;
    const lower = t.slice(start, end).toLowerCase();
    const id = this.word(lower, false);
    this.plainWord[this.plain.add(lower)] = id;
    return id;
  }

  get size(): number {
    return this.lower.length;
  }
}

/** An acronym's long form: word ids (with JOINED flags) and its stems as a key. */
export interface LongForm {
  ids: number[];
  key: string;
}

export interface Corpus {
  n: number;
  vocab: Vocabulary;
  /** Per paper: word ids of the title / abstract, negative boundaries, JOINED flags. */
  titles: Int32Array[];
  abstracts: Int32Array[];
  /** Word id -> other spellings seen mid-sentence (`Gaussian`, `BERT`) and their counts. */
  cased: Map<number, Map<string, number>>;
  /** Acronym word id -> long form used across the collection (dominant definition). */
  acronyms: Map<number, LongForm>;
  /** Per paper: acronyms it defines itself (word id -> long form). */
  local: Map<number, Map<number, LongForm>>;
  /** Prefixed word id (`pretraining`) -> times written hyphenated (`pre-training`). */
  hyphenSeen: Map<number, number>;
}

function markCode(mark: number): number {
  switch (mark) {
    case 40:
      return OPEN;
    case 41:
      return CLOSE;
    case 46:
    case 33:
    case 63:
    case 58:
      return PERIOD;
    default:
      return BOUNDARY;
  }
}

/** Tokenises a collection (step 1). */
export function buildCorpus(papers: readonly TextInput[]): Corpus {
  const vocab = new Vocabulary();
  const cased = new Map<number, Map<string, number>>();
  const definitions = new Map<number, Map<string, { form: LongForm; count: number }>>();
  const local = new Map<number, Map<number, LongForm>>();
  const titles: Int32Array[] = [];
  const abstracts: Int32Array[] = [];
  const ids: number[] = [];
  const { lowerSeen } = vocab;
  const hyphenSeen = new Map<number, number>();

  const noteCase = (id: number, surface: string) => {
    let m = cased.get(id);
    if (m === undefined) cased.set(id, (m = new Map()));
    m.set(surface, (m.get(surface) ?? 0) + 1);
  };

  const field = (text: string, paper: number, isAbstract: boolean): Int32Array => {
    ids.length = 0;
    let sentenceStart = true;
    // Slow path (any word): case statistics need the surface form.
    const addWord = (lower: string, surface: string, joined: boolean) => {
      const shaped = upperCount(surface) >= 2;
      const id = vocab.word(shaped ? acronymKey(lower, surface) : lower, shaped);
      ids.push(joined ? id | JOINED : id);
      if (shaped) noteCase(id, surface);
      else if (isAbstract && !sentenceStart) {
        if (surface === lower) lowerSeen[id] = (lowerSeen[id] as number) + 1;
        else noteCase(id, surface);
      }
      sentenceStart = false;
    };
    const addBoundary = (code: number) => {
      const mark = markCode(code);
      ids.push(mark);
      if (mark === PERIOD) sentenceStart = true;
    };
    const t = prose(text);
    if (isAscii(t)) {
      scanAsciiSpans(
        t,
        (start, end, joined, h, upper, apostrophe) => {
          if (upper >= 2 || apostrophe) {
            const s = t.slice(start, end);
            addWord(unapostrophe(s.toLowerCase()), s, joined);
            return;
          }
          const id = vocab.span(t, start, end, h);
          ids.push(joined ? id | JOINED : id);
          if (isAbstract && !sentenceStart) {
            if (upper === 0) lowerSeen[id] = (lowerSeen[id] as number) + 1;
            else noteCase(id, t.slice(start, end));
          }
          sentenceStart = false;
        },
        addBoundary,
      );
    } else {
      scan(text, addWord, (mark) => addBoundary(mark.charCodeAt(0)));
    }
    // A hyphenated prefix is one word with what follows (`pre-training` is `pretraining`).
    let out = 0;
    for (let i = 0; i < ids.length; i++) {
      const w = ids[i] as number;
      const prev = out > 0 ? (ids[out - 1] as number) : -1;
      if (w >= 0 && w & JOINED && prev >= 0 && PREFIXES.has(vocab.lower[prev & ID] as string)) {
        const joinedWord = (vocab.lower[prev & ID] as string) + (vocab.lower[w & ID] as string);
        const merged = vocab.word(joinedWord, false);
        ids[out - 1] = merged | (prev & JOINED);
        hyphenSeen.set(merged, (hyphenSeen.get(merged) ?? 0) + 1);
        continue;
      }
      ids[out++] = w;
    }
    ids.length = out;
    // Stop words inside hyphenated compounds belong to the compound:
    // `text-to-image`, `in-context`, `out-of-distribution`.
    for (let i = 0; i + 1 < ids.length; i++) {
      const w = ids[i] as number;
      const next = ids[i + 1] as number;
      if (w < 0 || next < 0 || !(next & JOINED) || vocab.kind[w & ID] !== BREAKER) continue;
      const lower = vocab.lower[w & ID] as string;
      if (!STOP.has(lower)) continue;
      const kind = w & JOINED ? CONNECTOR : PREFIX;
      ids[i] = vocab.hyphenated(lower, kind) | (w & JOINED);
    }
    findDefinitions(ids, vocab, (acronym, form) => {
      let mine = local.get(paper);
      if (mine === undefined) local.set(paper, (mine = new Map()));
      if (!mine.has(acronym)) mine.set(acronym, form);
      let forms = definitions.get(acronym);
      if (forms === undefined) definitions.set(acronym, (forms = new Map()));
      const seen = forms.get(form.key);
      if (seen) seen.count++;
      else forms.set(form.key, { form, count: 1 });
    });
    return Int32Array.from(ids);
  };

  papers.forEach((paper, i) => {
    titles.push(field(paper.title, i, false));
    abstracts.push(field(paper.abstract, i, true));
  });

  // An acronym means its dominant long form collection-wide when that form is
  // at least 60% of its definitions; ties are settled by the stems, not by order.
  const acronyms = new Map<number, LongForm>();
  for (const [acronym, forms] of definitions) {
    const ranked = [...forms.values()].sort(
      (a, b) => b.count - a.count || (a.form.key < b.form.key ? -1 : 1),
    );
    const total = ranked.reduce((s, f) => s + f.count, 0);
    const top = ranked[0];
    if (top && top.count / total >= 0.6) acronyms.set(acronym, top.form);
  }
  return { n: papers.length, vocab, titles, abstracts, cased, acronyms, local, hyphenSeen };
}

/** `LLMs` -> `llm`: the plural `s` of an acronym is not part of it. */
function acronymKey(lower: string, surface: string): string {
  const n = surface.length;
  if (n > 2 && surface[n - 1] === 's' && /[A-Z]/u.test(surface[n - 2] as string)) {
    return lower.slice(0, -1);
  }
  return lower;
}

/**
 * Finds `long form (ACRONYM)` definitions in one field: the acronym's letters
 * must match, in order, letters of the words before the parenthesis, the
 * first one starting the first word (Schwartz & Hearst's algorithm).
 */
function findDefinitions(
  ids: readonly number[],
  vocab: Vocabulary,
  found: (acronym: number, form: LongForm) => void,
): void {
  for (let i = 1; i + 2 < ids.length; i++) {
    if (ids[i] !== OPEN || ids[i + 2] !== CLOSE) continue;
    const a = ids[i + 1] as number;
    if (a < 0 || !vocab.acronym[a & ID]) continue;
    const letters = vocab.lower[a & ID] as string;
    if (letters.length < 2 || letters.length > 10) continue;
    // Words of the clause before the parenthesis, at most min(|A| + 5, 2|A|).
    const max = Math.min(letters.length + 5, letters.length * 2);
    let start = i;
    while (start > 0 && (ids[start - 1] as number) >= 0 && i - start < max) start--;
    if (start === i) continue;
    const words = ids.slice(start, i).map((w) => vocab.lower[w & ID] as string);
    const from = matchLongForm(letters, words);
    if (from < 0) continue;
    const formIds = ids.slice(start + from, i);
    if (formIds.length < 2 || !initialsAgree(letters, formIds, vocab)) continue;
    // A long form is a term: "light detection and ranging (LiDAR)" is not
    // replaced, or its uses would count as "light detection".
    if (formIds.some((w) => vocab.kind[w & ID] === BREAKER)) continue;
    // Longer than a candidate can be: expanding it would only leave fragments.
    if (formIds.length > MAX_PHRASE) continue;
    const first = formIds[0] as number;
    if (vocab.kind[first & ID] !== CONTENT) continue;
    formIds[0] = first & ID;
    found(a & ID, {
      ids: formIds,
      key: formIds.map((w) => vocab.stemOf[w & ID]).join(','),
    });
  }
}

/**
 * Schwartz & Hearst accept letters from inside words, which lets through
 * "role in facilitating visible (RGB)"; at least 3/4 of the long form's
 * content words must also start with a letter of the acronym.
 */
function initialsAgree(letters: string, ids: number[], vocab: Vocabulary): boolean {
  let content = 0;
  let agree = 0;
  for (const w of ids) {
    if (vocab.kind[w & ID] !== CONTENT) continue;
    content++;
    if (letters.includes((vocab.lower[w & ID] as string).charAt(0))) agree++;
  }
  return content > 0 && agree >= 0.75 * content;
}

/**
 * Index in `words` of the first word of the long form of `acronym` (lower
 * case), or -1: its letters are matched right to left, the first one at the
 * start of a word.
 */
export function matchLongForm(acronym: string, words: string[]): number {
  const text = words.join(' ');
  let s = acronym.length - 1;
  let l = text.length - 1;
  while (s >= 0) {
    const c = acronym[s] as string;
    if (!/[a-z0-9]/u.test(c)) {
      s--;
      continue;
    }
    while (l >= 0 && (text[l] !== c || (s === 0 && l > 0 && text[l - 1] !== ' '))) l--;
    if (l < 0) return -1;
    l--;
    s--;
  }
  const startChar = l + 1;
  for (let k = 0, pos = 0; k < words.length; k++) {
    if (pos === startChar) return k;
    pos += (words[k] as string).length + 1;
    if (pos > startChar) return -1;
  }
  return -1;
}

/** A field's word ids with acronyms replaced by their long forms (the paper's own first). */
export function expand(corpus: Corpus, paper: number, ids: Int32Array): Int32Array {
  const { acronyms, vocab } = corpus;
  const mine = corpus.local.get(paper);
  if (acronyms.size === 0 && mine === undefined) return ids;
  let out: number[] | undefined;
  for (let i = 0; i < ids.length; i++) {
    const w = ids[i] as number;
    const form =
      w >= 0 && vocab.acronym[w & ID] ? (mine?.get(w & ID) ?? acronyms.get(w & ID)) : undefined;
    // The definition itself stays as written: "mixture of experts (MoE)" is one mention.
    if (form === undefined || (ids[i - 1] === OPEN && isDefinitionSite(ids, i, form, vocab))) {
      out?.push(w);
      continue;
    }
    out ??= Array.from(ids.subarray(0, i));
    out.push(...form.ids);
  }
  return out ? Int32Array.from(out) : ids;
}

/** `true` when the acronym at `i` is `(ACRONYM)` right after its own long form. */
function isDefinitionSite(ids: Int32Array, i: number, form: LongForm, vocab: Vocabulary): boolean {
  const n = form.ids.length;
  if (i - 1 - n < 0) return false;
  for (let k = 0; k < n; k++) {
    const w = ids[i - 1 - n + k] as number;
    const f = form.ids[k] as number;
    if (w < 0 || vocab.stemOf[w & ID] !== vocab.stemOf[f & ID]) return false;
  }
  return true;
}
