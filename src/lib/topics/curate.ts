/**
 * Curated topics: the topics file (YAML) and its match rules.
 *
 * ```yaml
 * topics:
 *   - slug: mixture-of-experts          # permanent URL slug
 *     name: Mixture of experts
 *     description: Sparsely activated expert layers, routing and upcycling.
 *     phrases: [mixture of experts, sparse experts, /\bMoEs?\b/]   # title or abstract
 *     title: [expert pruning]           # title only
 *     mentions: 2                       # abstract-only matches need 2 mentions (default 1)
 *     include: [sparse-upcycling-training-mixture-of-experts-from-dense-checkpoints]
 *     exclude: [mixture-proportion-estimation-beyond-irreducibility]
 *     aliases: [moe]                    # former slugs of this topic
 * ```
 *
 * Phrases match on stems, word by word: case, accents, inflection and
 * hyphenation do not matter ("Mixtures-of-Experts" matches "mixture of
 * experts"), and a phrase never matches part of a word or across a clause
 * boundary. Entries written `/.../flags` are JavaScript regular expressions,
 * tested on the plain text (accents stripped, case kept: add `i` to ignore case).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { toPlainText } from '../ingest/latex.ts';
import { stemClauses } from './tokens.ts';
import type { TopicPaper } from './types.ts';

/** A topics-file problem: `file:line: topic "slug": problem`. */
export class TopicsFileError extends Error {
  override readonly name = 'TopicsFileError';
  readonly file: string;
  readonly line: number | undefined;
  readonly topic: string | undefined;
  readonly problem: string;

  constructor(file: string, line: number | undefined, topic: string | undefined, problem: string) {
    const at = line === undefined ? file : `${file}:${line}`;
    super(`${at}: ${topic === undefined ? '' : `topic "${topic}": `}${problem}`);
    this.file = file;
    this.line = line;
    this.topic = topic;
    this.problem = problem;
  }
}

export interface PhraseRule {
  kind: 'phrase';
  /** As written in the file. */
  text: string;
  /** Stems, word by word. */
  stems: string[];
  line: number;
}

export interface PatternRule {
  kind: 'pattern';
  /** As written in the file, `/.../flags`. */
  text: string;
  re: RegExp;
  line: number;
}

export type Rule = PhraseRule | PatternRule;

export interface SlugRef {
  slug: string;
  line: number;
}

export interface CuratedTopic {
  slug: string;
  name: string;
  description: string;
  /** Rules matched in the title or the abstract. */
  phrases: Rule[];
  /** Rules matched in the title only. */
  title: Rule[];
  /** Mentions an abstract needs when the title does not match. */
  mentions: number;
  include: SlugRef[];
  exclude: SlugRef[];
  aliases: string[];
  /** Line of the topic's entry. */
  line: number;
}

export interface CuratedTopics {
  /** The file as named in messages. */
  file: string;
  topics: CuratedTopic[];
}

const KEYS = [
  'slug',
  'name',
  'description',
  'phrases',
  'title',
  'mentions',
  'include',
  'exclude',
  'aliases',
] as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
const PATTERN = /^\/(.+)\/([a-z]*)$/su;

