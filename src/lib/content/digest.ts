/** Digests the records, related papers and topics key their caches by. */
import { createHash } from 'node:crypto';

/** A short, stable digest of a value's JSON. */
export function digestOf(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64url');
}

/** A paper's content digest: its title and abstract as the list gives them (a record's `contentDigest`). */
export const contentDigestOf = (paper: { title: string; abstract: string }): string =>
  digestOf({ title: paper.title, abstract: paper.abstract });
