import { describe, expect, test } from 'vitest';
import type { Paper } from '../../src/lib/paper.ts';
import { fingerprint } from '../../src/lib/ingest/slug.ts';
import { makePaper } from '../helpers/paper.ts';
import {
  DroppedPermalinksError,
  emptyRegistry,
  parseRegistry,
  parseRetire,
  resolvePermalinks,
  resolveTopicPermalinks,
  serialiseRegistry,
  type Registry,
} from '../../src/lib/permalinks/registry.ts';

const paper = (title: string, abstract: string, arxiv?: string) =>
  makePaper(title, abstract, arxiv ? { arxiv } : {});

const A = paper('Sparse Retrieval Revisited', 'We revisit sparse retrieval with learned weights.');
const B = paper(
  'Diffusion Sampling in Ten Steps',
  'A solver for diffusion models that needs ten steps.',
);
const C = paper('Mixture of Experts at Scale', 'Routing tokens to experts efficiently.');
const D = paper('Pruning Without Retraining', 'One-shot pruning of large language models.');

const slugs = (papers: { slug: string; title: string }[]) =>
  Object.fromEntries(papers.map((p) => [p.title, p.slug]));

function publish(list: Paper[], registry: Registry = emptyRegistry()) {
  return resolvePermalinks(list, registry);
}

