import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseBibtex, stripBibtexMarkup } from '../../../src/lib/ingest/formats/bibtex.ts';
import { readPapers } from '../../../src/lib/ingest/index.ts';
import { errorOf, FIXTURES } from './helpers.ts';

const file = `${FIXTURES}/zotero.bib`;

describe('BibTeX from Zotero and arXiv (real records)', () => {
  test('reads every entry, keyed by its citation key', () => {
    const raws = parseBibtex(readFileSync(file, 'utf8'), file);
    expect(raws).toHaveLength(10);
    expect(raws.map((r) => r.source.key).slice(0, 2)).toEqual([
      'dinc_safe_2025',
      'lu_trackingworld_2025',
    ]);
  });

  test('a Zotero entry: inverted names, month and year, arXiv id from the note, keywords as topics', async () => {
    const { papers } = await readPapers(file);
    const safe = papers[0];
    expect(safe?.title).toBe('Safe Vision-Language Models via Unsafe Weights Manipulation');
    expect(safe?.authors.slice(0, 2)).toEqual(["Moreno D'Incà", 'Elia Peruzzo']);
    expect(safe?.date).toBe('2025-03');
    expect(safe?.arxiv).toBe('2503.11742');
    expect(safe?.doi).toBe('10.48550/arXiv.2503.11742');
    expect(safe?.topics).toContain('Computer Science - Computer Vision and Pattern Recognition');
  });

  test('an arXiv export: eprint with archivePrefix, primaryClass, LaTeX cleaned as in other formats', async () => {
    const { papers } = await readPapers(file);
    const yaw = papers.find((p) => p.arxiv === '2606.22094');
    expect(yaw?.categories).toEqual(['cs.CV']);
    expect(yaw?.date).toBe('2026');
    // The same paper read from the arXiv API feed gets the same cleaned abstract.
    const atom = await readPapers(`${FIXTURES}/arxiv-query.atom.xml`);
    expect(yaw?.abstract).toBe(atom.papers.find((p) => p.arxiv === '2606.22094')?.abstract);
    expect(yaw?.abstract).toContain('45%p');
  });

  test('TeX accents and braces in names and titles are decoded', async () => {
    const { papers } = await readPapers(file);
    const accents = papers.at(-1);
    expect(accents?.title).toBe('Über Balázs: Naïve $\\alpha$-Divergences for GAN Training');
    expect(accents?.authors).toEqual([
      'Balázs Kégl',
      'Jörg Müller',
      'Jan van der Berg',
      'John Smith Jr.',
      'Google Research',
    ]);
    expect(accents?.abstract).toBe(
      'We revisit naïve estimators of $\\alpha$-divergences and show that a 50% smaller critic suffices; see Straße et al. for the discrete case & code at https://github.com/example/uber.',
    );
    expect(accents?.code).toBe('https://github.com/example/uber');
    expect(accents?.date).toBe('2024-07');
    expect(accents?.doi).toBe('10.5555/3692070.3692071');
  });
});

describe('BibTeX edge cases', () => {
  test('@string macros, concatenation, quoted values and biblatex dates', () => {
    const [raw] = parseBibtex(
      `@string{icml = "International Conference on Machine Learning"}
       @article{k, title = "A " # "Title", abstract = {An {abstract}.}, date = {2024-05-27},
         journal = icml, author = "Lovelace, Ada and Hopper, Grace", eprinttype = {arxiv}, eprint = {2405.15738v3}}`,
      'f.bib',
    );
    expect(raw).toMatchObject({
      title: 'A Title',
      date: '2024-05-27',
      arxiv: '2405.15738v3',
      authors: ['Ada Lovelace', 'Grace Hopper'],
    });
  });

  test('a Google Scholar-style arXiv reference in the journal field', () => {
    const [raw] = parseBibtex(
      `@article{k, title={T}, abstract={A.}, journal={arXiv preprint arXiv:2405.15738}, year={2024}}`,
      'f.bib',
    );
    expect(raw?.arxiv).toBe('2405.15738');
  });

  test('stripBibtexMarkup removes case protection around math and old font switches', () => {
    expect(stripBibtexMarkup('{$\\alpha$}-nets and {\\em really} {\\bf bold} text\\\\ here')).toBe(
      '$\\alpha$-nets and really bold text  here',
    );
  });
});

describe('BibTeX faults name the entry key or line', () => {
  test('an entry without an abstract (as Google Scholar exports them)', () => {
    const e = errorOf(() =>
      parseBibtex(
        '@article{ok, title={A}, abstract={B.}}\n@article{scholar2024, title={T}, year={2024}}',
        'f.bib',
      ),
    );
    expect(e.key).toBe('scholar2024');
    expect(e.message).toMatch(/^f\.bib \(scholar2024\): the @article entry "T" has no abstract/);
  });

  test('an entry without a title', () => {
    expect(errorOf(() => parseBibtex('@misc{k1, abstract={B.}}', 'f.bib')).message).toMatch(
      /^f\.bib \(k1\): the @misc entry has no title/,
    );
  });

  test('unbalanced braces give the line of the broken entry', () => {
    const text =
      '@misc{a, title={A}, abstract={B.}}\n\n@misc{broken,\n  title = {No end\n}\n@misc{c, title={C}, abstract={D.}}\n';
    const e = errorOf(() => parseBibtex(text, 'f.bib'));
    expect(e.line).toBe(3);
    expect(e.message).toContain('BibTeX syntax error in entry "broken"');
  });

  test('a file without entries', () => {
    expect(errorOf(() => parseBibtex('% only a comment\n', 'f.bib')).message).toContain(
      'no BibTeX entries',
    );
  });
});
