/**
 * Renders cleaned titles and abstracts to HTML with unified: we build the
 * mdast tree ourselves (text, math, http(s) links) instead of parsing the text
 * as Markdown, so untrusted text can never become markup, then remark-rehype,
 * rehype-katex (math at build time, no client JavaScript) and rehype-stringify.
 */
import type { Element } from 'hast';
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { parseSegments, type Segment } from '../ingest/latex.ts';
import { findUrls } from '../ingest/links.ts';

const processor = unified()
  .use(remarkRehype)
  .use(rehypeKatex, { strict: 'ignore', trust: false, maxExpand: 500, maxSize: 20 })
  .use(rehypeStringify);

/** A math node in the shape remark-math produces, which rehype-katex renders. */
function mathNode(value: string, display: boolean): PhrasingContent {
  const className = ['language-math', display ? 'math-display' : 'math-inline'];
  return {
    type: 'inlineCode',
    value,
    data: { hName: 'code', hProperties: { className } },
  } as PhrasingContent;
}

function textNodes(value: string, links: boolean): PhrasingContent[] {
  if (!links) return [{ type: 'text', value }];
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const m of findUrls(value)) {
    if (m.start > at) out.push({ type: 'text', value: value.slice(at, m.start) });
    out.push({
      type: 'link',
      url: m.url,
      children: [{ type: 'text', value: value.slice(m.start, m.end) }],
      data: { hProperties: { rel: ['noopener', 'noreferrer'] } },
    });
    at = m.end;
  }
  if (at < value.length) out.push({ type: 'text', value: value.slice(at) });
  return out;
}

function phrasing(segments: Segment[], links: boolean): PhrasingContent[] {
  return segments.flatMap((s) =>
    s.type === 'math' ? [mathNode(s.value, s.display)] : textNodes(s.value, links),
  );
}

function toHtml(tree: Root): string {
  return processor.stringify(processor.runSync(tree) as Root & { children: Element[] } as never);
}

/** A title (or any one-line text) as inline HTML: text escaped, math typeset, no links. */
export function renderInline(clean: string): string {
  const paragraph: Paragraph = {
    type: 'paragraph',
    children: phrasing(parseSegments(clean), false),
  };
  return toHtml({ type: 'root', children: [paragraph] }).replace(/^<p>|<\/p>$/g, '');
}

/** An abstract as paragraphs, with math typeset and http(s) URLs as links. */
export function renderAbstract(clean: string): string {
  const paragraphs: Paragraph[] = clean
    .split(/\n\n+/)
    .filter((p) => p.trim() !== '')
    .map((p) => ({ type: 'paragraph', children: phrasing(parseSegments(p), true) }));
  return toHtml({ type: 'root', children: paragraphs });
}

/** Whether rendered HTML contains typeset math (pages load KaTeX's CSS only then). */
export function hasMath(clean: string): boolean {
  return parseSegments(clean).some((s) => s.type === 'math');
}
