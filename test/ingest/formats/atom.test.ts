import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseAtom } from '../../../src/lib/ingest/formats/atom.ts';
import { readPapers } from '../../../src/lib/ingest/index.ts';
import { errorOf, FIXTURES } from './helpers.ts';

const file = `${FIXTURES}/arxiv-query.atom.xml`;

const feed = (entries: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n${entries}\n</feed>\n`;

describe('an arXiv API feed (real records)', () => {
  test('reads every entry with the line of its <entry> tag', () => {
    const raws = parseAtom(readFileSync(file, 'utf8'), file);
    expect(raws).toHaveLength(10);
    expect(raws[0]?.source).toEqual({ file, line: 10 });
    expect(raws[0]).toMatchObject({
      arxiv: 'http://arxiv.org/abs/2503.11731v1',
      date: '2025-03-18T17:59:58Z',
      url: 'http://arxiv.org/abs/2503.11731v1',
      categories: ['cs.CV', 'cs.RO'],
    });
    expect(raws[0]?.authors?.[0]).toBe('Xianming Zeng');
  });

  test('ids, versions, dates and wrapped titles are normalised', async () => {
    const { papers } = await readPapers(file);
    const tri = papers.find((p) => p.arxiv === '2503.13961');
    expect(tri?.arxivVersion).toBe('v2');
    expect(tri?.date).toBe('2025-03-19');
    expect(tri?.title).toBe(
      'BG-Triangle: Bézier Gaussian Triangle for 3D Vectorization and Rendering',
    );
    const sensor = papers[0];
    expect(sensor?.rawTitle).toContain('\n  ');
    expect(sensor?.title).toBe(
      'Industrial-Grade Sensor Simulation via Gaussian Splatting: A Modular Framework for Scalable Editing and Full-Stack Validation',
    );
    // The code repository named in <arxiv:comment>.
    expect(tri?.code).toBe('https://github.com/example-lab/bg-triangle');
    const safe = papers.find((p) => p.arxiv === '2503.11742');
    expect(safe?.doi).toBe('10.1109/TVCG.2025.1234567');
    expect(papers.every((p) => !p.abstract.includes('\n') && !p.title.includes('\n'))).toBe(true);
  });

  test('a feed with a single entry', () => {
    const one = `${FIXTURES}/arxiv-one-entry.atom.xml`;
    const raws = parseAtom(readFileSync(one, 'utf8'), one);
    expect(raws).toHaveLength(1);
    expect(raws[0]?.authors).toEqual(['Suhyeon Lee', 'Kwanyoung Kim', 'Jong Chul Ye']);
  });
});

describe('Atom edge cases', () => {
  test('entities, CDATA, a title with attributes and a generic (non-arXiv) feed', () => {
    const raws = parseAtom(
      feed(`<entry>
  <id>urn:uuid:1</id>
  <title type="html">Fish &amp; Chips &#233;</title>
  <summary><![CDATA[An <abstract> & more.]]></summary>
  <link href="https://example.org/p/1"/>
  <updated>2024-05-27T10:00:00Z</updated>
</entry>`),
      'g.xml',
    );
    expect(raws[0]).toEqual({
      title: 'Fish & Chips &#233;',
      abstract: 'An <abstract> & more.',
      date: '2024-05-27T10:00:00Z',
      url: 'https://example.org/p/1',
      source: { file: 'g.xml', line: 3 },
    });
  });
});

describe('Atom faults name the file and line', () => {
  test('malformed XML', () => {
    const e = errorOf(() =>
      parseAtom(feed('<entry>\n<title>T</title>\n<summary>S\n</entry>'), 'bad.xml'),
    );
    expect(e.line).toBe(6);
    expect(e.message).toMatch(
      /^bad\.xml:6: malformed XML at column \d+: Expected closing tag 'summary'/,
    );
  });

  test('a bare ampersand', () => {
    const e = errorOf(() => parseAtom(feed('<entry><title>A & B</title></entry>'), 'bad.xml'));
    expect(e.line).toBe(3);
  });

  test('an entry without a summary', () => {
    const e = errorOf(() =>
      parseAtom(
        feed('<entry>\n<title>T</title>\n</entry>\n<entry>\n<title>U</title>\n</entry>'),
        'f.xml',
      ),
    );
    expect(e.message).toMatch(/^f\.xml:3: the entry "T" has no <summary>/);
  });

  test('the error entry arXiv returns for a bad query', () => {
    const e = errorOf(() =>
      parseAtom(
        feed(`<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>
<title>Error</title><summary>incorrect id format for 1234</summary></entry>`),
        'q.xml',
      ),
    );
    expect(e.message).toContain(
      'arXiv API error, not a list of papers: incorrect id format for 1234',
    );
  });

  test('an empty feed, and XML that is not a feed', () => {
    expect(errorOf(() => parseAtom(feed(''), 'f.xml')).message).toContain(
      'the feed has no entries',
    );
    expect(errorOf(() => parseAtom('<rss><channel/></rss>', 'f.xml')).message).toContain(
      "the document's root element is <rss>",
    );
  });
});
