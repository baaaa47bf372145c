/**
 * The authors file (`authors.yaml` beside the list, or `AUTHORS=path`): the
 * curator's corrections to author identity. Pure: text in, entries out.
 *
 * ```yaml
 * authors:
 *   - name: Jürgen Schmidhuber          # the name shown; its page's slug comes from it
 *     aliases: [J. Schmidhuber, Juergen Schmidhuber]   # other spellings of this person (merged)
 *     orcid: 0000-0001-7911-4981
 *     homepage: https://people.idsia.ch/~juergen/
 *     slug: juergen-schmidhuber         # optional; a changed slug redirects from the old one
 *   - name: Wei Wang                    # one printed name, several people: split it
 *     split:
 *       - name: Wei Wang (Tsinghua)
 *         with: [Jie Tang]              # papers of "Wei Wang" with one of these co-authors
 *       - name: Wei Wang (UCLA)
 *         papers: [2405.15738, a-paper-slug]   # or these papers (arXiv id or slug)
 *         orcid: 0000-0002-1825-0097
 * ```
 *
 * Papers of a split name that no part claims stay with the plain name. A bad
 * entry stops the build with `file:line: author "name": problem`.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { closest } from '../topics/curate.ts';
import { nameKey } from './names.ts';

/** An authors-file problem: `file:line: author "name": problem`. */
export class AuthorsFileError extends Error {
  override readonly name = 'AuthorsFileError';
  readonly file: string;
  readonly line: number | undefined;
  readonly author: string | undefined;
  readonly problem: string;

  constructor(file: string, line: number | undefined, author: string | undefined, problem: string) {
    const at = line === undefined ? file : `${file}:${line}`;
    super(`${at}: ${author === undefined ? '' : `author "${author}": `}${problem}`);
    this.file = file;
    this.line = line;
    this.author = author;
    this.problem = problem;
  }
}

export interface Spelling {
  text: string;
  key: string;
  line: number;
}

/** What an entry says about one person. */
export interface PersonFields {
  name: string;
  key: string;
  slug?: string | undefined;
  orcid?: string | undefined;
  homepage?: string | undefined;
  line: number;
}

/** A person, and the other spellings of their name. */
export interface PersonEntry extends PersonFields {
  aliases: Spelling[];
}

/** One of the people behind a split name, and the papers that are theirs. */
export interface SplitPart extends PersonFields {
  /** Papers by arXiv id or slug. */
  papers: { ref: string; line: number }[];
  /** Co-authors: a paper of the split name with one of them is this part's. */
  with: Spelling[];
}

export interface SplitEntry {
  name: string;
  key: string;
  parts: SplitPart[];
  line: number;
}

export interface AuthorsFile {
  /** The file as named in messages. */
  file: string;
  people: PersonEntry[];
  splits: SplitEntry[];
}

const PERSON_KEYS = ['name', 'aliases', 'orcid', 'homepage', 'slug', 'split'] as const;
const PART_KEYS = ['name', 'orcid', 'homepage', 'slug', 'papers', 'with'] as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
const ORCID = /^(?:https?:\/\/orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/u;

/** Whether an ORCID iD's last character is its ISO 7064 11,2 check digit. */
export function orcidChecksumOk(id: string): boolean {
  const digits = id.replace(/-/g, '');
  let total = 0;
  for (const d of digits.slice(0, -1)) total = (total + Number(d)) * 2;
  const check = (12 - (total % 11)) % 11;
  return digits.slice(-1) === (check === 10 ? 'X' : String(check));
}

type Fail = (node: Node | null | undefined, author: string | undefined, problem: string) => never;

/** Parses and checks an authors file; throws `AuthorsFileError` on the first problem. */
export function parseAuthorsFile(
  text: string,
  file: string,
  reservedSlugs: readonly string[] = [],
): AuthorsFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  const fail: Fail = (node, author, problem) => {
    throw new AuthorsFileError(file, lineOf(node), author, problem);
  };
  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0].line ?? lineCounter.linePos(syntax.pos[0]).line;
    const message = syntax.message.split('\n')[0] ?? syntax.message;
    throw new AuthorsFileError(file, line, undefined, `not valid YAML: ${message}`);
  }
  const empty = { file, people: [], splits: [] };
  const root = doc.contents;
  if (root === null) return empty;
  if (!isMap(root))
    return fail(root, undefined, 'the file must be a mapping with an `authors:` list');
  let list: Node | undefined;
  for (const pair of (root as unknown as { items: Pair[] }).items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'authors')
      fail(pair.key as Node, undefined, `unknown key "${key}" (the file has one key, \`authors\`)`);
    list = (pair.value ?? undefined) as Node | undefined;
  }
  if (list === undefined || (isScalar(list) && list.value === null)) return empty;
  if (!isSeq(list))
    return fail(list, undefined, '`authors` must be a list (lines starting with `- name: ...`)');

  const reader = new EntryReader(file, lineOf, fail, new Set(reservedSlugs));
  const people: PersonEntry[] = [];
  const splits: SplitEntry[] = [];
  for (const item of (list as unknown as { items: Node[] }).items) {
    const entry = reader.entry(item);
    if ('parts' in entry) splits.push(entry);
    else people.push(entry);
  }
  return { file, people, splits };
}

