/**
 * Decoding the index files the client reads: a shard's FlexSearch export
 * and forms line into postings, the lexicon, the positions files, and the
 * topic codes. Pure functions over text; `files.ts` fetches and caches.
 */
import { Index } from 'flexsearch';
import {
  DIGIT_VALUE,
  FORMS_KEY,
  codeWidth,
  decodeCode,
  formOf,
  shardIndexOptions,
} from './format.ts';

/** A term's postings: document ids ascending, and impact levels. */
export interface Postings {
  ids: Int32Array;
  levels: Uint8Array;
  /** The term's words (forms), most frequent first (absent: the term itself only). */
  forms?: string[];
  /** Per posting, which of `forms` the document has (bit i: forms[i]); absent: forms[0]. */
  masks?: Uint8Array;
}

/** A postings or positions file: its text and where each line starts. */
export interface LineFile {
  text: string;
  starts: Int32Array;
}

/** A shard: its FlexSearch `Index`, imported, and our own forms line (by term: `forms[:masks]`). */
export interface Shard {
  index: Index;
  forms: Map<string, string>;
}

export interface Lexicon {
  words: string[];
  df: Int32Array;
}

/** A shard file: its FlexSearch export imported into an `Index` made with the build's options. */
export function parseShard(text: string, resolution: number): Shard {
  const index = new Index(shardIndexOptions(resolution));
  const forms = new Map<string, string>();
  for (const line of text ? text.split('\n') : []) {
    const tab = line.indexOf('\t');
    const key = line.slice(0, tab);
    if (key !== FORMS_KEY) {
      index.import(key, line.slice(tab + 1));
      continue;
    }
    for (const entry of line.slice(tab + 1).split(' ')) {
      const colon = entry.indexOf(':');
      forms.set(entry.slice(0, colon), entry.slice(colon + 1));
    }
  }
  return { index, forms };
}

/** A lexicon file: `word df` lines. */
export function parseLexicon(text: string): Lexicon {
  const lines = text ? text.split('\n') : [];
  const words: string[] = [];
  const df = new Int32Array(lines.length);
  lines.forEach((line, j) => {
    const sp = line.lastIndexOf(' ');
    words.push(line.slice(0, sp));
    df[j] = Number(line.slice(sp + 1));
  });
  return { words, df };
}

/** Topic codes of every document: document d has `codes[start[d] .. start[d + 1])`. */
export interface TopicCodes {
  start: Uint32Array;
  codes: Uint16Array;
}

/** `topics.txt` of a collection of `n` documents and `topicCount` topics. */
export function parseTopics(text: string, n: number, topicCount: number): TopicCodes {
  const width = codeWidth(topicCount);
  const start = new Uint32Array(n + 1);
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 32) count++;
  const codes = new Uint16Array(count / width);
  let c = 0;
  let doc = 0;
  let i = 0;
  while (doc < n) {
    start[doc] = c;
    while (i < text.length && text.charCodeAt(i) !== 32) {
      codes[c++] = decodeCode(text, i, width);
      i += width;
    }
    i++;
    doc++;
  }
  start[n] = c;
  return { start, codes };
}

export function lineFile(text: string): LineFile {
  let count = text.length ? 1 : 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Int32Array(count + 1);
  let k = 0;
  if (text.length) starts[k++] = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  starts[count] = text.length + 1;
  return { text, starts };
}

/** Compares `key` with the entry of the line starting at `at` (up to its space). */
function compareEntry(text: string, at: number, key: string): number {
  const n = key.length;
  for (let i = 0; ; i++) {
    const c = text.charCodeAt(at + i);
    const lineEnded = c === 32 || c === 10 || Number.isNaN(c);
    if (i === n) return lineEnded ? 0 : 1;
    if (lineEnded) return -1;
    const k = key.charCodeAt(i);
    if (c !== k) return c < k ? -1 : 1;
  }
}

