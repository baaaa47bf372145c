import { describe, expect, test } from 'vitest';
import {
  buildTopicModel,
  matchCurated,
  parseTopicsFile,
  TopicsFileError,
  type CuratedTopics,
} from '../../src/lib/topics/index.ts';
import { fixture, paper } from './helpers.ts';

function parse(name: string): CuratedTopics {
  const { text, file } = fixture(name);
  return parseTopicsFile(text, file);
}

function errorOf(run: () => unknown): TopicsFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof TopicsFileError) return error;
    throw error;
  }
  throw new Error('expected a TopicsFileError');
}

/** Only the rules of a one-topic file, written inline. */
function oneTopic(rules: string): CuratedTopics {
  return parseTopicsFile(
    `topics:\n  - slug: t\n    name: T\n    description: A topic.\n${rules}`,
    'inline.yaml',
  );
}

function matches(curated: CuratedTopics, title: string, abstract = ''): string[] {
  return (matchCurated([paper('p', title, abstract)], curated)[0] ?? []).map((m) => m.reason);
}

describe('parseTopicsFile', () => {
  test('reads topics, rules, lines, aliases and defaults', () => {
    const curated = parse('valid.yaml');
    expect(curated.topics.map((t) => t.slug)).toEqual([
      'mixture-of-experts',
      'pruning',
      'retrieval',
    ]);
    const [moe, pruning, retrieval] = curated.topics;
    expect(moe?.line).toBe(3);
    expect(moe?.phrases.map((r) => r.kind)).toEqual(['phrase', 'pattern']);
    expect(moe?.mentions).toBe(1);
    expect(pruning?.mentions).toBe(2);
    expect(pruning?.exclude).toEqual([{ slug: 'paper-c', line: 12 }]);
    expect(retrieval?.title.map((r) => r.text)).toEqual(['retrieval']);
    expect(retrieval?.aliases).toEqual(['search']);
  });

  test('an unknown key names the file, the line, the topic and the likely key', () => {
    const error = errorOf(() => parse('unknown-key.yaml'));
    expect(error.message).toMatch(
      /^test\/fixtures\/topics\/unknown-key\.yaml:10: topic "retrieval": unknown key "phrase" \(did you mean "phrases"\?\)/,
    );
    expect(error.line).toBe(10);
    expect(error.topic).toBe('retrieval');
  });

  test('a duplicate slug is reported at the second topic, naming the first', () => {
    const error = errorOf(() => parse('duplicate-slug.yaml'));
    expect(error.message).toBe(
      'test/fixtures/topics/duplicate-slug.yaml:10: topic "pruning": duplicate slug: "pruning" (slug) is already the slug of topic "pruning" at line 2',
    );
  });

  test('a pattern that does not compile is reported at its own line', () => {
    const error = errorOf(() => parse('bad-pattern.yaml'));
    expect(error.message).toMatch(
      /^test\/fixtures\/topics\/bad-pattern\.yaml:7: topic "mixture-of-experts": pattern \/\\bMoE\(s\?\\b\/ does not compile: /,
    );
  });

  test('invalid YAML and invalid slugs are reported with their line', () => {
    expect(errorOf(() => parse('not-yaml.yaml')).message).toMatch(
      /^test\/fixtures\/topics\/not-yaml\.yaml:\d+: not valid YAML: /,
    );
    expect(errorOf(() => parse('bad-slug.yaml')).message).toMatch(
      /^test\/fixtures\/topics\/bad-slug\.yaml:2: topic "Neural Pruning": slug must be lower-case/,
    );
  });

  test('rejects missing fields, rule-less topics, bad mentions and split phrases', () => {
    const base = 'topics:\n  - slug: t\n    name: T\n';
    expect(errorOf(() => parseTopicsFile(`${base}    phrases: [a b]\n`, 'f.yaml')).message).toBe(
      'f.yaml:2: topic "t": missing "description"',
    );
    expect(errorOf(() => oneTopic('')).message).toMatch(/topic "t": no rules/);
    expect(errorOf(() => oneTopic('    phrases: [x]\n    mentions: 0\n')).message).toMatch(
      /inline\.yaml:6: topic "t": "mentions" must be a whole number/,
    );
    expect(errorOf(() => oneTopic('    phrases: ["top-k, sparse"]\n')).message).toMatch(
      /inline\.yaml:5: topic "t": phrase "top-k, sparse" has punctuation that splits it/,
    );
    expect(
      errorOf(() => oneTopic('    phrases: [x]\n    include: [a]\n    exclude: [a]\n')).message,
    ).toMatch(/inline\.yaml:6: topic "t": paper "a" is both included and excluded/);
  });

  test("an alias may not take another topic's slug", () => {
    const text =
      'topics:\n  - slug: a\n    name: A\n    description: A.\n    phrases: [x]\n' +
      '  - slug: b\n    name: B\n    description: B.\n    phrases: [y]\n    aliases: [a]\n';
    expect(errorOf(() => parseTopicsFile(text, 'f.yaml')).message).toBe(
      'f.yaml:6: topic "b": duplicate slug: "a" (alias) is already the slug of topic "a" at line 2',
    );
  });

  test('an empty file has no topics', () => {
    expect(parseTopicsFile('# nothing yet\n', 'f.yaml').topics).toEqual([]);
    expect(parseTopicsFile('topics:\n', 'f.yaml').topics).toEqual([]);
  });
});

describe('curated rules', () => {
  const moe = oneTopic('    phrases: [mixture of experts]\n');

  test('phrases match whatever the inflection, hyphenation, case and accents', () => {
    expect(matches(moe, 'Sparse Mixtures-of-Experts at scale')).toEqual([
      'curated: title mentions "mixture of experts"',
    ]);
    expect(matches(moe, 'MIXTURE OF EXPÉRTS')).toHaveLength(1);
    expect(
      matches(moe, 'x', 'We train a mixture of experts. The mixture-of-experts layer routes.'),
    ).toEqual(['curated: abstract mentions "mixture of experts" 2 times']);
  });

  test('phrases respect word and clause boundaries', () => {
    expect(matches(moe, 'A mixture of expertise')).toEqual([]);
    expect(matches(moe, 'A mixture. Of experts')).toEqual([]);
    expect(matches(oneTopic('    phrases: [prune]\n'), 'Pruner networks')).toEqual([]);
  });

  test('patterns are tested on the plain text, with their own case rules', () => {
    const curated = oneTopic('    phrases: [/\\bMoEs?\\b/]\n');
    expect(matches(curated, 'Scaling MoEs')).toEqual([
      'curated: title matches pattern /\\bMoEs?\\b/',
    ]);
    expect(matches(curated, 'Moe and the Simpsons')).toEqual([]);
    expect(matches(oneTopic('    phrases: [/naive bayes/i]\n'), 'Naïve Bayes')).toHaveLength(1);
  });

  test('title rules ignore the abstract; mentions sets how many abstract uses count', () => {
    const titleOnly = oneTopic('    title: [pruning]\n');
    expect(matches(titleOnly, 'x', 'pruning pruning pruning')).toEqual([]);
    const twice = oneTopic('    phrases: [pruning]\n    mentions: 2\n');
    expect(matches(twice, 'x', 'We do pruning.')).toEqual([]);
    expect(matches(twice, 'x', 'We do pruning. Pruned nets')).toHaveLength(1);
    expect(matches(twice, 'Pruning')).toHaveLength(1);
  });

  test('hand-listed papers come first; excluded papers never match', () => {
    const curated = parse('valid.yaml');
    const papers = [
      paper('paper-a', 'Scaling MoE models', 'Pruning and pruning.'),
      paper('paper-c', 'Pruning transformers'),
      paper('paper-d', 'Unrelated title'),
    ];
    const found = matchCurated(papers, curated).map((list) =>
      list.map((m) => `${curated.topics[m.topic]?.slug}: ${m.reason}`),
    );
    expect(found).toEqual([
      [
        'mixture-of-experts: curated: title matches pattern /\\bMoEs?\\b/',
        'pruning: curated: abstract mentions "pruning" 2 times',
      ],
      [],
      ['retrieval: listed by hand'],
    ]);
  });
});

describe('buildTopicModel with a topics file', () => {
  const papers = [
    paper('paper-a', 'Mixture of experts for translation', 'Experts route tokens.'),
    paper('paper-b', 'Sparse mixture-of-experts layers', 'We prune experts. Pruning helps.'),
    paper('paper-c', 'Scaling MoE', 'Pruning.'),
    paper('paper-d', 'Dense retrieval with pruning', 'Pruning pruning.'),
    paper('paper-e', 'Graph neural networks for molecules', 'Message passing on molecular graphs.'),
    paper('paper-f', 'Graph neural networks for traffic', 'Message passing on road graphs.'),
    paper('paper-g', 'Graph neural networks for code', 'Message passing on program graphs.'),
  ];

  test('curated topics win; papers they do not take get discovered topics', () => {
    const model = buildTopicModel(papers, parse('valid.yaml'));
    const curated = model.topics.filter((t) => t.curated).map((t) => [t.slug, t.papers]);
    expect(curated).toEqual([
      ['mixture-of-experts', ['paper-a', 'paper-b', 'paper-c']],
      ['pruning', ['paper-b', 'paper-d']],
      ['retrieval', ['paper-d']],
    ]);
    for (const slug of ['paper-e', 'paper-f', 'paper-g']) {
      const list = model.byPaper.get(slug) ?? [];
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((a) => !a.curated)).toBe(true);
    }
    expect(model.topics.find((t) => !t.curated)?.name).toBe('Graph neural networks');
    for (const slug of ['paper-a', 'paper-b', 'paper-c', 'paper-d']) {
      expect(model.byPaper.get(slug)?.every((a) => a.curated)).toBe(true);
    }
    expect(model.warnings.some((w) => w.includes('topic "retrieval": holds only 1 paper'))).toBe(
      true,
    );
    expect(model.related.get('pruning')).toEqual([
      { topic: 'retrieval', shared: 1 },
      { topic: 'mixture-of-experts', shared: 1 },
    ]);
  });

  test('an old slug of a retitled paper means that paper, with a note at its line', () => {
    // paper-d was retitled twice: the registry knows both of its old slugs.
    const renamed = new Map([
      ['dense-retrieval-draft', 'paper-d-old'],
      ['paper-d-old', 'paper-d'],
    ]);
    const { text, file } = fixture('retitled-paper.yaml');
    const model = buildTopicModel(papers, parseTopicsFile(text, file), { renamed });
    expect(model.topics.find((t) => t.slug === 'search')?.papers).toEqual(['paper-d']);
    expect(model.byPaper.get('paper-d')?.[0]).toEqual({
      topic: 'search',
      reason: 'listed by hand',
      curated: true,
    });
    expect(model.warnings).toContain(
      'test/fixtures/topics/retitled-paper.yaml:7: topic "search": include "dense-retrieval-draft" is the old slug of a retitled paper; using "paper-d" (update the file to silence this)',
    );
    // Without the registry the old slug names nothing: an error at its line.
    const error = errorOf(() => buildTopicModel(papers, parseTopicsFile(text, file)));
    expect(error.message).toMatch(
      /^test\/fixtures\/topics\/retitled-paper\.yaml:7: topic "search": include names no paper in the list: "dense-retrieval-draft"/u,
    );
  });

  test('an explicit slug that names no paper is an error at its line', () => {
    const { text, file } = fixture('unknown-paper.yaml');
    const error = errorOf(() => buildTopicModel(papers, parseTopicsFile(text, file)));
    expect(error.message).toBe(
      'test/fixtures/topics/unknown-paper.yaml:8: topic "pruning": include names no paper in the list: "paper-bb" (did you mean "paper-b"?)',
    );
  });
});
