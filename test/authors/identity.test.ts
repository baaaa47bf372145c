import { describe, expect, test } from 'vitest';
import { parseAuthorsFile } from '../../src/lib/authors/file.ts';
import { resolveAuthors, type IdentityPaper } from '../../src/lib/authors/identity.ts';

/** Papers from author lists: slug `p0`, `p1`, ... */
const papers = (...lists: string[][]): IdentityPaper[] =>
  lists.map((authors, i) => ({ slug: `p${i}`, arxiv: `2401.0000${i}`, authors }));

/** Each author's name and paper slugs, by name. */
function people(list: IdentityPaper[], yaml?: string) {
  const file = yaml === undefined ? undefined : parseAuthorsFile(yaml, 'authors.yaml');
  const identity = resolveAuthors(list, file);
  return Object.fromEntries(
    identity.authors.map((a) => [a.name, a.papers.map((p) => list[p]?.slug).join(' ')]),
  );
}

describe('resolveAuthors: the same normalised name is one author', () => {
  // [spellings, one per paper; the name shown]
  const cases: [string, string[], string][] = [
    ['accents', ['José García', 'Jose Garcia', 'José García'], 'José García'],
    ['LaTeX accents', ["Jos{\\'e} Garc{\\'\\i}a", 'José García'], 'José García'],
    ['"Last, First"', ['Smith, John', 'John Smith', 'John Smith'], 'John Smith'],
    ['case', ['JOHN SMITH', 'john smith', 'John Smith', 'John Smith'], 'John Smith'],
    ['only capitals', ['JOHN SMITH', 'JOHN SMITH'], 'John Smith'],
    ['whitespace', ['  John   Smith', 'John\u00a0Smith', 'John Smith'], 'John Smith'],
    ['initials written two ways', ['J.M. Smith', 'J. M. Smith', 'Smith, J. M.'], 'J. M. Smith'],
  ];
  test.each(cases)('%s', (_, spellings, shown) => {
    const list = papers(...spellings.map((s) => [s, 'Ann Lee']));
    expect(people(list)).toEqual({
      [shown]: list.map((p) => p.slug).join(' '),
      'Ann Lee': list.map((p) => p.slug).join(' '),
    });
  });

  test('ties go to the spelling with accents', () => {
    expect(Object.keys(people(papers(['Jose Garcia'], ['José García'])))).toEqual(['José García']);
  });

  test('two different people who print one name stay one author until the file splits them', () => {
    const list = papers(['Wei Wang', 'Jie Tang'], ['Wei Wang', 'Alan Yuille']);
    expect(people(list)['Wei Wang']).toBe('p0 p1');
    const split = people(
      list,
      `authors:
  - name: Wei Wang
    split:
      - name: Wei Wang (Tsinghua)
        with: [Jie Tang]
      - name: Wei Wang (JHU)
        papers: [2401.00001]
`,
    );
    expect(split['Wei Wang (Tsinghua)']).toBe('p0');
    expect(split['Wei Wang (JHU)']).toBe('p1');
    expect(split['Wei Wang']).toBeUndefined();
  });

  test('a split leaves the papers no part claims with the plain name', () => {
    const list = papers(['Wei Wang', 'Jie Tang'], ['Wei Wang', 'Bob Ross']);
    const split = people(
      list,
      'authors:\n  - name: Wei Wang\n    split:\n      - name: Wei Wang (Tsinghua)\n        with: [J. Tang, Jie Tang]\n',
    );
    expect(split).toMatchObject({ 'Wei Wang (Tsinghua)': 'p0', 'Wei Wang': 'p1' });
  });

  test('names without letters are skipped, not authors', () => {
    const identity = resolveAuthors(papers([':', 'Ann Lee', '']));
    expect(identity.authors.map((a) => a.name)).toEqual(['Ann Lee']);
    expect(identity.byPaper).toEqual([[-1, 0, -1]]);
  });
});

