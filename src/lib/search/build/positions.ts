/**
 * Position files (large collections), for quoted phrases whose word pairs
 * are not indexed: one line per term of more than `TEXT_CHECKS` documents,
 * with each document's positions as differences, in the format's digits.
 */
import { TEXT_CHECKS, writeNumber } from '../format.ts';
import type { SearchIndexFile } from '../types.ts';
import { ByteBuffer, type IntBuffer } from './buffers.ts';
import type { Entries } from './entries.ts';
import { partition } from './partition.ts';

/** Appends the position files to `files`; returns the first term of each. */
export function positionFiles(
  e: Entries,
  posData: IntBuffer,
  positionChars: number,
  files: SearchIndexFile[],
): string[] {
  const { names, termCount, entryStart, postPos, entries } = e;
  const decoder = new TextDecoder();
  const positionFirst: string[] = [];
  {
    const buf = new ByteBuffer();
    const data = posData.view();
    const lineTerms: number[] = [];
    const lineStart: number[] = [];
    for (const e of entries) {
      if (e >= termCount) continue;
      const from = entryStart[e] as number;
      const to = entryStart[e + 1] as number;
      // Rare terms are checked in the records; compounds have no positions
      // of their own: leave them out.
      if (to - from <= TEXT_CHECKS) continue;
      let any = false;
      for (let j = from; j < to && !any; j++) any = (data[postPos[j] as number] as number) > 0;
      if (!any) continue;
      lineTerms.push(e);
      lineStart.push(buf.length);
      buf.text(names[e] as string);
      buf.byte(32);
      for (let j = from; j < to; j++) {
        let at = postPos[j] as number;
        const c = data[at++] as number;
        buf.reserve(8 * (c + 1));
        buf.length = writeNumber(buf.data, buf.length, c);
        let prev = 0;
        for (let x = 0; x < c; x++) {
          const p = data[at++] as number;
          buf.length = writeNumber(buf.data, buf.length, p - prev);
          prev = p;
        }
      }
      buf.byte(10);
    }
    lineStart.push(buf.length);
    const starts = partition(
      lineTerms,
      (_, k) => (lineStart[k + 1] as number) - (lineStart[k] as number),
      positionChars,
      () => true,
    );
    for (let s = 0; s < starts.length; s++) {
      const from = starts[s] as number;
      const to = s + 1 < starts.length ? (starts[s + 1] as number) : lineTerms.length;
      positionFirst.push(s === 0 ? '' : (names[lineTerms[from] as number] as string));
      files.push({
        path: `p/${s}.txt`,
        body: decoder.decode(
          buf.data.subarray(lineStart[from] as number, (lineStart[to] as number) - 1),
        ),
      });
    }
  }
  return positionFirst;
}
