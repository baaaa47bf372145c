/**
 * The registry of published paper permalinks: every slug the site has ever
 * published, what paper it belongs to, and what it answers now (the paper, a
 * redirect to the paper's new slug, or a page saying the paper was removed).
 *
 * The rules, applied on every build:
 * - A paper keeps its slug whatever happens to the rest of the list
 *   (re-ordering, additions, removals of other papers).
 * - A paper whose title was fixed (same abstract, or same arXiv id) gets the
 *   slug of its new title; its old slug redirects to it.
 * - A published paper missing from the list fails the build, unless it is
 *   retired on purpose; a retired slug answers with a "removed" page forever.
 * - New papers get their title's slug; published slugs are never reused.
 */
import type { Paper, SluggedPaper } from '../paper.ts';
import type { AuthorEntry } from './authors.ts';
import { fold } from '../text/fold.ts';
import { assignSlugs, baseSlug, foldedFingerprint, shortHash } from '../ingest/slug.ts';

export interface LiveEntry {
  status: 'live';
  /** Content fingerprint (title + abstract) of the paper this slug shows. */
  fingerprint: string;
  /** Short hashes of the normalised title and abstract, to recognise an edited paper. */
  titleKey: string;
  abstractKey: string;
  arxiv?: string;
  /** The title, for people reading the registry and for the removed-paper page. */
  title: string;
}
export interface RedirectEntry {
  status: 'redirect';
  to: string;
  title: string;
}
export interface RemovedEntry {
  status: 'removed';
  title: string;
  arxiv?: string;
}
export type RegistryEntry = LiveEntry | RedirectEntry | RemovedEntry;

/** A topic slug the site has published: live, redirected (renamed topic) or gone. */
export type TopicEntry =
  | { status: 'live'; name: string }
  | { status: 'redirect'; to: string; name: string }
  | { status: 'removed'; name: string };

export interface Registry {
  version: 1;
  papers: Record<string, RegistryEntry>;
  topics: Record<string, TopicEntry>;
  /** Author slugs (authors.ts). */
  authors: Record<string, AuthorEntry>;
}

export const emptyRegistry = (): Registry => ({ version: 1, papers: {}, topics: {}, authors: {} });

/** Published papers that are no longer in the list and were not retired on purpose. */
export class DroppedPermalinksError extends Error {
  override readonly name = 'DroppedPermalinksError';
  readonly dropped: { slug: string; title: string }[];
  constructor(dropped: { slug: string; title: string }[], registryFile: string) {
    const list = dropped.map((d) => `  /papers/${d.slug}/  (${d.title})`).join('\n');
    super(
      `${dropped.length} published paper URL${dropped.length === 1 ? '' : 's'} would stop working, because ` +
        `${dropped.length === 1 ? 'its paper is' : 'their papers are'} no longer in the list:\n${list}\n` +
        `If the paper was removed on purpose, retire its URL so that it keeps a page saying the paper was removed:\n` +
        `  RETIRE=${dropped.map((d) => d.slug).join(',')} npm run build     (or RETIRE=all)\n` +
        `If it was not, put it back in the list. (Registry: ${registryFile})`,
    );
    this.dropped = dropped;
  }
}

/** Letters and digits of folded text, one space between runs. */
const norm = (folded: string) => folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** What the registry records about a paper. */
export function entryFor(paper: Paper): LiveEntry {
  // Folded once for the fingerprint and both keys: ~1 s at 74,728 papers.
  const title = fold(paper.title);
  const abstract = fold(paper.abstract);
  const entry: LiveEntry = {
    status: 'live',
    fingerprint: foldedFingerprint(title, abstract),
    titleKey: shortHash(norm(title), 12),
    abstractKey: shortHash(norm(abstract), 12),
    title: paper.title,
  };
  if (paper.arxiv) entry.arxiv = paper.arxiv;
  return entry;
}

export interface Resolution<P extends Paper> {
  /** The papers with their slugs, and their content fingerprints (see `fingerprint`). */
  papers: (P & SluggedPaper & { fingerprint: string })[];
  registry: Registry;
  /** Old slug -> new slug, for papers whose title changed (also in the registry). */
  redirects: Map<string, string>;
  /** Slugs whose papers are gone, with the title they had. */
  removed: Map<string, RemovedEntry>;
  /** Human-readable notes for the build log. */
  notes: string[];
}

