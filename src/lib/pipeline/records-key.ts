/**
 * The key of the stored records: the list files' bytes, the registry's
 * papers, the retired slugs and the code. When it matches the last build's,
 * the build keeps the records without parsing the list again.
 */
import { createHash } from 'node:crypto';
import { settingsDigest } from '../content/list-digest.ts';
import type { Registry } from '../permalinks/registry.ts';
import { RECORD_VERSION } from './records.ts';

/** A digest of the part of a registry the records depend on: its papers. */
function registryPapers(registry: Registry): string {
  // Hashed entry by entry: serialising the registry and escaping that text
  // into the key's JSON took ~5 s of every 74,728-paper build.
  const hash = createHash('sha256');
  for (const slug of Object.keys(registry.papers).sort())
    hash.update(`${slug}\t${JSON.stringify(registry.papers[slug])}\n`);
  return hash.digest('hex');
}

/** The records' key for files whose digest is `read` (undefined: a file could not be read). */
export function recordsKey(
  read: string | undefined,
  registry: Registry,
  retire: string,
): string | undefined {
  if (read === undefined) return undefined;
  return settingsDigest(read, { v: RECORD_VERSION, registry: registryPapers(registry), retire });
}

/** The records' code digest (list-digest's), kept beside the key: new code renders every paper again. */
export function codeKey(): string {
  return settingsDigest('', {});
}