/** Reads entries, remembering the names, spellings and slugs taken so far. */
class EntryReader {
  private readonly spellings = new Map<string, { name: string; line: number }>();
  private readonly slugs = new Map<string, { name: string; line: number }>();

  private readonly file: string;
  private readonly lineOf: (node: Node | null | undefined) => number | undefined;
  private readonly fail: Fail;
  private readonly reserved: ReadonlySet<string>;

  constructor(
    file: string,
    lineOf: (node: Node | null | undefined) => number | undefined,
    fail: Fail,
    reserved: ReadonlySet<string>,
  ) {
    this.file = file;
    this.lineOf = lineOf;
    this.fail = fail;
    this.reserved = reserved;
  }

  entry(item: Node): PersonEntry | SplitEntry {
    const fields = this.fields(item, PERSON_KEYS, undefined);
    const person = this.person(item, fields);
    const split = fields.get('split');
    if (split === undefined) {
      const aliases = this.spellingList(fields, 'aliases', person.name);
      this.claim({ text: person.name, key: person.key, line: person.line }, person.name, 'name');
      for (const alias of aliases) this.claim(alias, person.name, 'alias');
      return { ...person, aliases };
    }
    for (const key of ['aliases', 'orcid', 'homepage', 'slug'])
      if (fields.has(key))
        this.fail(
          fields.get(key),
          person.name,
          `"${key}" belongs to a part of the split, not to it`,
        );
    this.claim({ text: person.name, key: person.key, line: person.line }, person.name, 'name');
    if (!isSeq(split) || (split as unknown as { items: Node[] }).items.length === 0)
      return this.fail(split, person.name, '"split" must be a list of people (`- name: ...`)');
    const parts = (split as unknown as { items: Node[] }).items.map((node) => {
      const partFields = this.fields(node, PART_KEYS, person.name);
      const part = this.person(node, partFields);
      if (part.key === person.key)
        this.fail(
          node,
          part.name,
          `a part of the split needs a name of its own, not "${person.name}"`,
        );
      this.claim({ text: part.name, key: part.key, line: part.line }, part.name, 'name');
      const papers = this.textList(partFields, 'papers', part.name).map((e) => ({
        ref: e.text,
        line: e.line,
      }));
      const withNames = this.spellingList(partFields, 'with', part.name);
      for (const w of withNames)
        if (w.key === person.key)
          this.fail(
            partFields.get('with'),
            part.name,
            `"with" names "${w.text}", the split name itself`,
          );
      if (papers.length + withNames.length === 0)
        this.fail(
          node,
          part.name,
          'no rule: give "papers" or "with", or the part can hold no paper',
        );
      return { ...part, papers, with: withNames };
    });
    return { name: person.name, key: person.key, parts, line: person.line };
  }