/** Where the payload of `key` starts in a line file (after the space), or -1. */
function findLine(file: LineFile, key: string): number {
  const { text, starts } = file;
  let lo = 0;
  let hi = starts.length - 2;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = starts[mid] as number;
    const c = compareEntry(text, at, key);
    if (c === 0) return at + key.length + 1;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

// Scratch of `postingsOf`: impact slot + 1 by document (0: absent).
let slotByDoc = new Uint8Array(0);

/**
 * Postings of `term` from its shard's FlexSearch `Index`: the documents of
 * each impact slot (`search(term, {resolve: false})` hands over the slots),
 * merged into ascending document order, with the term's forms.
 */
export function postingsOf(shard: Shard, term: string, n: number): Postings | null {
  const slots = shard.index.search(term, { resolve: false }).result;
  let total = 0;
  let used = 0;
  for (const docs of slots) {
    if (docs?.length) {
      total += docs.length;
      used++;
    }
  }
  if (total === 0) return null;
  const ids = new Int32Array(total);
  const levels = new Uint8Array(total);
  if (used === 1) {
    // One slot: its documents are in ascending order already.
    slots.forEach((docs, slot) => {
      if (!docs?.length) return;
      for (let i = 0; i < docs.length; i++) ids[i] = docs[i] as number;
      levels.fill(slot);
    });
  } else if (total * 16 >= n) {
    // Many documents: mark them in a collection-size array, read it in order.
    if (slotByDoc.length < n) slotByDoc = new Uint8Array(n);
    let lo = n;
    let hi = -1;
    slots.forEach((docs, slot) => {
      if (!docs) return;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i] as number;
        slotByDoc[d] = slot + 1;
        if (d < lo) lo = d;
        if (d > hi) hi = d;
      }
    });
    let j = 0;
    for (let d = lo; d <= hi; d++) {
      const v = slotByDoc[d] as number;
      if (v === 0) continue;
      ids[j] = d;
      levels[j++] = v - 1;
      slotByDoc[d] = 0;
    }
  } else {
    // Few: sort (document, slot) keys.
    const keys = new Int32Array(total);
    let j = 0;
    slots.forEach((docs, slot) => {
      if (!docs) return;
      for (let i = 0; i < docs.length; i++) keys[j++] = (docs[i] as number) * 64 + slot;
    });
    keys.sort();
    for (let i = 0; i < total; i++) {
      const k = keys[i] as number;
      ids[i] = k >> 6;
      levels[i] = k & 63;
    }
  }
  const p: Postings = { ids, levels };
  const own = shard.forms.get(term);
  if (own !== undefined) {
    const colon = own.indexOf(':');
    p.forms = (colon < 0 ? own : own.slice(0, colon)).split(',').map((f) => formOf(term, f));
    if (colon >= 0) {
      const masks = new Uint8Array(total);
      for (let i = 0; i < total; i++)
        masks[i] = DIGIT_VALUE[own.charCodeAt(colon + 1 + i)] as number;
      p.masks = masks;
    }
  }
  return p;
}

/** Positions of one term: for its i-th posting, `pos[start[i] .. start[i + 1])`. */
export interface TermPositions {
  start: Int32Array;
  pos: Int32Array;
}

export function decodePositions(file: LineFile, term: string, count: number): TermPositions | null {
  const at = findLine(file, term);
  if (at < 0) return null;
  const { text } = file;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  const values: number[] = [];
  let acc = 0;
  for (let i = at; i < end; i++) {
    const v = DIGIT_VALUE[text.charCodeAt(i)] as number;
    if (v < 32) acc = acc * 32 + v;
    else {
      values.push(acc * 32 + v - 32);
      acc = 0;
    }
  }
  const start = new Int32Array(count + 1);
  const pos = new Int32Array(values.length);
  let k = 0;
  let x = 0;
  for (let i = 0; i < count; i++) {
    start[i] = k;
    const c = values[x++] ?? 0;
    let p = 0;
    for (let j = 0; j < c; j++) {
      p += values[x++] ?? 0;
      pos[k++] = p;
    }
  }
  start[count] = k;
  return { start, pos: pos.subarray(0, k) };
}

/** Documents in every one of `lists` (ids ascending). */
export function intersectIds(lists: readonly Postings[]): number[] {
  if (lists.length === 0) return [];
  const sorted = [...lists].sort((a, b) => a.ids.length - b.ids.length);
  let docs = Array.from((sorted[0] as Postings).ids);
  for (let j = 1; j < sorted.length && docs.length; j++) {
    const ids = (sorted[j] as Postings).ids;
    const out: number[] = [];
    let k = 0;
    for (const d of docs) {
      while (k < ids.length && (ids[k] as number) < d) k++;
      if (k < ids.length && ids[k] === d) out.push(d);
    }
    docs = out;
  }
  return docs;
}