describe('resolvePermalinks', () => {
  test('gives a first list its title slugs and records them', () => {
    const { papers, registry } = publish([A, B, C]);
    expect(slugs(papers)).toEqual({
      'Sparse Retrieval Revisited': 'sparse-retrieval-revisited',
      'Diffusion Sampling in Ten Steps': 'diffusion-sampling-in-ten-steps',
      'Mixture of Experts at Scale': 'mixture-of-experts-at-scale',
    });
    expect(Object.values(registry.papers).every((e) => e.status === 'live')).toBe(true);
  });

  test("gives each paper its content fingerprint, the registry's and slugging's", () => {
    const { papers, registry } = publish([A, B, C]);
    for (const p of papers) {
      expect(p.fingerprint).toBe(fingerprint(p));
      expect(registry.papers[p.slug]).toMatchObject({ fingerprint: p.fingerprint });
    }
  });

  test('re-ordering and adding papers never change a published URL', () => {
    const first = publish([A, B, C]);
    const second = publish([D, C, A, B], first.registry);
    expect(slugs(second.papers)).toMatchObject(slugs(first.papers));
    expect(second.registry.papers['pruning-without-retraining']?.status).toBe('live');
  });

  test("slugs named like Object.prototype's members are papers like any other", () => {
    const odd = paper('Constructor', 'A paper whose slug is a property every object inherits.');
    const first = publish([A, odd]);
    expect(first.papers.map((p) => p.slug)).toContain('constructor');
    expect(Object.hasOwn(first.registry.papers, 'constructor')).toBe(true);
    // Dropping it must fail like any dropped paper, not pass silently.
    expect(() => resolvePermalinks([A], first.registry)).toThrow(/\/papers\/constructor\//);
    const retired = resolvePermalinks([A], first.registry, { retire: new Set(['constructor']) });
    expect(retired.registry.papers.constructor).toMatchObject({ status: 'removed' });
  });

  test('is idempotent: the same list gives the same registry, byte for byte', () => {
    const first = publish([A, B, C]);
    const again = publish([C, B, A], first.registry);
    expect(serialiseRegistry(again.registry)).toBe(serialiseRegistry(first.registry));
  });

  test('a removed paper fails the build, naming its URL and how to retire it', () => {
    const first = publish([A, B, C]);
    let error: unknown;
    try {
      resolvePermalinks([A, C], first.registry, { registryFile: 'src/content/permalinks.json' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DroppedPermalinksError);
    const message = (error as Error).message;
    expect(message).toContain('/papers/diffusion-sampling-in-ten-steps/');
    expect(message).toContain('RETIRE=diffusion-sampling-in-ten-steps npm run build');
    expect(message).toContain('src/content/permalinks.json');
  });

  test('a paper retired on purpose leaves a removed page, and its slug is never reused', () => {
    const first = publish([A, B, C]);
    const retired = resolvePermalinks([A, C], first.registry, {
      retire: new Set(['diffusion-sampling-in-ten-steps']),
    });
    expect(retired.removed.get('diffusion-sampling-in-ten-steps')?.title).toBe(
      'Diffusion Sampling in Ten Steps',
    );
    expect(retired.registry.papers['diffusion-sampling-in-ten-steps']?.status).toBe('removed');
    // Later builds keep the removed page without being told again.
    const later = resolvePermalinks([A, C], retired.registry);
    expect(later.removed.has('diffusion-sampling-in-ten-steps')).toBe(true);
    // A new, different paper with the same title gets another URL.
    const newcomer = paper('Diffusion Sampling in Ten Steps', 'A completely different abstract.');
    const reused = resolvePermalinks([A, C, newcomer], later.registry);
    expect(reused.papers[2]?.slug).toMatch(/^diffusion-sampling-in-ten-steps-[0-9a-f]{6}$/);
  });

  test('a fixed typo in a title moves the paper to its new slug and redirects the old one', () => {
    const typo = paper('Sparse Retreival Revisited', A.abstract);
    const first = publish([typo, B]);
    expect(first.papers[0]?.slug).toBe('sparse-retreival-revisited');
    const fixed = publish([A, B], first.registry);
    expect(fixed.papers[0]?.slug).toBe('sparse-retrieval-revisited');
    expect(fixed.redirects.get('sparse-retreival-revisited')).toBe('sparse-retrieval-revisited');
    expect(fixed.registry.papers['sparse-retreival-revisited']).toMatchObject({
      status: 'redirect',
      to: 'sparse-retrieval-revisited',
    });
    // A second fix keeps the first old URL working: redirects never chain.
    const again = publish(
      [paper('Sparse Retrieval, Revisited Again', A.abstract), B],
      fixed.registry,
    );
    const target = again.papers[0]?.slug;
    expect(again.redirects.get('sparse-retreival-revisited')).toBe(target);
    expect(again.redirects.get('sparse-retrieval-revisited')).toBe(target);
  });

  test('an edited abstract keeps the slug', () => {
    const first = publish([A, B]);
    const edited = publish([paper(A.title, 'A rewritten abstract.'), B], first.registry);
    expect(edited.papers[0]?.slug).toBe('sparse-retrieval-revisited');
    expect(edited.redirects.size).toBe(0);
  });

  test('an arXiv id follows a paper whose title and abstract both changed', () => {
    const v1 = paper('Old Name', 'Old abstract.', '2401.00001');
    const v2 = paper('New Name', 'New abstract.', '2401.00001');
    const first = publish([v1]);
    const second = publish([v2], first.registry);
    expect(second.papers[0]?.slug).toBe('new-name');
    expect(second.redirects.get('old-name')).toBe('new-name');
  });

  test('colliding titles get distinct slugs whatever the order, and keep them', () => {
    const x = paper('Same Title', 'First abstract.');
    const y = paper('Same Title', 'Second abstract.');
    const one = publish([x, y]);
    const two = publish([y, x]);
    expect(one.papers.map((p) => p.slug)).toEqual([two.papers[1]?.slug, two.papers[0]?.slug]);
    expect(new Set(one.papers.map((p) => p.slug)).size).toBe(2);
    const z = paper('Same Title', 'Third abstract.');
    const three = publish([z, x, y], one.registry);
    expect(three.papers[1]?.slug).toBe(one.papers[0]?.slug);
    expect(three.papers[2]?.slug).toBe(one.papers[1]?.slug);
  });
});

describe('registry files', () => {
  test('round-trip through JSON with sorted slugs', () => {
    const { registry } = publish([C, A, B]);
    const text = serialiseRegistry(registry);
    expect(parseRegistry(text, 'r.json')).toEqual(registry);
    expect(Object.keys(JSON.parse(text).papers)).toEqual([...Object.keys(registry.papers)].sort());
  });

  test('an empty file is an empty registry; a broken one is an error naming the file', () => {
    expect(parseRegistry('', 'r.json')).toEqual(emptyRegistry());
    expect(() => parseRegistry('{oops', 'r.json')).toThrow(
      /^r\.json: the permalink registry is not valid JSON/,
    );
    expect(() => parseRegistry('{"papers": []}', 'r.json')).toThrow(/not a permalink registry/);
  });

  test('RETIRE accepts slugs, paths and all', () => {
    expect(parseRetire('all')).toBe('all');
    expect([...(parseRetire('a-b, /papers/c-d/') as Set<string>)]).toEqual(['a-b', 'c-d']);
    expect((parseRetire(undefined) as Set<string>).size).toBe(0);
  });
});

describe('resolveTopicPermalinks', () => {
  const topic = (slug: string, name: string, aliases: string[] = []) => ({ slug, name, aliases });

  test('a topic slug like `constructor` is kept like any other', () => {
    const first = resolveTopicPermalinks([topic('constructor', 'Constructor')], {});
    const next = resolveTopicPermalinks([topic('pruning', 'Pruning')], first);
    expect(next.constructor).toEqual({ status: 'removed', name: 'Constructor' });
  });

  test('records live topics, and redirects aliases of renamed topics', () => {
    const first = resolveTopicPermalinks(
      [topic('moe', 'Mixture of experts'), topic('pruning', 'Pruning')],
      {},
    );
    expect(first).toEqual({
      moe: { status: 'live', name: 'Mixture of experts' },
      pruning: { status: 'live', name: 'Pruning' },
    });
    const renamed = resolveTopicPermalinks(
      [topic('mixture-of-experts', 'Mixture of experts', ['moe']), topic('pruning', 'Pruning')],
      first,
    );
    expect(renamed.moe).toEqual({
      status: 'redirect',
      to: 'mixture-of-experts',
      name: 'Mixture of experts',
    });
  });

  test('keeps a page for a topic that disappeared, and never drops a published slug', () => {
    const first = resolveTopicPermalinks(
      [topic('agents', 'Agents'), topic('pruning', 'Pruning')],
      {},
    );
    const later = resolveTopicPermalinks([topic('pruning', 'Pruning')], first);
    expect(later.agents).toEqual({ status: 'removed', name: 'Agents' });
    const again = resolveTopicPermalinks([topic('pruning', 'Pruning')], later);
    expect(Object.keys(again)).toEqual(['agents', 'pruning']);
  });

  test('a redirect whose target disappeared becomes a removed page', () => {
    const first = resolveTopicPermalinks([topic('new', 'New', ['old'])], {
      old: { status: 'live', name: 'Old' },
    });
    expect(first.old?.status).toBe('redirect');
    const later = resolveTopicPermalinks([], first);
    expect(later.old).toEqual({ status: 'removed', name: 'Old' });
  });
});