  /** The keys of an entry, each once and each known. */
  private fields(item: Node, known: readonly string[], parent: string | undefined) {
    if (!isMap(item))
      return this.fail(item, parent, 'each author must be a mapping (`- name: ...`)');
    const pairs = (item as unknown as { items: Pair[] }).items;
    const namePair = pairs.find((p) => isScalar(p.key) && p.key.value === 'name');
    const nameValue = namePair && isScalar(namePair.value) ? namePair.value.value : undefined;
    const id = typeof nameValue === 'string' ? nameValue : parent;
    const fields = new Map<string, Node>();
    for (const pair of pairs) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!known.includes(key)) {
        const hint = closest(key, known);
        this.fail(
          pair.key as Node,
          id,
          `unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; keys are ${known.join(', ')}`,
        );
      }
      if (fields.has(key)) this.fail(pair.key as Node, id, `key "${key}" is given twice`);
      fields.set(key, (pair.value ?? pair.key) as Node);
    }
    return fields;
  }

  /** Name, slug, ORCID and homepage of an entry or part. */
  private person(item: Node, fields: Map<string, Node>): PersonFields {
    const line = this.lineOf(item) ?? 0;
    const name = this.text(fields, 'name', undefined, item);
    if (name === undefined) return this.fail(item, undefined, 'missing "name"');
    const key = nameKey(name);
    if (key === '') this.fail(fields.get('name'), name, 'the name has no letters');
    const slug = this.text(fields, 'slug', name);
    if (slug !== undefined) {
      if (!SLUG.test(slug))
        this.fail(
          fields.get('slug'),
          name,
          `slug "${slug}" must be lower-case letters, digits and single hyphens`,
        );
      if (this.reserved.has(slug))
        this.fail(fields.get('slug'), name, `slug "${slug}" is reserved for a page of the site`);
      const prior = this.slugs.get(slug);
      if (prior)
        this.fail(
          fields.get('slug'),
          name,
          `slug "${slug}" is already the slug of "${prior.name}" at line ${prior.line}`,
        );
      this.slugs.set(slug, { name, line });
    }
    const orcidText = this.text(fields, 'orcid', name);
    let orcid: string | undefined;
    if (orcidText !== undefined) {
      const m = ORCID.exec(orcidText);
      if (!m?.[1])
        this.fail(
          fields.get('orcid'),
          name,
          `"${orcidText}" is not an ORCID iD (0000-0002-1825-0097)`,
        );
      orcid = (m as RegExpExecArray)[1] as string;
      if (!orcidChecksumOk(orcid))
        this.fail(fields.get('orcid'), name, `ORCID iD ${orcid} has a wrong check digit (a typo?)`);
    }
    const homepage = this.text(fields, 'homepage', name);
    if (homepage !== undefined && !isWebUrl(homepage))
      this.fail(
        fields.get('homepage'),
        name,
        `homepage "${homepage}" must be an http:// or https:// URL`,
      );
    return { name, key, slug, orcid, homepage, line };
  }

  private text(fields: Map<string, Node>, key: string, author: string | undefined, item?: Node) {
    const node = fields.get(key);
    if (node === undefined) return undefined;
    const value = isScalar(node) ? node.value : undefined;
    if ((typeof value !== 'string' && typeof value !== 'number') || String(value).trim() === '')
      return this.fail(node ?? item, author, `"${key}" must be non-empty text`);
    const text = String(value).replace(/\s+/g, ' ').trim();
    return text;
  }

  private textList(fields: Map<string, Node>, key: string, author: string) {
    const node = fields.get(key);
    if (node === undefined || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node))
      return this.fail(node, author, `"${key}" must be a list, e.g. ${key}: [a, b]`);
    return (node as unknown as { items: Node[] }).items.map((entry) => {
      const value = isScalar(entry) ? entry.value : undefined;
      if ((typeof value !== 'string' && typeof value !== 'number') || String(value).trim() === '')
        this.fail(entry, author, `every entry of "${key}" must be non-empty text`);
      return { text: String(value).trim(), line: this.lineOf(entry) ?? 0, node: entry };
    });
  }

  private spellingList(fields: Map<string, Node>, key: string, author: string): Spelling[] {
    return this.textList(fields, key, author).map((e) => {
      const k = nameKey(e.text);
      if (k === '') this.fail(e.node, author, `"${e.text}" in ${key} has no letters`);
      return { text: e.text, key: k, line: e.line };
    });
  }

  /** A spelling belongs to one entry: a second claim is an error naming the first. */
  private claim(s: Spelling, author: string, as: string): void {
    const prior = this.spellings.get(s.key);
    if (prior?.name === author) return; // the same spelling twice in one entry: harmless
    if (prior)
      throw new AuthorsFileError(
        this.file,
        s.line,
        author,
        `"${s.text}" (${as}) is already claimed by "${prior.name}" at line ${prior.line}`,
      );
    this.spellings.set(s.key, { name: author, line: s.line });
  }
}

/** An absolute http(s) URL with a host. */
export function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
