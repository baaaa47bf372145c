/**
 * Property-based tests: arbitrary text never crashes the parser, the LaTeX
 * cleaner, the renderer or the slugger with anything but the documented error
 * type, and slugs stay unique, stable and URL-safe.
 */
import fc from 'fast-check';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { decodeText } from '../../src/lib/ingest/decode.ts';
import { PaperListError } from '../../src/lib/ingest/errors.ts';
import { parseTextPage } from '../../src/lib/ingest/formats/text-page.ts';
import { katexAccepts } from '../../src/lib/ingest/index.ts';
import { cleanLatex, parseSegments, toPlainText } from '../../src/lib/ingest/latex.ts';
import { normalise } from '../../src/lib/ingest/normalise.ts';
import { assignSlugs, baseSlug, MAX_SLUG_LENGTH } from '../../src/lib/ingest/slug.ts';
import { makePaper } from '../helpers/paper.ts';
import { renderAbstract, renderInline } from '../../src/lib/render/text.ts';

// Text that looks like what lists hold: any Unicode, plus LaTeX, HTML and URL fragments.
const fragment = fc.constantFrom(
  '$',
  '$$',
  '\\(',
  '\\)',
  '\\',
  '{',
  '}',
  '^',
  '_',
  '%',
  '&',
  '\\"a',
  '\\textpm',
  'mathfrak S^{2/p}',
  'ell_p',
  '1leq p<2',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'https://github.com/a/b).',
  '[x](javascript:y)',
  '\u202e',
  '\u200b',
  '\n',
  '\r\n',
  'Subscribe',
  '• 3 authors',
);
const messy = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fragment), { maxLength: 40 })
  .map((parts) => parts.join(''));

const expectOnlyListErrors = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PaperListError);
  }
};

describe('properties of the parser', () => {
  test('any text parses or fails with a PaperListError naming the file', () => {
    fc.assert(
      fc.property(messy, (text) => {
        try {
          const papers = parseTextPage(text, 'prop.txt');
          for (const p of papers) {
            expect(p.title.trim()).not.toBe('');
            expect(p.abstract.trim()).not.toBe('');
          }
        } catch (error) {
          expect(error).toBeInstanceOf(PaperListError);
          expect((error as Error).message.startsWith('prop.txt')).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('any bytes decode or fail with a PaperListError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) =>
        expectOnlyListErrors(() => decodeText(bytes, 'b.txt')),
      ),
      { numRuns: 400 },
    );
  });
});

describe('properties of the LaTeX cleaner and the renderer', () => {
  test('any text cleans without throwing, and its segments and plain text follow', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const clean = cleanLatex(text, { validMath: katexAccepts });
        expect(typeof toPlainText(clean)).toBe('string');
        for (const s of parseSegments(clean)) expect(['text', 'math']).toContain(s.type);
      }),
      { numRuns: 300 },
    );
  });

  test('rendered text never carries script, event handlers or non-http links', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const paper = normalise(
          { title: text || 'x', abstract: text || 'x', source: { file: 'p.txt' } },
          { validMath: katexAccepts },
        );
        for (const html of [renderInline(paper.title), renderAbstract(paper.abstract)]) {
          visit(fromHtml(html, { fragment: true }), 'element', (el: Element) => {
            expect([
              'script',
              'img',
              'iframe',
              'svg',
              'style',
              'object',
              'embed',
              'form',
            ]).not.toContain(el.tagName);
            for (const name of Object.keys(el.properties)) expect(name).not.toMatch(/^on/i);
            if (el.tagName === 'a') expect(String(el.properties.href)).toMatch(/^https?:\/\//);
          });
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('properties of slugs', () => {
  const slugShape = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  test('any title gives a URL-safe, capped, stable slug', () => {
    fc.assert(
      fc.property(messy, (title) => {
        const slug = baseSlug(title);
        expect(slug).toMatch(slugShape);
        expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
        expect(baseSlug(title)).toBe(slug);
      }),
      { numRuns: 300 },
    );
  });

  test('slugs are unique in any list and do not depend on its order', () => {
    const titles = fc.constantFrom(
      'Sparse',
      'sparse!',
      'Sparse Models',
      'SPARSE',
      '稀疏',
      '',
      'Über',
      'uber',
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(titles, fc.string({ maxLength: 8 })), {
          maxLength: 12,
          selector: ([t, a]) => `${t}\n${a}`,
        }),
        fc.infiniteStream(fc.nat()),
        (pairs, _) => {
          const papers = pairs.map(([t, a]) => makePaper(t, a));
          const forward = assignSlugs(papers);
          const reversed = assignSlugs([...papers].reverse()).reverse();
          expect(new Set(forward.map((p) => p.slug)).size).toBe(papers.length);
          expect(reversed.map((p) => p.slug)).toEqual(forward.map((p) => p.slug));
          for (const p of forward) expect(p.slug).toMatch(slugShape);
        },
      ),
      { numRuns: 200 },
    );
  });
});
