/**
 * Author identity: which printed names on which papers are one person. Pure:
 * the papers' author lists and the authors file in, authors out.
 *
 * The rules, in order:
 * 1. The authors file first: a name it splits goes to the part whose
 *    `papers` or `with` co-authors claim the paper (else it stays with the
 *    plain name); an entry's name and aliases are one person.
 * 2. The same key (names.ts: case, accents, LaTeX, "Last, First", spacing)
 *    is the same person. Two people who print one name stay merged until the
 *    authors file splits them: nothing in a list tells them apart safely.
 * 3. An initial-only form (`J. Smith`) joins a full name (`John Smith`) only
 *    when that is the only full name with its initials in the collection,
 *    the two never sign the same paper, and they share a co-author.
 */
import type { AuthorsFile, SplitEntry } from './file.ts';
import { AuthorsFileError } from './file.ts';
import { createNameReader, unshout, type AuthorName } from './names.ts';
import { commonNameThreshold, papersHangApart } from './several.ts';

export interface IdentityPaper {
  slug: string;
  arxiv?: string | undefined;
  authors: readonly string[];
}

export interface Author {
  id: number;
  /** The identity the permalink registry knows the author by (the key of their name). */
  key: string;
  name: string;
  /** Folded family name, for the A–Z index. */
  family: string;
  /** Keys of every spelling this author gathers (their own key first). */
  members: string[];
  /** Indices of their papers in the input, ascending. */
  papers: number[];
  slug?: string | undefined;
  orcid?: string | undefined;
  homepage?: string | undefined;
  /** A person (or part of a split) the authors file names: they always get a page. */
  named: boolean;
  /** Named in the authors file, or a name it splits: no "several people" sign. */
  curated: boolean;
  /** A common name whose papers fall into unconnected groups of co-authors: perhaps several people. */
  several: boolean;
}

export interface AuthorIdentity {
  authors: Author[];
  /** Per paper, per printed name, the author's id; -1 for a "name" without letters. */
  byPaper: number[][];
  /** Names the authors file splits, with the authors they were split into. */
  splits: { key: string; name: string; parts: number[] }[];
  /** Initial-only forms joined to a full name (rule 3). */
  joined: { from: string; to: string }[];
}

interface Group {
  gid: number;
  key: string;
  family: string;
  given: string;
  signature: string;
  initialsOnly: boolean;
  /** Display spellings of the group's own mentions, with counts. */
  spellings: Map<string, number>;
  papers: number[];
  members: string[];
  person?: {
    name: string;
    slug?: string | undefined;
    orcid?: string | undefined;
    homepage?: string | undefined;
  };
  splitName: boolean;
  into?: Group;
}

const NON_ASCII = /[^\p{ASCII}]/gu;

/** The spelling to show: the most printed; then mixed case over capitals, accents over none, A–Z. */
export function preferredSpelling(spellings: ReadonlyMap<string, number>): string {
  let best = '';
  let bestScore: [number, number, number] = [-1, -1, -1];
  for (const [text, count] of spellings) {
    const score: [number, number, number] = [
      count,
      unshout(text) === text ? 1 : 0,
      text.match(NON_ASCII)?.length ?? 0,
    ];
    const better =
      score[0] !== bestScore[0]
        ? score[0] > bestScore[0]
        : score[1] !== bestScore[1]
          ? score[1] > bestScore[1]
          : score[2] !== bestScore[2]
            ? score[2] > bestScore[2]
            : text < best;
    if (better) {
      best = text;
      bestScore = score;
    }
  }
  return unshout(best);
}

