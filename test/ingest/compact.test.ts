import { decodeHTML } from 'entities';
import { describe, expect, test } from 'vitest';
import { compactRecord, expandRecord } from '../../src/lib/content/compact.ts';
import type { StoredPaper } from '../../src/lib/content/schema.ts';
import { normalise } from '../../src/lib/ingest/normalise.ts';
import { katexAccepts } from '../../src/lib/ingest/index.ts';
import { toPlainText } from '../../src/lib/ingest/latex.ts';
import { renderAbstract, renderInline } from '../../src/lib/render/text.ts';

function record(title: string, abstract: string): StoredPaper {
  const p = normalise({ title, abstract, source: { file: 'f.txt' } }, { validMath: katexAccepts });
  return {
    ...p,
    slug: 's',
    index: 0,
    plainTitle: toPlainText(p.title),
    plainAbstract: toPlainText(p.abstract),
    titleHtml: renderInline(p.title),
    abstractHtml: renderAbstract(p.abstract),
    hasMath: false,
    contentDigest: 'd',
    inputDigest: 'i',
    fingerprint: 'f',
  } as StoredPaper;
}

const text = (html: string) => decodeHTML(html.replace(/<[^>]+>/g, ''));

describe('compact records', () => {
  test.each([
    ['Plain Title', 'Plain abstract.\nWrapped line, R&D <b>tags</b> and \\$5.'],
    ['Title with $x^2$', 'Abstract with $\\alpha$ math.'],
    ['Title', 'Abstract with a link https://github.com/a/b in it.'],
    ['Hyv\\"arinen', 'Escapes 98\\% and {\\Lambda}.'],
  ])('%s: derived fields read the same as stored ones', (title, abstract) => {
    const full = record(title, abstract);
    const back = expandRecord(compactRecord(full));
    expect(back.plainTitle).toBe(full.plainTitle);
    expect(back.plainAbstract).toBe(full.plainAbstract);
    expect(text(back.titleHtml)).toBe(text(full.titleHtml));
    expect(text(back.abstractHtml)).toBe(text(full.abstractHtml));
    expect(back.rawTitle.replace(/\s+/g, ' ')).toBe(full.rawTitle.replace(/\s+/g, ' '));
    expect(back.rawAbstract.replace(/\s+/g, ' ').trim()).toBe(
      full.rawAbstract.replace(/\s+/g, ' ').trim(),
    );
    expect({ ...back }.slug).toBe('s');
  });

  test('a plain paper stores none of its derivable fields', () => {
    const c = compactRecord(record('Plain Title', 'Plain abstract, no math.'));
    expect([
      c.plainTitle,
      c.plainAbstract,
      c.titleHtml,
      c.abstractHtml,
      c.rawTitle,
      c.rawAbstract,
    ]).toEqual(['', '', '', '', '', '']);
  });
});