export interface ResolveOptions {
  /** Slugs retired on purpose (`RETIRE=a,b`), or `'all'`. */
  retire?: ReadonlySet<string> | 'all';
  /** Path of the registry, named in error messages. */
  registryFile?: string;
}

/**
 * Gives every paper its permanent slug, honouring the registry, and returns
 * the registry as it must be after this build.
 */
export function resolvePermalinks<P extends Paper>(
  papers: P[],
  previous: Registry,
  options: ResolveOptions = {},
): Resolution<P> {
  const entries = papers.map((paper, index) => ({ paper, index, entry: entryFor(paper) }));
  // Deterministic: match in fingerprint order, whatever the list order.
  const ordered = [...entries].sort((a, b) => (a.entry.fingerprint < b.entry.fingerprint ? -1 : 1));
  const live = Object.entries(previous.papers)
    .filter((e): e is [string, LiveEntry] => e[1].status === 'live')
    .sort(([a], [b]) => (a < b ? -1 : 1));

  const slugOf = new Map<number, string>();
  const claimed = new Set<string>();
  const renamed = new Map<number, string>(); // paper index -> its old slug, when the title changed
  const claim = (index: number, slug: string) => {
    slugOf.set(index, slug);
    claimed.add(slug);
  };

  // Matching rules, strongest first. Each published slug and each paper is matched
  // once. Published entries are indexed by each rule's key (in slug order), so
  // matching stays linear at 75,000 papers.
  const rules: { key: (e: LiveEntry) => string | undefined; retitled: boolean }[] = [
    { key: (e) => e.fingerprint, retitled: false },
    { key: (e) => e.arxiv, retitled: true },
    { key: (e) => e.abstractKey, retitled: true },
    { key: (e) => e.titleKey, retitled: false },
  ];
  for (const rule of rules) {
    const byKey = new Map<string, [string, LiveEntry][]>();
    for (const item of live) {
      const k = rule.key(item[1]);
      if (k === undefined) continue;
      const list = byKey.get(k);
      if (list) list.push(item);
      else byKey.set(k, [item]);
    }
    for (const { index, entry, paper } of ordered) {
      if (slugOf.has(index) || renamed.has(index)) continue;
      const k = rule.key(entry);
      const match =
        k === undefined ? undefined : byKey.get(k)?.find(([slug]) => !claimed.has(slug));
      if (!match) continue;
      const [slug, old] = match;
      if (rule.retitled && old.titleKey !== entry.titleKey && baseSlug(paper.title) !== slug) {
        claimed.add(slug);
        renamed.set(index, slug);
      } else claim(index, slug);
    }
  }

  // Everything ever published stays reserved: new papers never take an old URL.
  const taken = new Set(Object.keys(previous.papers));
  const fresh = entries.filter(({ index }) => !slugOf.has(index));
  const slugged = assignSlugs(
    fresh.map((e) => e.paper),
    taken,
    fresh.map((e) => e.entry.fingerprint),
  );
  fresh.forEach(({ index }, i) => claim(index, (slugged[i] as SluggedPaper).slug));

  const notes: string[] = [];
  const redirects = new Map<string, string>();
  const next: Registry = {
    version: 1,
    papers: {},
    topics: previous.topics,
    authors: previous.authors,
  };
  for (const { index, entry } of entries) next.papers[slugOf.get(index) as string] = entry;
  for (const [index, oldSlug] of renamed) {
    const to = slugOf.get(index) as string;
    redirects.set(oldSlug, to);
    next.papers[oldSlug] = { status: 'redirect', to, title: previous.papers[oldSlug]?.title ?? '' };
    notes.push(`retitled: /papers/${oldSlug}/ now redirects to /papers/${to}/`);
  }

  const removed = new Map<string, RemovedEntry>();
  const dropped: { slug: string; title: string }[] = [];
  for (const [slug, e] of Object.entries(previous.papers)) {
    // Own keys only: a slug like `constructor` is inherited by every object.
    if (Object.hasOwn(next.papers, slug)) continue;
    if (e.status === 'redirect') {
      // Keep old redirects, pointing at wherever their target lives now.
      let to = e.to;
      for (let hops = 0; hops < 20 && redirects.has(to); hops++) to = redirects.get(to) as string;
      next.papers[slug] = { ...e, to };
      redirects.set(slug, to);
      continue;
    }
    if (e.status === 'removed') {
      next.papers[slug] = e;
      removed.set(slug, e);
      continue;
    }
    const retire = options.retire === 'all' || options.retire?.has(slug);
    if (!retire) {
      dropped.push({ slug, title: e.title });
      continue;
    }
    const tomb: RemovedEntry = { status: 'removed', title: e.title };
    if (e.arxiv) tomb.arxiv = e.arxiv;
    next.papers[slug] = tomb;
    removed.set(slug, tomb);
    notes.push(`retired: /papers/${slug}/ now says the paper was removed`);
  }
  // A redirect whose target was removed points at the removed page: collapse it.
  for (const [from, to] of redirects) {
    const target = Object.hasOwn(next.papers, to) ? next.papers[to] : undefined;
    if (target?.status === 'removed') {
      next.papers[from] = { status: 'removed', title: (next.papers[from] as RedirectEntry).title };
      redirects.delete(from);
      removed.set(from, next.papers[from] as RemovedEntry);
    }
  }
  if (dropped.length > 0)
    throw new DroppedPermalinksError(dropped, options.registryFile ?? 'the registry');

  const result = entries.map(({ paper, index, entry }) => ({
    ...paper,
    slug: slugOf.get(index) as string,
    fingerprint: entry.fingerprint,
  }));
  return { papers: result, registry: sortRegistry(next), redirects, removed, notes };
}