/** Parses and checks a topics file; throws `TopicsFileError` on the first problem. */
export function parseTopicsFile(text: string, file: string): CuratedTopics {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  const fail = (
    node: Node | null | undefined,
    topic: string | undefined,
    problem: string,
  ): never => {
    throw new TopicsFileError(file, lineOf(node), topic, problem);
  };
  const failAt = (line: number, topic: string | undefined, problem: string): never => {
    throw new TopicsFileError(file, line, topic, problem);
  };

  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0].line ?? lineCounter.linePos(syntax.pos[0]).line;
    throw new TopicsFileError(
      file,
      line,
      undefined,
      `not valid YAML: ${firstLine(syntax.message)}`,
    );
  }
  const root = doc.contents;
  if (root === null) return { file, topics: [] };
  if (!isMap(root)) fail(root, undefined, 'the file must be a mapping with a `topics:` list');
  const rootMap = root as unknown as { items: Pair[] };
  let list: Node | undefined;
  for (const pair of rootMap.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'topics')
      fail(pair.key as Node, undefined, `unknown key "${key}" (the file has one key, \`topics\`)`);
    list = (pair.value ?? undefined) as Node | undefined;
  }
  if (list === undefined || (isScalar(list) && list.value === null)) return { file, topics: [] };
  if (!isSeq(list))
    fail(list, undefined, '`topics` must be a list of topics (lines starting with `- slug: ...`)');

  const topics: CuratedTopic[] = [];
  const owner = new Map<string, { topic: string; line: number; as: string }>();
  for (const item of (list as unknown as { items: Node[] }).items) {
    const topic = parseTopic(item, lineOf, fail, failAt);
    for (const [slug, as] of [
      [topic.slug, 'slug'],
      ...topic.aliases.map((a) => [a, 'alias'] as const),
    ] as const) {
      const prior = owner.get(slug);
      if (prior) {
        fail(
          item,
          topic.slug,
          `duplicate slug: "${slug}" (${as}) is already the ${prior.as} of topic "${prior.topic}" at line ${prior.line}`,
        );
      }
      owner.set(slug, { topic: topic.slug, line: topic.line, as });
    }
    topics.push(topic);
  }
  return { file, topics };
}

type Fail = (node: Node | null | undefined, topic: string | undefined, problem: string) => never;
type FailAt = (line: number, topic: string | undefined, problem: string) => never;