describe('resolveAuthors: initials join a full name only when it is safe', () => {
  // [case, author lists, whether "J. Smith" joins "John Smith"]
  const cases: [string, string[][], boolean][] = [
    [
      'sole candidate, shared co-author',
      [
        ['John Smith', 'Ann Lee'],
        ['J. Smith', 'Ann Lee'],
      ],
      true,
    ],
    [
      '"Smith, J." the same',
      [
        ['John Smith', 'Ann Lee'],
        ['Smith, J.', 'Ann Lee'],
      ],
      true,
    ],
    [
      'no shared co-author',
      [
        ['John Smith', 'Ann Lee'],
        ['J. Smith', 'Bob Ross'],
      ],
      false,
    ],
    [
      'two candidates',
      [
        ['John Smith', 'Ann Lee'],
        ['Jane Smith', 'Ann Lee'],
        ['J. Smith', 'Ann Lee'],
      ],
      false,
    ],
    ['they sign one paper together', [['John Smith', 'J. Smith', 'Ann Lee']], false],
    [
      'other initials',
      [
        ['John Smith', 'Ann Lee'],
        ['J. M. Smith', 'Ann Lee'],
      ],
      false,
    ],
  ];
  test.each(cases)('%s', (_, lists, joins) => {
    const identity = resolveAuthors(papers(...lists));
    const john = identity.authors.find((a) => a.name === 'John Smith');
    expect(john?.members.includes('j smith')).toBe(joins);
    expect(identity.joined.length).toBe(joins ? 1 : 0);
    if (joins) {
      expect(identity.authors.some((a) => a.name === 'J. Smith')).toBe(false);
      expect(john?.papers).toEqual([0, 1]);
      expect(identity.byPaper[1]?.[0]).toBe(john?.id);
    }
  });

  test('the name shown is the full one, whatever the initials count', () => {
    const list = papers(['John Smith', 'Ann Lee'], ...Array(5).fill(['J. Smith', 'Ann Lee']));
    expect(Object.keys(people(list)).sort()).toEqual(['Ann Lee', 'John Smith']);
  });
});

describe('resolveAuthors: the authors file', () => {
  test('merges aliases and carries ORCID and homepage', () => {
    const file = parseAuthorsFile(
      `authors:
  - name: Jürgen Schmidhuber
    aliases: [J. Schmidhuber, Juergen Schmidhuber]
    orcid: 0000-0002-1825-0097
    homepage: https://people.idsia.ch/~juergen/
`,
      'authors.yaml',
    );
    const identity = resolveAuthors(
      papers(
        ['Juergen Schmidhuber'],
        ['J. Schmidhuber', 'Sepp Hochreiter'],
        ['Jurgen Schmidhuber'],
      ),
      file,
    );
    const j = identity.authors.find((a) => a.name === 'Jürgen Schmidhuber');
    expect(j).toMatchObject({
      papers: [0, 1, 2],
      orcid: '0000-0002-1825-0097',
      homepage: 'https://people.idsia.ch/~juergen/',
      curated: true,
    });
    expect(identity.authors).toHaveLength(2);
  });

  test('a split part naming a paper the name is not on fails with its line', () => {
    const file = parseAuthorsFile(
      'authors:\n  - name: Wei Wang\n    split:\n      - name: Wei Wang (A)\n        papers:\n          - 2401.00001\n',
      'authors.yaml',
    );
    expect(() => resolveAuthors(papers(['Wei Wang'], ['Someone Else']), file)).toThrow(
      'authors.yaml:6: author "Wei Wang (A)": paper "2401.00001" is not a paper of "Wei Wang"',
    );
  });
});

describe('resolveAuthors: an author with 300 papers', () => {
  const others = ['Yang Li', 'Yang Zhang', 'Yang Chen', 'Hao Liu', 'Jie Liu', 'Wei Liu'];
  test('one person: 300 papers connected through co-authors, not flagged', () => {
    const lists = Array.from({ length: 300 }, (_, i) => [
      'Guangtao Zhai',
      `Student ${i % 40}`,
      `Student ${(i + 1) % 40}`,
    ]);
    const identity = resolveAuthors(papers(...lists, ...others.map((o) => [o])));
    const a = identity.authors.find((x) => x.name === 'Guangtao Zhai');
    expect(a?.papers).toHaveLength(300);
    expect(a?.several).toBe(false);
  });

  test('a common name over unconnected groups: may be several people', () => {
    const lists = Array.from({ length: 300 }, (_, i) => ['Yang Liu', `Coauthor ${i}`]);
    const identity = resolveAuthors(papers(...lists, ...others.map((o) => [o])));
    const a = identity.authors.find((x) => x.name === 'Yang Liu');
    expect(a?.papers).toHaveLength(300);
    expect(a?.several).toBe(true);
  });

  test('a rare name over unconnected groups is not flagged', () => {
    const lists = Array.from({ length: 300 }, (_, i) => ['Graham Neubig', `Coauthor ${i}`]);
    const identity = resolveAuthors(papers(...lists, ...others.map((o) => [o])));
    expect(identity.authors.find((x) => x.name === 'Graham Neubig')?.several).toBe(false);
  });
});
