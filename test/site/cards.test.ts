import fc from 'fast-check';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, test } from 'vitest';
import {
  bylineHtml,
  codeLinkHtml,
  paperCardHtml,
  paperRowHtml,
  topicChipsHtml,
  type PaperTopic,
} from '../../src/lib/render/cards.ts';
import { attr, escapeText } from '../../src/lib/render/html.ts';

const paper = {
  slug: 'pdf-wukong',
  titleHtml: 'PDF-WuKong: Long <em>PDF</em> Reading',
  plainAbstract: 'We read long PDFs.',
  authors: ['Xudong Xie', 'Hao Yan', 'Jing Li', 'Wei Chen'],
  date: '2024-10-08',
  arxiv: '2410.05970',
  upvotes: 12,
  links: [
    {
      url: 'https://github.com/yh-hust/PDF-Wukong',
      kind: 'code' as const,
      label: 'yh-hust/PDF-Wukong',
    },
  ],
};
const bare = {
  ...paper,
  authors: [],
  date: undefined,
  arxiv: undefined,
  upvotes: undefined,
  links: [],
};

const topics: PaperTopic[] = [
  {
    topic: { slug: 'documents', name: 'Documents' },
    assignment: { reason: 'title mentions “pdf”', curated: false },
  },
  {
    topic: { slug: 'multimodal', name: 'Multimodal' },
    assignment: { reason: 'listed by hand', curated: true },
  },
];

const fragment = (html: string): Root => fromHtml(html, { fragment: true });

function elements(node: Root | RootContent): Element[] {
  const own = node.type === 'element' ? [node] : [];
  const children = 'children' in node ? node.children.flatMap(elements) : [];
  return [...own, ...children];
}

function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

const find = (html: string, tag: string) =>
  elements(fragment(html)).filter((e) => e.tagName === tag);

describe('bylineHtml', () => {
  test('on a card: the first three authors, the date, the arXiv id and upvotes, all names in the tooltip', () => {
    const html = bylineHtml(paper, false);
    expect(textOf(fragment(html))).toBe(
      'Xudong Xie, Hao Yan, Jing Li et al. · 8 October 2024 · arXiv:2410.05970 · 12 upvotes',
    );
    expect(find(html, 'span')[0]?.properties['title']).toBe(
      'Xudong Xie, Hao Yan, Jing Li, Wei Chen',
    );
    expect(find(html, 'time')[0]?.properties['dateTime']).toBe('2024-10-08');
  });

  test('on the paper page: every author, no arXiv id (the page lists it), no tooltip', () => {
    const html = bylineHtml({ ...paper, upvotes: 1 }, true);
    expect(textOf(fragment(html))).toBe(
      'Xudong Xie, Hao Yan, Jing Li, Wei Chen · 8 October 2024 · 1 upvote',
    );
    expect(find(html, 'span')[0]?.properties['title']).toBeUndefined();
  });

  test('is left out when the list gives none of it', () => {
    expect(bylineHtml(bare, false)).toBe('');
    expect(bylineHtml(bare, true)).toBe('');
  });
});

describe('topicChipsHtml', () => {
  test('links each topic, says why the paper is there, and leaves out the page’s own topic', () => {
    const links = find(topicChipsHtml(topics, 'multimodal'), 'a');
    expect(links.map((a) => [a.properties['href'], a.properties['title'], textOf(a)])).toEqual([
      ['/topics/documents/', 'title mentions “pdf”', 'Documents'],
    ]);
    expect(topicChipsHtml(topics, 'documents')).not.toContain('Documents');
    expect(topicChipsHtml([])).toBe('');
  });
});