function parseTopic(
  item: Node,
  lineOf: (node: Node | null | undefined) => number | undefined,
  fail: Fail,
  failAt: FailAt,
): CuratedTopic {
  if (!isMap(item))
    fail(item, undefined, 'each topic must be a mapping (`- slug: ...` then `name: ...`)');
  const pairs = (item as unknown as { items: Pair[] }).items;
  const slugPair = pairs.find((p) => isScalar(p.key) && p.key.value === 'slug');
  const slugValue = slugPair && isScalar(slugPair.value) ? slugPair.value.value : undefined;
  const id = typeof slugValue === 'string' ? slugValue : undefined;
  const line = lineOf(item) ?? 0;

  const seen = new Set<string>();
  const fields = new Map<string, Node>();
  for (const pair of pairs) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(KEYS as readonly string[]).includes(key)) {
      const hint = closest(key, KEYS);
      fail(
        pair.key as Node,
        id,
        `unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; keys are ${KEYS.join(', ')}`,
      );
    }
    if (seen.has(key)) fail(pair.key as Node, id, `key "${key}" is given twice`);
    seen.add(key);
    fields.set(key, (pair.value ?? pair.key) as Node);
  }

  const str = (key: string, required: boolean): string | undefined => {
    const node = fields.get(key);
    if (node === undefined) {
      if (required) fail(item, id, `missing "${key}"`);
      return undefined;
    }
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
      fail(node, id, `"${key}" must be non-empty text`);
    }
    return String((node as unknown as { value: string }).value).trim();
  };
  const list = (key: string): { text: string; line: number }[] => {
    const node = fields.get(key);
    if (node === undefined) return [];
    if (isScalar(node) && node.value === null) return [];
    if (!isSeq(node)) fail(node, id, `"${key}" must be a list, e.g. ${key}: [a, b]`);
    return (node as unknown as { items: Node[] }).items.map((entry) => {
      if (
        !isScalar(entry) ||
        (typeof entry.value !== 'string' && typeof entry.value !== 'number')
      ) {
        fail(entry, id, `every entry of "${key}" must be text`);
      }
      return {
        text: String((entry as unknown as { value: string | number }).value).trim(),
        line: lineOf(entry) ?? line,
      };
    });
  };

  const slug = str('slug', true) as string;
  if (!SLUG.test(slug)) {
    fail(
      fields.get('slug'),
      slug,
      'slug must be lower-case letters, digits and single hyphens, e.g. "learned-sparse-retrieval"',
    );
  }
  const name = str('name', true) as string;
  const description = str('description', true) as string;
  if (description.includes('\n'))
    fail(fields.get('description'), slug, 'description must be one line');

  const rules = (key: string): Rule[] =>
    list(key).map((entry) => {
      const pattern = PATTERN.exec(entry.text);
      if (pattern) {
        const [, body, flags] = pattern as unknown as [string, string, string];
        if (/[^imsu]/u.test(flags)) {
          failAt(
            entry.line,
            slug,
            `pattern ${entry.text} has flags "${flags}"; allowed: i, m, s, u`,
          );
        }
        let re: RegExp;
        try {
          re = new RegExp(body, `${flags}g`);
        } catch (error) {
          return failAt(
            entry.line,
            slug,
            `pattern ${entry.text} does not compile: ${(error as Error).message}`,
          );
        }
        if (re.test('')) failAt(entry.line, slug, `pattern ${entry.text} matches empty text`);
        return { kind: 'pattern', text: entry.text, re, line: entry.line };
      }
      const clauses = stemClauses(entry.text);
      if (clauses.length !== 1) {
        failAt(
          entry.line,
          slug,
          clauses.length === 0
            ? `phrase "${entry.text}" has no words`
            : `phrase "${entry.text}" has punctuation that splits it; write it as a pattern /.../`,
        );
      }
      return { kind: 'phrase', text: entry.text, stems: clauses[0] as string[], line: entry.line };
    });
  const phrases = rules('phrases');
  const title = rules('title');

  let mentions = 1;
  const mentionsNode = fields.get('mentions');
  if (mentionsNode !== undefined) {
    const value = isScalar(mentionsNode) ? mentionsNode.value : undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      fail(mentionsNode, slug, '"mentions" must be a whole number, 1 or more');
    }
    mentions = value as number;
  }
  const slugs = (key: string): SlugRef[] =>
    list(key).map((entry) => {
      if (!SLUG.test(entry.text)) {
        failAt(
          entry.line,
          slug,
          `"${entry.text}" in ${key} is not a slug (lower-case letters, digits, hyphens)`,
        );
      }
      return { slug: entry.text, line: entry.line };
    });
  const include = slugs('include');
  const exclude = slugs('exclude');
  const aliases = slugs('aliases').map((a) => a.slug);
  for (const inc of include) {
    if (exclude.some((e) => e.slug === inc.slug)) {
      failAt(inc.line, slug, `paper "${inc.slug}" is both included and excluded`);
    }
  }
  if (phrases.length + title.length + include.length === 0) {
    fail(item, slug, 'no rules: give phrases, title or include, or the topic can hold no paper');
  }
  return { slug, name, description, phrases, title, mentions, include, exclude, aliases, line };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** The known word nearest to `word` (edit distance at most 2), for "did you mean". */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

// ------------------------------------------------------------------ matching

/** One curated topic a paper falls in, and why. */
export interface CuratedMatch {
  /** Index of the topic in the file. */
  topic: number;
  /** Higher is stronger: listed by hand, then title matches, then abstract mentions. */
  strength: number;
  reason: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Rules ending here: [topic index, rule, title only]. */
  ends: [number, PhraseRule, boolean][];
}

const MARKS = /\p{M}/gu;

/**
 * Matches every paper against the curated rules. Returns, per paper (by
 * index), its matching topics strongest first; excluded papers never match.
 */
