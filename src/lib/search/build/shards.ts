/**
 * Shard files: a FlexSearch `Index` per range of entries (by name), filled
 * with one `add` per document of the shard (its entries, each in the score
 * slot of its impact level) and written out with `Index.export`, plus our
 * own line of the terms' forms.
 */
import { Index } from 'flexsearch';
import { DIGIT_CODES, FORMS_KEY, formCode, shardIndexOptions } from '../format.ts';
import type { SearchIndexFile } from '../types.ts';
import { MAX_FORMS, type Entries } from './entries.ts';
import { partition } from './partition.ts';
import type { IndexVocabulary } from './vocabulary.ts';

/** Appends the shard files to `files`; returns the first entry of each shard. */
export function shardFiles(
  e: Entries,
  vocab: IndexVocabulary,
  n: number,
  resolution: number,
  shardChars: number,
  files: SearchIndexFile[],
): string[] {
  const {
    names,
    termCount,
    entryCount,
    entryStart,
    postDoc,
    postLevel,
    postMask,
    termForms,
    entries,
  } = e;
  const decoder = new TextDecoder();
  const shardFirst: string[] = [];
  {
    // Estimated characters of each entry in its shard file: its name, a
    // `null` per empty slot before its last one, its ids, its forms.
    const idChars = String(Math.max(1, n - 1)).length + 1;
    const sizes = new Float64Array(entryCount);
    for (let k = 0; k < entryCount; k++) {
      const e = entries[k] as number;
      const from = entryStart[e] as number;
      const to = entryStart[e + 1] as number;
      let last = 0;
      for (let j = from; j < to; j++)
        if ((postLevel[j] as number) > last) last = postLevel[j] as number;
      let size = (names[e] as string).length + 8 + 5 * last + (to - from) * idChars;
      const forms = e < termCount ? (termForms[e] as number[]) : [];
      if (forms.length > 1) size += 24 + (to - from);
      sizes[k] = size;
    }
    const starts = partition(
      entries,
      (_, k) => sizes[k] as number,
      shardChars,
      () => true,
    );
    // Per shard, its postings regrouped by document, for one FlexSearch
    // `add` per document: the shard's documents (marked with the shard
    // number, then sorted), then a counting sort by document.
    const stamp = new Int32Array(n).fill(-1);
    const lists: string[][] = [];
    const docCount = new Int32Array(n);
    const docAt = new Int32Array(n);
    const touched = new Int32Array(n);
    for (let s = 0; s < starts.length; s++) {
      const from = starts[s] as number;
      const to = s + 1 < starts.length ? (starts[s + 1] as number) : entryCount;
      shardFirst.push(s === 0 ? '' : (names[entries[from] as number] as string));
      files.push({ path: `t/${s}.txt`, body: shardBody(s, from, to) });
    }

    function shardBody(shard: number, from: number, to: number): string {
      let docCountTotal = 0;
      let count = 0;
      let unsorted = false;
      for (let k = from; k < to; k++) {
        const e = entries[k] as number;
        const end = entryStart[e + 1] as number;
        for (let j = entryStart[e] as number; j < end; j++) {
          const d = postDoc[j] as number;
          if (stamp[d] !== shard) {
            stamp[d] = shard;
            docCount[d] = 0;
            if (docCountTotal > 0 && d < (touched[docCountTotal - 1] as number)) unsorted = true;
            touched[docCountTotal++] = d;
          }
          docCount[d] = (docCount[d] as number) + 1;
        }
        count += end - (entryStart[e] as number);
      }
      let shardDocs = touched.slice(0, docCountTotal);
      if (unsorted && docCountTotal * 16 > n) {
        // Many documents: read them off the marks, in order.
        let i = 0;
        for (let d = 0; d < n; d++) if (stamp[d] === shard) shardDocs[i++] = d;
      } else if (unsorted) shardDocs = shardDocs.sort();
      let at = 0;
      for (let i = 0; i < shardDocs.length; i++) {
        const d = shardDocs[i] as number;
        docAt[d] = at;
        at += docCount[d] as number;
      }
      // Entry (index in the shard) and impact level of each posting, by document.
      const local = new Int32Array(count);
      const levels = new Uint8Array(count);
      for (let k = from; k < to; k++) {
        const e = entries[k] as number;
        const end = entryStart[e + 1] as number;
        for (let j = entryStart[e] as number; j < end; j++) {
          const d = postDoc[j] as number;
          const p = docAt[d] as number;
          docAt[d] = p + 1;
          local[p] = k - from;
          levels[p] = postLevel[j] as number;
        }
      }
      const shardNames = entries.slice(from, to).map((e) => names[e] as string);
      let base = 0;
      const index = new Index({
        ...shardIndexOptions(resolution),
        // The i-th entry of the document being added goes to its impact slot.
        score: (_content: string[], _term: string, i: number) => levels[base + i] as number,
      });
      let start = 0;
      for (let i = 0; i < shardDocs.length; i++) {
        const d = shardDocs[i] as number;
        const end = docAt[d] as number;
        base = start;
        // Lists reused by length (FlexSearch reads the list during `add` only).
        let content = lists[end - start];
        if (!content) content = lists[end - start] = new Array<string>(end - start);
        for (let p = start; p < end; p++)
          content[p - start] = shardNames[local[p] as number] as string;
        // The encoder (`entriesOf`) takes the list as it is; `add` is typed for text only.
        index.add(d, content as unknown as string);
        start = end;
      }
      const lines: string[] = [];
      // A synchronous handler: the export is done when `export` returns.
      index.export((key: string, data: string) => {
        if (!/(?:^|\.)reg$/u.test(key)) lines.push(`${key}\t${data}`);
      });
      // Our own line: the forms of the shard's terms and which documents have which.
      const forms: string[] = [];
      for (let k = from; k < to; k++) {
        const e = entries[k] as number;
        if (e >= termCount) continue;
        const words = termForms[e] as number[];
        const name = names[e] as string;
        if (words.length === 0 || (words.length === 1 && vocab.words[words[0] as number] === name))
          continue;
        let entry = `${name}:${words
          .slice(0, MAX_FORMS)
          .map((w) => formCode(name, vocab.words[w] as string))
          .join(',')}`;
        if (words.length > 1) {
          const at = entryStart[e] as number;
          const masks = new Uint8Array((entryStart[e + 1] as number) - at);
          for (let j = 0; j < masks.length; j++)
            masks[j] = DIGIT_CODES[postMask[at + j] as number] as number;
          entry += `:${decoder.decode(masks)}`;
        }
        forms.push(entry);
      }
      if (forms.length) lines.push(`${FORMS_KEY}\t${forms.join(' ')}`);
      return lines.join('\n');
    }
  }
  if (shardFirst.length === 0) {
    shardFirst.push('');
    files.push({ path: 't/0.txt', body: '' });
  }
  return shardFirst;
}
