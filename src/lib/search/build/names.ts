/**
 * Content-hashed file names: each index file but the manifest gets a hash
 * of its text in its name, and the manifest lists the hashes (see
 * `FileHashes` in format.ts). A fast non-cryptographic hash is enough: it
 * only has to tell two versions of the same file apart.
 */
import { HASH_CHARS, PER_FILE_KINDS, filePath, type FileHashes, type FileKind } from '../format.ts';
import type { SearchIndexFile } from '../types.ts';

/** Two 32-bit FNV-1a style hashes of the text's code units, continued from `seed`. */
function mix(text: string, seed: [number, number]): [number, number] {
  let a = seed[0];
  let b = seed[1];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a, b];
}

const SEED: [number, number] = [0x811c9dc5, 0x9747b28c];

function code(h: [number, number]): string {
  const v = (h[0] >>> 0) * 0x200000 + ((h[1] >>> 0) & 0x1fffff);
  return v.toString(36).padStart(HASH_CHARS, '0').slice(-HASH_CHARS);
}

/** The content hash of one text, as written in file names. */
export function contentHash(text: string): string {
  return code(mix(text, SEED));
}

const KIND = /^(?:([tpldakn])\/(\d+)|(topics|title|authors))\.(?:txt|json)$/u;
type PerFileKind = (typeof PER_FILE_KINDS)[number];
const isPerFile = (kind: FileKind): kind is PerFileKind =>
  (PER_FILE_KINDS as readonly string[]).includes(kind);

/**
 * Renames every file but the manifest to its hashed name, in place, and
 * returns the hashes for the manifest.
 */
export function hashNames(files: SearchIndexFile[]): FileHashes {
  const perFile: Record<PerFileKind, string[]> = { t: [], p: [], l: [], a: [], k: [], n: [] };
  const hashes: FileHashes = { t: '', p: '', l: '', d: '', topics: '', title: '' };
  let records = SEED;
  const parsed = files.map((f) => {
    const m = KIND.exec(f.path);
    if (!m) throw new Error(`search index: unexpected file ${f.path}`);
    const kind = (m[1] ?? m[3]) as FileKind;
    const i = Number(m[2] ?? 0);
    if (kind === 'd') records = mix(`${f.path}\n${f.body}`, records);
    return { f, kind, i };
  });
  hashes.d = code(records);
  for (const { f, kind, i } of parsed) {
    let h: string;
    if (kind === 'd') h = hashes.d;
    else {
      h = contentHash(f.body);
      if (isPerFile(kind)) perFile[kind][i] = h;
      else hashes[kind] = h;
    }
    f.path = filePath(kind, i, h);
  }
  hashes.t = perFile.t.join('');
  hashes.p = perFile.p.join('');
  hashes.l = perFile.l.join('');
  // Author files only when the index has authors (older manifests have none).
  for (const kind of ['a', 'k', 'n'] as const)
    if (perFile[kind].length > 0) hashes[kind] = perFile[kind].join('');
  return hashes;
}