export function matchCurated(
  papers: readonly TopicPaper[],
  curated: CuratedTopics,
): CuratedMatch[][] {
  const root: TrieNode = { next: new Map(), ends: [] };
  const patterns: [number, PatternRule, boolean][] = [];
  curated.topics.forEach((topic, t) => {
    for (const [rules, titleOnly] of [
      [topic.phrases, false],
      [topic.title, true],
    ] as const) {
      for (const rule of rules) {
        if (rule.kind === 'pattern') {
          patterns.push([t, rule, titleOnly]);
          continue;
        }
        let node = root;
        for (const s of rule.stems) {
          let child = node.next.get(s);
          if (child === undefined) node.next.set(s, (child = { next: new Map(), ends: [] }));
          node = child;
        }
        node.ends.push([t, rule, titleOnly]);
      }
    }
  });
  const slugIndex = new Map(papers.map((p, i) => [p.slug, i]));
  const included = new Map<number, Set<number>>();
  const excluded = new Map<number, Set<number>>();
  curated.topics.forEach((topic, t) => {
    for (const [refs, into] of [
      [topic.include, included],
      [topic.exclude, excluded],
    ] as const) {
      for (const ref of refs) {
        const p = slugIndex.get(ref.slug);
        if (p === undefined) continue;
        let set = into.get(p);
        if (set === undefined) into.set(p, (set = new Set()));
        set.add(t);
      }
    }
  });

  return papers.map((paper, p) => {
    const best = new Map<number, CuratedMatch>();
    const offer = (t: number, strength: number, reason: string) => {
      const prior = best.get(t);
      if (!prior || strength > prior.strength) best.set(t, { topic: t, strength, reason });
    };
    for (const t of included.get(p) ?? []) offer(t, 1000, 'listed by hand');

    // Phrases: title matches are strong; abstract ones count mentions.
    const abstractCounts = new Map<PhraseRule, { topic: number; count: number }>();
    for (const [field, text] of [
      ['title', paper.title],
      ['abstract', paper.abstract],
    ] as const) {
      for (const clause of stemClauses(text)) {
        for (let i = 0; i < clause.length; i++) {
          let node: TrieNode | undefined = root;
          for (let j = i; j < clause.length; j++) {
            node = node.next.get(clause[j] as string);
            if (node === undefined) break;
            for (const [t, rule, titleOnly] of node.ends) {
              if (field === 'title')
                offer(t, 100 + rule.stems.length, `curated: title mentions "${rule.text}"`);
              else if (!titleOnly) {
                const c = abstractCounts.get(rule);
                if (c) c.count++;
                else abstractCounts.set(rule, { topic: t, count: 1 });
              }
            }
          }
        }
      }
    }
    for (const [rule, { topic: t, count }] of abstractCounts) {
      const need = (curated.topics[t] as CuratedTopic).mentions;
      if (count >= need) {
        offer(
          t,
          count,
          `curated: abstract mentions "${rule.text}"${count > 1 ? ` ${count} times` : ''}`,
        );
      }
    }

    // Patterns, on the plain text.
    if (patterns.length) {
      const title = plain(paper.title);
      const abstract = plain(paper.abstract);
      for (const [t, rule, titleOnly] of patterns) {
        rule.re.lastIndex = 0;
        if (rule.re.test(title)) {
          offer(t, 100, `curated: title matches pattern ${rule.text}`);
          continue;
        }
        if (titleOnly) continue;
        const count = abstract.match(rule.re)?.length ?? 0;
        if (count >= (curated.topics[t] as CuratedTopic).mentions) {
          offer(
            t,
            count,
            `curated: abstract matches pattern ${rule.text}${count > 1 ? ` ${count} times` : ''}`,
          );
        }
      }
    }
    for (const t of excluded.get(p) ?? []) best.delete(t);
    return [...best.values()].sort((a, b) => b.strength - a.strength || a.topic - b.topic);
  });
}

/** Plain text for patterns: math as Unicode, accents stripped, case kept. */
function plain(clean: string): string {
  return toPlainText(clean).normalize('NFKD').replace(MARKS, '');
}