export function resolveAuthors(
  papers: readonly IdentityPaper[],
  file?: AuthorsFile,
): AuthorIdentity {
  const read = createNameReader();
  const names = papers.map((p) => p.authors.map(read));
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  const newGroup = (name: AuthorName, extra: Partial<Group> = {}): Group => {
    const g: Group = {
      gid: groups.length,
      key: name.key,
      family: name.family,
      given: name.given,
      signature: name.signature,
      initialsOnly: name.initialsOnly,
      spellings: new Map(),
      papers: [],
      members: [name.key],
      splitName: false,
      ...extra,
    };
    groups.push(g);
    return g;
  };

  // Rule 1: the authors file's people and split parts are groups of their own.
  const entryOf = new Map<string, Group>();
  const splitOf = new Map<string, { entry: SplitEntry; parts: Group[] }>();
  for (const e of file?.people ?? []) {
    const name = read(e.name) as AuthorName;
    const g = newGroup(name, {
      members: [name.key, ...e.aliases.map((a) => a.key)],
      person: { name: e.name, slug: e.slug, orcid: e.orcid, homepage: e.homepage },
    });
    g.initialsOnly = false; // the curator's name is a full name, whatever it looks like
    for (const k of g.members) entryOf.set(k, g);
    byKey.set(name.key, g);
  }
  for (const s of file?.splits ?? []) {
    const parts = s.parts.map((part) =>
      newGroup(read(part.name) as AuthorName, {
        person: { name: part.name, slug: part.slug, orcid: part.orcid, homepage: part.homepage },
      }),
    );
    splitOf.set(s.key, { entry: s, parts });
  }
  const partOf = splitPartChooser(papers, names, splitOf, entryOf, file?.file ?? 'authors.yaml');

  const gidOf = papers.map(() => [] as number[]);
  names.forEach((list, p) => {
    for (const name of list) {
      if (!name) {
        gidOf[p]?.push(-1);
        continue;
      }
      let g = splitOf.has(name.key) ? partOf(p, name.key) : entryOf.get(name.key);
      if (!g) {
        g = byKey.get(name.key);
        if (!g) {
          g = newGroup(name, { splitName: splitOf.has(name.key) });
          byKey.set(name.key, g);
        }
      }
      g.spellings.set(name.display, (g.spellings.get(name.display) ?? 0) + 1);
      if (g.papers[g.papers.length - 1] !== p) g.papers.push(p);
      gidOf[p]?.push(g.gid);
    }
  });

  const joined = joinInitials(groups, gidOf);
  const final = groups.filter((g) => !g.into && g.papers.length > 0);
  final.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.gid - b.gid));
  const idOf = new Map<number, number>();
  const authors: Author[] = final.map((g, id) => {
    idOf.set(g.gid, id);
    return {
      id,
      key: g.key,
      name: g.person?.name ?? preferredSpelling(g.spellings),
      family: g.family,
      members: g.members,
      papers: g.papers,
      slug: g.person?.slug,
      orcid: g.person?.orcid,
      homepage: g.person?.homepage,
      named: g.person !== undefined,
      curated: g.person !== undefined || g.splitName,
      several: false,
    };
  });
  const resolve = (gid: number): number => {
    let g = groups[gid] as Group;
    while (g.into) g = g.into;
    return idOf.get(g.gid) ?? -1;
  };
  const byPaper = gidOf.map((list) => list.map((gid) => (gid < 0 ? -1 : resolve(gid))));
  markSeveral(authors, final, byPaper);
  const splits = [...splitOf.values()].map(({ entry, parts }) => ({
    key: entry.key,
    name: entry.name,
    parts: parts.flatMap((g) => (idOf.has(g.gid) ? [idOf.get(g.gid) as number] : [])),
  }));
  return { authors, byPaper, splits, joined };
}

/** Flags common names whose papers hang apart (several.ts); the authors file's names are the curator's. */
function markSeveral(authors: Author[], groups: readonly Group[], byPaper: number[][]): void {
  const families = new Map<string, number>();
  const givens = new Map<string, number>();
  for (const g of groups) {
    families.set(g.family, (families.get(g.family) ?? 0) + 1);
    givens.set(g.given, (givens.get(g.given) ?? 0) + 1);
  }
  const common = commonNameThreshold(groups.length);
  groups.forEach((g, id) => {
    const author = authors[id] as Author;
    if (author.curated || g.given === '') return;
    if ((families.get(g.family) ?? 0) < common || (givens.get(g.given) ?? 0) < common) return;
    author.several = papersHangApart(id, author.papers, byPaper);
  });
}

/**
 * Rule 1's chooser: the part of a split name a paper belongs to (by its
 * slug or arXiv id, then by a co-author), or undefined for the plain name.
 * A `papers` entry that names no paper of the name is an error in the file.
 */
