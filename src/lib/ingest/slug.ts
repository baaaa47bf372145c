/**
 * URL slugs for papers. Rule: the title as plain text (math written as its
 * macro names, `$\ell_p$` -> `ell p`), transliterated to ASCII, lower-cased,
 * non-alphanumerics collapsed to `-`, cut to at most 80 characters at a word
 * boundary. Papers whose slugs collide are told apart by a short hash of their
 * content, never by their order in the list.
 */
import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';
import type { Paper, SluggedPaper } from '../paper.ts';
import { fold } from '../text/fold.ts';
import { parseSegments } from './latex.ts';

export const MAX_SLUG_LENGTH = 80;

/** Plain words of a cleaned title for slugging: math as its letters. */
function slugText(clean: string): string {
  return parseSegments(clean)
    .map((s) => (s.type === 'text' ? s.value : ` ${s.value.replace(/[^A-Za-z0-9]+/g, ' ')} `))
    .join('');
}

/** Cuts a slug to `max` characters at a hyphen when it is longer. */
export function capSlug(slug: string, max = MAX_SLUG_LENGTH): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return (at > max / 2 ? cut.slice(0, at) : slug.slice(0, max)).replace(/-+$/, '');
}

/** The slug a title asks for, before collisions are resolved. Same title, same slug. */
export function baseSlug(title: string): string {
  // Accents are folded first (`ä` -> `a`, not the German `ae` slugify would choose).
  const slug = capSlug(slugify(fold(slugText(title)), { decamelize: false }));
  return slug === '' ? `paper-${shortHash(fold(title))}` : slug;
}

export function shortHash(text: string, length = 6): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** Identity of a paper's content: folded title and abstract, whitespace-insensitive. */
export function fingerprint(paper: Pick<Paper, 'title' | 'abstract'>): string {
  return foldedFingerprint(fold(paper.title), fold(paper.abstract));
}

/** `fingerprint` of a title and abstract already folded (for callers that fold them anyway). */
export function foldedFingerprint(title: string, abstract: string): string {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  return createHash('sha256')
    .update(`${norm(title)}\n${norm(abstract)}`)
    .digest('hex');
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Gives every paper a unique slug. Papers are considered in fingerprint order,
 * so the outcome does not depend on the order of the list: the first of a
 * colliding group keeps the base slug, the others get `-<hash>` of their content.
 * `taken` holds slugs already in use (e.g. published ones owned by other papers).
 */
export function assignSlugs<P extends Paper>(
  papers: P[],
  taken: ReadonlySet<string> = new Set(),
  /** The papers' fingerprints, when the caller has them (they cost ~2 s at 75,000 papers). */
  fingerprints?: readonly string[],
): (P & SluggedPaper)[] {
  const used = new Set(taken);
  const order = papers
    .map((paper, index) => ({ paper, index, fp: fingerprints?.[index] ?? fingerprint(paper) }))
    .sort(
      (a, b) =>
        compare(a.fp, b.fp) ||
        compare(a.paper.title, b.paper.title) ||
        compare(a.paper.abstract, b.paper.abstract) ||
        a.index - b.index,
    );
  const slugs = new Array<string>(papers.length);
  for (const { paper, index, fp } of order) {
    const base = baseSlug(paper.title);
    let slug = base;
    for (let len = 6; used.has(slug); len += 2) {
      slug = `${capSlug(base, MAX_SLUG_LENGTH - len - 1)}-${fp.slice(0, len)}`;
      if (len > 64) slug = `${base}-${index}`;
    }
    used.add(slug);
    slugs[index] = slug;
  }
  return papers.map((paper, i) => ({ ...paper, slug: slugs[i] as string }));
}
