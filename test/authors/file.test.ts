import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { AuthorsFileError, orcidChecksumOk, parseAuthorsFile } from '../../src/lib/authors/file.ts';

const fixture = (name: string) => {
  const file = `test/fixtures/authors/${name}`;
  return parseAuthorsFile(readFileSync(file, 'utf8'), file, ['letter']);
};

function errorOf(run: () => unknown): AuthorsFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof AuthorsFileError) return error;
    throw error;
  }
  throw new Error('expected an AuthorsFileError');
}

const inline = (body: string) => () => parseAuthorsFile(`authors:\n${body}`, 'a.yaml', ['letter']);

describe('parseAuthorsFile', () => {
  test('reads people, aliases, ORCID iDs, homepages, splits and their lines', () => {
    const { people, splits } = fixture('valid.yaml');
    expect(people).toEqual([
      {
        name: 'Jürgen Schmidhuber',
        key: 'jurgen schmidhuber',
        slug: undefined,
        orcid: '0000-0002-1825-0097',
        homepage: 'https://people.idsia.ch/~juergen/',
        line: 3,
        aliases: [
          { text: 'J. Schmidhuber', key: 'j schmidhuber', line: 4 },
          { text: 'Juergen Schmidhuber', key: 'juergen schmidhuber', line: 4 },
        ],
      },
    ]);
    expect(splits).toHaveLength(1);
    const [tsinghua, jhu] = splits[0]?.parts ?? [];
    expect(tsinghua).toMatchObject({ slug: 'wei-wang-tsinghua', with: [{ key: 'jie tang' }] });
    expect(jhu).toMatchObject({
      papers: [
        { ref: '2401.00001', line: 13 },
        { ref: 'a-paper-slug', line: 13 },
      ],
      orcid: '0000-0001-5109-3700',
    });
  });

  test('an empty file, or an empty list, has no entries', () => {
    expect(parseAuthorsFile('', 'a.yaml')).toEqual({ file: 'a.yaml', people: [], splits: [] });
    expect(parseAuthorsFile('authors:\n', 'a.yaml').people).toEqual([]);
  });

  // [fixture, the message]
  const files: [string, string][] = [
    [
      'unknown-key.yaml',
      'test/fixtures/authors/unknown-key.yaml:5: author "Bob Ross": unknown key "homepages" (did you mean "homepage"?)',
    ],
    [
      'bad-orcid.yaml',
      'test/fixtures/authors/bad-orcid.yaml:3: author "Ann Lee": ORCID iD 0000-0002-1825-0098 has a wrong check digit',
    ],
    [
      'bad-homepage.yaml',
      'test/fixtures/authors/bad-homepage.yaml:3: author "Ann Lee": homepage "javascript:alert(1)" must be an http:// or https:// URL',
    ],
    [
      'duplicate-alias.yaml',
      'test/fixtures/authors/duplicate-alias.yaml:6: author "Jane Smith": "Smith, J." (alias) is already claimed by "John Smith" at line 3',
    ],
    [
      'split-without-rule.yaml',
      'test/fixtures/authors/split-without-rule.yaml:6: author "Wei Wang (JHU)": no rule: give "papers" or "with"',
    ],
    ['not-yaml.yaml', 'test/fixtures/authors/not-yaml.yaml:4: not valid YAML'],
  ];
  test.each(files)('%s fails with file, line and entry', (name, message) => {
    const error = errorOf(() => fixture(name));
    expect(error.message.startsWith(message), error.message).toBe(true);
  });

  // [entry, the message after `a.yaml:<line>: `]
  const entries: [string, string, string][] = [
    ['no name', '  - orcid: 0000-0002-1825-0097\n', '2: missing "name"'],
    ['a name without letters', '  - name: "***"\n', '2: author "***": the name has no letters'],
    [
      'a reserved slug',
      '  - name: Ann\n    slug: letter\n',
      '3: author "Ann": slug "letter" is reserved',
    ],
    ['a bad slug', '  - name: Ann\n    slug: Ann Lee\n', '3: author "Ann": slug "Ann Lee" must be'],
    [
      'a slug twice',
      '  - name: Ann\n    slug: ann\n  - name: Bob\n    slug: ann\n',
      '5: author "Bob": slug "ann" is already the slug of "Ann" at line 2',
    ],
    [
      'not an ORCID',
      '  - name: Ann\n    orcid: 12345\n',
      '3: author "Ann": "12345" is not an ORCID iD',
    ],
    [
      'a key twice',
      '  - name: Ann\n    orcid: 1\n    orcid: 2\n',
      '4: author "Ann": key "orcid" is given twice',
    ],
    ['not a mapping', '  - Ann Lee\n', '2: each author must be a mapping'],
    [
      'a split part named as the split',
      '  - name: Wei Wang\n    split:\n      - name: WEI WANG\n        with: [A]\n',
      '4: author "WEI WANG": a part of the split needs a name of its own',
    ],
    [
      'ORCID on a split name',
      '  - name: Wei Wang\n    orcid: 0000-0002-1825-0097\n    split:\n      - name: W (A)\n        with: [A]\n',
      '3: author "Wei Wang": "orcid" belongs to a part of the split',
    ],
    [
      'a name claimed twice',
      '  - name: Ann Lee\n  - name: ann  lee\n',
      '3: author "ann lee": "ann lee" (name) is already claimed by "Ann Lee" at line 2',
    ],
  ];
  test.each(entries)('%s', (_, body, message) => {
    const error = errorOf(inline(body));
    expect(error.message.startsWith(`a.yaml:${message}`), error.message).toBe(true);
  });
});

describe('orcidChecksumOk', () => {
  test.each([
    ['0000-0002-1825-0097', true],
    ['0000-0001-5109-3700', true],
    ['0000-0002-1694-233X', true],
    ['0000-0002-1825-0098', false],
    ['0000-0002-1694-2330', false],
  ])('%s: %s', (id, ok) => expect(orcidChecksumOk(id)).toBe(ok));
});