function splitPartChooser(
  papers: readonly IdentityPaper[],
  names: readonly (AuthorName | undefined)[][],
  splitOf: ReadonlyMap<string, { entry: SplitEntry; parts: Group[] }>,
  entryOf: ReadonlyMap<string, Group>,
  file: string,
): (paper: number, key: string) => Group | undefined {
  const claims = new Map<string, Map<string, Group>>(); // split key -> paper ref -> part
  const withKeys = new Map<Group, Set<string>>();
  for (const [key, { entry, parts }] of splitOf) {
    const refs = new Map<string, Group>();
    entry.parts.forEach((part, i) => {
      const g = parts[i] as Group;
      for (const ref of part.papers) if (!refs.has(ref.ref)) refs.set(ref.ref, g);
      // A co-author named by any spelling the authors file gives them.
      const keys = new Set<string>();
      for (const w of part.with) {
        keys.add(w.key);
        for (const m of entryOf.get(w.key)?.members ?? []) keys.add(m);
      }
      withKeys.set(g, keys);
    });
    claims.set(key, refs);
  }
  // Every `papers` entry must name a paper that prints the split name.
  const found = new Set<string>();
  papers.forEach((paper, p) => {
    for (const name of names[p] ?? []) {
      const refs = name && claims.get(name.key);
      if (!refs) continue;
      if (refs.has(paper.slug)) found.add(`${name.key}\n${paper.slug}`);
      if (paper.arxiv && refs.has(paper.arxiv)) found.add(`${name.key}\n${paper.arxiv}`);
    }
  });
  for (const [key, { entry }] of splitOf)
    for (const part of entry.parts)
      for (const ref of part.papers)
        if (!found.has(`${key}\n${ref.ref}`))
          throw new AuthorsFileError(
            file,
            ref.line,
            part.name,
            `paper "${ref.ref}" is not a paper of "${entry.name}" in the list (give its arXiv id or slug)`,
          );

  return (p, key) => {
    const split = splitOf.get(key);
    const paper = papers[p];
    if (!split || !paper) return undefined;
    const refs = claims.get(key);
    const byRef = refs?.get(paper.slug) ?? (paper.arxiv ? refs?.get(paper.arxiv) : undefined);
    if (byRef) return byRef;
    const coauthors = new Set((names[p] ?? []).flatMap((n) => (n && n.key !== key ? [n.key] : [])));
    return split.parts.find((g) => [...(withKeys.get(g) ?? [])].some((k) => coauthors.has(k)));
  };
}

/** Rule 3: initial-only groups joined to their one full-name candidate. */
function joinInitials(groups: Group[], gidOf: number[][]): { from: string; to: string }[] {
  const full = new Map<string, Group[]>();
  for (const g of groups) {
    if (g.initialsOnly || g.splitName || g.papers.length === 0) continue;
    const list = full.get(g.signature);
    if (list) list.push(g);
    else full.set(g.signature, [g]);
  }
  const coauthors = (g: Group): Set<number> => {
    const out = new Set<number>();
    for (const p of g.papers) for (const gid of gidOf[p] ?? []) if (gid !== g.gid) out.add(gid);
    return out;
  };
  const joined: { from: string; to: string }[] = [];
  for (const g of groups) {
    if (!g.initialsOnly || g.splitName || g.person || g.papers.length === 0) continue;
    const candidates = full.get(g.signature);
    if (candidates?.length !== 1) continue;
    const to = candidates[0] as Group;
    const theirs = coauthors(to);
    if (theirs.has(g.gid)) continue; // they sign a paper together: two people
    const shared = [...coauthors(g)].some((gid) => gid !== to.gid && theirs.has(gid));
    if (!shared) continue;
    g.into = to;
    to.members.push(g.key);
    to.papers = mergeSorted(to.papers, g.papers);
    joined.push({ from: g.key, to: to.key });
  }
  return joined;
}

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i] ?? Infinity;
    const y = b[j] ?? Infinity;
    const next = x <= y ? x : y;
    if (x <= y) i++;
    if (y <= x) j++;
    if (out[out.length - 1] !== next) out.push(next);
  }
  return out;
}
