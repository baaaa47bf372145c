import { decodeHTML } from 'entities';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  expandRecord,
  sameUpToSpace,
  storedTexts,
  type TextRenderer,
} from '../../src/lib/content/compact.ts';
import type { StoredPaper } from '../../src/lib/content/schema.ts';
import { normalise } from '../../src/lib/ingest/normalise.ts';
import { katexAccepts } from '../../src/lib/ingest/index.ts';
import { findUrls } from '../../src/lib/ingest/links.ts';
import { toPlainText } from '../../src/lib/ingest/latex.ts';
import { hasMath, renderAbstract, renderInline } from '../../src/lib/render/text.ts';

const render: TextRenderer = {
  plain: toPlainText,
  inline: renderInline,
  paragraphs: renderAbstract,
  hasMath,
};

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
  } as StoredPaper;
}

const text = (html: string) => decodeHTML(html.replace(/<[^>]+>/g, ''));
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The rule `storedTexts` implements without computing what it leaves out: derive every field, then empty the derivable ones. */
function emptied(full: StoredPaper) {
  const dollar = (s: string) => /(?<!\\)\$/.test(s);
  return {
    plainTitle: dollar(full.title) ? full.plainTitle : '',
    plainAbstract: dollar(full.abstract) ? full.plainAbstract : '',
    titleHtml: dollar(full.title) ? full.titleHtml : '',
    abstractHtml:
      dollar(full.abstract) || findUrls(full.abstract).length > 0 ? full.abstractHtml : '',
    rawTitle: collapse(full.rawTitle) === collapse(full.plainTitle) ? '' : full.rawTitle,
    rawAbstract:
      collapse(full.rawAbstract) === collapse(full.plainAbstract) ? '' : full.rawAbstract,
    hasMath: hasMath(full.title) || hasMath(full.abstract),
  };
}

const compact = (full: StoredPaper): StoredPaper => ({ ...full, ...storedTexts(full, render) });

describe('compact records', () => {
  test.each([
    ['Plain Title', 'Plain abstract.\nWrapped line, R&D <b>tags</b> and \\$5.'],
    ['Title with $x^2$', 'Abstract with $\\alpha$ math.'],
    ['Title', 'Abstract with a link https://github.com/a/b in it.'],
    ['Hyv\\"arinen', 'Escapes 98\\% and {\\Lambda}.'],
  ])('%s: derived fields read the same as stored ones', (title, abstract) => {
    const full = record(title, abstract);
    expect(storedTexts(full, render)).toEqual(emptied(full));
    const back = expandRecord(compact(full));
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
    const c = compact(record('Plain Title', 'Plain abstract, no math.'));
    expect([
      c.plainTitle,
      c.plainAbstract,
      c.titleHtml,
      c.abstractHtml,
      c.rawTitle,
      c.rawAbstract,
    ]).toEqual(['', '', '', '', '', '']);
  });

  test('render only math and links', () => {
    const calls: string[] = [];
    const counting: TextRenderer = {
      plain: (c) => (calls.push(`plain ${c}`), toPlainText(c)),
      inline: (c) => (calls.push(`inline ${c}`), renderInline(c)),
      paragraphs: (c) => (calls.push(`paragraphs ${c}`), renderAbstract(c)),
      hasMath: (c) => (calls.push(`hasMath ${c}`), hasMath(c)),
    };
    storedTexts(record('Plain', 'Plain abstract.'), counting);
    expect(calls).toEqual([]);
    storedTexts(record('Plain', 'See https://github.com/a/b.'), counting);
    expect(calls).toEqual(['paragraphs See https://github.com/a/b.']);
  });
});

// Text with math, links, escapes and odd white space, as cleaned lists hold it.
const piece = fc.constantFrom(
  '$x^2$',
  '$$\\sum_i a_i$$',
  '\\$5',
  '$',
  ' ',
  '\n',
  '\n\n',
  '\t',
  '\u00a0',
  '\u2009',
  '\u3000',
  'https://github.com/a/b',
  '<b>&amp;</b>',
  'word',
  'Hyv\\"arinen',
);
const messy = fc
  .array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 24 })
  .map((parts) => parts.join(''));

describe('stored texts, for any text', () => {
  test('are what deriving every field and emptying the derivable ones gives', () => {
    fc.assert(
      fc.property(messy, messy, (title, abstract) => {
        fc.pre(title.trim() !== '' && abstract.trim() !== '');
        let full: StoredPaper;
        try {
          full = record(title, abstract);
        } catch {
          return; // Not a paper normalise accepts.
        }
        expect(storedTexts(full, render)).toEqual(emptied(full));
      }),
      { numRuns: 300 },
    );
  });

  test('compare white space as collapsing and trimming it does', () => {
    const spaced = fc
      .array(fc.constantFrom(' ', '\n', '\t', '\u00a0', '\u2028', '\ufeff', 'a', 'b', 'ab'), {
        maxLength: 12,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(spaced, spaced, (a, b) => {
        expect(sameUpToSpace(a, b)).toBe(collapse(a) === collapse(b));
      }),
      { numRuns: 2000 },
    );
  });
});