describe('paperCardHtml', () => {
  test('shows the title as rendered, links the paper and its code, and cuts the excerpt at 400 characters', () => {
    const long = { ...paper, plainAbstract: 'x'.repeat(450) };
    const html = paperCardHtml(long, topics, { level: 3 });
    const [heading] = find(html, 'h3');
    expect(heading && find(html, 'em').length).toBe(1);
    const hrefs = find(html, 'a').map((a) => a.properties['href']);
    expect(hrefs).toEqual([
      '/papers/pdf-wukong/',
      'https://github.com/yh-hust/PDF-Wukong',
      '/topics/documents/',
      '/topics/multimodal/',
    ]);
    expect(textOf(fragment(html))).toContain(`${'x'.repeat(400)}…`);
    expect(textOf(fragment(html))).not.toContain('x'.repeat(401));
  });

  test('on a topic page, says why the paper is there unless it was listed by hand', () => {
    expect(paperCardHtml(paper, topics, { topic: 'documents' })).toContain(
      'data-reason>Why here: title mentions “pdf”</p>',
    );
    expect(paperCardHtml(paper, topics, { topic: 'multimodal' })).not.toContain('data-reason');
    expect(paperCardHtml(paper, topics)).not.toContain('data-reason');
  });

  test('keeps hostile text as text: no element, attribute or entity gets through', () => {
    const text = fc.string({
      unit: fc.constantFrom('<', '>', '&', '"', "'", 'a', ' ', 'é', '/', '=', ';'),
    });
    fc.assert(
      fc.property(text, text, text, text, (author, label, reason, name) => {
        const hostile = {
          ...paper,
          authors: [author || 'a'],
          plainAbstract: author,
          links: [{ url: `https://x.org/?q=${label}`, kind: 'code' as const, label }],
        };
        const chips: PaperTopic[] = [
          { topic: { slug: 't', name }, assignment: { reason, curated: false } },
        ];
        const tree = fragment(paperCardHtml(hostile, chips, { topic: 'u' }));
        const tags = elements(tree).map((e) => e.tagName);
        expect(
          tags.filter(
            (t) =>
              ![
                'article',
                'h2',
                'a',
                'em',
                'p',
                'span',
                'time',
                'div',
                'svg',
                'path',
                'ul',
                'li',
              ].includes(t),
          ),
        ).toEqual([]);
        const [codeLink] = elements(tree).filter(
          (e) => e.properties['href'] === `https://x.org/?q=${label}`,
        );
        expect(codeLink && textOf(codeLink)).toBe(`Code: ${label}`);
        const chip = elements(tree).find((e) => e.properties['dataTopic'] === 't');
        expect(chip && [chip.properties['title'], textOf(chip)]).toEqual([
          reason === '' ? '' : reason,
          name,
        ]);
        expect(find(paperCardHtml(hostile, chips), 'span')[0]?.properties['title']).toBe(
          author || 'a',
        );
      }),
    );
  });
});

describe('escaping', () => {
  test('escapes text and attributes as Astro does', () => {
    expect(escapeText(`<b a='1'>&"`)).toBe('&lt;b a=&#39;1&#39;&gt;&amp;&quot;');
    expect(attr('title', `a "b" & <c>`)).toBe(' title="a &quot;b&quot; &amp; <c>"');
    expect(attr('title', '')).toBe(' title');
    expect(attr('title', undefined)).toBe('');
  });

  test('codeLinkHtml names the repository for screen readers too', () => {
    expect(textOf(fragment(codeLinkHtml({ url: 'https://github.com/a/b', label: 'a/b' })))).toBe(
      'Code: a/b',
    );
  });
});

describe('paperRowHtml', () => {
  const links = paper.authors.map((_, i) => `/authors/a${i}/`);
  test('an author page row: the title, eight authors linked but the page’s own, the date', () => {
    const html = paperRowHtml(paper, links, '/authors/a1/');
    expect(textOf(fragment(html))).toBe(
      'PDF-WuKong: Long PDF Reading' + 'Xudong Xie, Hao Yan, Jing Li, Wei Chen · 8 October 2024',
    );
    expect(find(html, 'strong').map(textOf)).toEqual(['Hao Yan']);
    expect(find(html, 'a').map((a) => a.properties['href'])).toEqual([
      '/papers/pdf-wukong/',
      '/authors/a0/',
      '/authors/a2/',
      '/authors/a3/',
    ]);
  });

  test('their own name far down a long list still shows', () => {
    const many = { ...paper, authors: Array.from({ length: 20 }, (_, i) => `Name ${i}`) };
    const manyLinks = many.authors.map((_, i) => `/authors/n${i}/`);
    const text = textOf(fragment(paperRowHtml(many, manyLinks, '/authors/n15/')));
    expect(text).toContain('Name 6, …, Name 15 et al.');
    expect(text).not.toContain('Name 7');
  });
});
