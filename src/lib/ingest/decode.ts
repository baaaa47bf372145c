/**
 * Turns the bytes of an input file into text, or into a PaperListError that
 * says where the file is broken: invalid UTF-8 (with its byte offset), NUL
 * bytes, absurdly long lines. Strips a BOM and normalises line endings.
 */
import { PaperListError } from './errors.ts';

/** The longest line a list may have; a 10 MB line is not a title or an abstract. */
export const MAX_LINE_BYTES = 2_000_000;

/** 1-based line number of a byte offset. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i += 1;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Decodes a list file's bytes as UTF-8 text with `\n` line endings. */
export function decodeText(bytes: Uint8Array, file: string): string {
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    throw new PaperListError(
      file,
      { line: lineAt(bytes, bad) },
      `invalid UTF-8 at byte offset ${bad} (byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')})`,
      'save the file as UTF-8 (for example with `iconv -f latin1 -t utf-8`)',
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new PaperListError(
      file,
      { line: lineAt(bytes, nul) },
      `NUL byte at byte offset ${nul}: this looks like a binary file, not a paper list`,
      'give the path of a text list (or remove the NUL characters)',
    );
  }
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      if (i - start > MAX_LINE_BYTES) {
        throw new PaperListError(
          file,
          { line },
          `line is ${(i - start).toLocaleString('en')} bytes long (the limit is ${MAX_LINE_BYTES.toLocaleString('en')})`,
          'a title or abstract cannot be this long: check that the file is a paper list and that its line breaks survived',
        );
      }
      start = i + 1;
      line += 1;
    }
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