/** The registry with slugs sorted, so that the committed file diffs cleanly. */
export function sortRegistry(registry: Registry): Registry {
  const sorted = <T>(record: Record<string, T>) =>
    Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((k) => [k, record[k] as T]),
    );
  return {
    version: 1,
    papers: sorted(registry.papers),
    topics: sorted(registry.topics),
    authors: sorted(registry.authors),
  };
}

/**
 * Topic permalinks. Topics come and go as a list changes (discovered ones
 * especially), so a topic that disappears never fails the build: its slug
 * redirects to the topic that lists it as an alias, or keeps a page saying the
 * topic is gone. Published topic slugs are never given to another topic.
 */
export function resolveTopicPermalinks(
  topics: readonly { slug: string; name: string; aliases: readonly string[] }[],
  previous: Record<string, TopicEntry>,
): Record<string, TopicEntry> {
  // A map, not an object: a topic slug like `constructor` is not inherited.
  const next = new Map<string, TopicEntry>();
  const aliasOf = new Map<string, string>();
  for (const t of topics) {
    next.set(t.slug, { status: 'live', name: t.name });
    for (const alias of t.aliases) if (alias !== t.slug) aliasOf.set(alias, t.slug);
  }
  for (const [alias, to] of aliasOf) {
    if (!next.has(alias))
      next.set(alias, {
        status: 'redirect',
        to,
        name: (Object.hasOwn(previous, alias) ? previous[alias]?.name : undefined) ?? alias,
      });
  }
  for (const [slug, entry] of Object.entries(previous)) {
    if (next.has(slug)) continue;
    const to = entry.status === 'redirect' ? entry.to : undefined;
    next.set(
      slug,
      to && next.get(to)?.status === 'live'
        ? { status: 'redirect', to, name: entry.name }
        : { status: 'removed', name: entry.name },
    );
  }
  return Object.fromEntries([...next].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Reads a registry file's text; an empty or missing file is an empty registry. */
export function parseRegistry(text: string | undefined, file: string): Registry {
  if (!text || !text.trim()) return emptyRegistry();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${file}: the permalink registry is not valid JSON (${(error as Error).message})`,
      {
        cause: error,
      },
    );
  }
  const reg = data as Partial<Registry>;
  if (reg.version !== 1 || typeof reg.papers !== 'object' || reg.papers === null) {
    throw new Error(`${file}: not a permalink registry (expected {"version": 1, "papers": {...}})`);
  }
  return { version: 1, papers: reg.papers, topics: reg.topics ?? {}, authors: reg.authors ?? {} };
}

export function serialiseRegistry(registry: Registry): string {
  return `${JSON.stringify(sortRegistry(registry), null, 2)}\n`;
}

/** `RETIRE=a,b` or `RETIRE=all` as resolve options. */
export function parseRetire(value: string | undefined): ReadonlySet<string> | 'all' {
  if (!value) return new Set();
  if (value.trim() === 'all') return 'all';
  return new Set(
    value
      .split(/[\s,]+/)
      .map((s) => s.replace(/^\/?papers\//, '').replace(/\/$/, ''))
      .filter(Boolean),
  );
}
