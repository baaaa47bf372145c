/**
 * Search results as DOM nodes. Titles, authors and abstracts are untrusted:
 * they only ever become text nodes, and highlights are <mark> elements built
 * from match offsets, never HTML strings.
 */
import type { AuthorSuggestion } from '../../lib/search/format.ts';
import type { Hit, Range } from '../../lib/search/types.ts';
import { base } from './base.ts';
import type { Facets } from './engine.ts';

// The count line, loaded with the renderer: the header box needs it only once someone types.
export { summaryLine } from '../../lib/search-summary.ts';

/** `text` with the given ranges wrapped in <mark>. */
export function highlighted(text: string, ranges: readonly Range[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end <= start) continue;
    if (start > at) fragment.append(text.slice(at, start));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, end);
    fragment.append(mark);
    at = end;
  }
  if (at < text.length) fragment.append(text.slice(at));
  return fragment;
}

/**
 * The paper page of a hit, asking it to highlight the words and phrases the
 * hit matched (`?hl=tickets&hl=lottery`, each as written in the paper) and
 * scroll to the first in the abstract.
 */
export function hitHref(hit: Hit): string {
  const params = new URLSearchParams();
  for (const form of hit.marks) params.append('hl', form);
  const query = params.size ? `?${params.toString()}` : '';
  return `${base}papers/${encodeURIComponent(hit.slug)}/${query}`;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
) {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}

function byline(hit: Hit): string {
  const authors = hit.authors.slice(0, 3).join(', ') + (hit.authorCount > 3 ? ' et al.' : '');
  return [authors, hit.date ?? ''].filter(Boolean).join(' · ');
}

/** The first authors, each linked to their page when they have one, then the date. */
function linkedByline(hit: Hit): HTMLElement | undefined {
  const shown = hit.authors.slice(0, 3);
  if (shown.length === 0 && !hit.date) return undefined;
  const line = el('p', 'px-3 text-xs text-muted');
  line.dataset.hitAuthors = '';
  shown.forEach((name, i) => {
    if (i > 0) line.append(', ');
    const slug = hit.authorSlugs[i];
    if (slug) {
      const a = el('a', 'author-link', name);
      a.href = `${base}authors/${encodeURIComponent(slug)}/`;
      a.dataset.author = slug;
      line.append(a);
    } else line.append(name);
  });
  if (hit.authorCount > shown.length) line.append(' et al.');
  if (hit.date) line.append(`${shown.length > 0 ? ' · ' : ''}${hit.date}`);
  return line;
}

/**
 * One result: a link (title with highlights, byline, snippet), then its topics.
 * `compact` is the header's drop-down; the search page shows its byline
 * after the link, the authors linked to their pages, and topic links.
 */
export function hitNode(hit: Hit, facets: Facets | undefined, compact: boolean): HTMLLIElement {
  const link = el(
    'a',
    'block rounded-md px-3 py-2 no-underline hover:bg-accent-soft focus-visible:bg-accent-soft',
    el('span', 'block font-serif font-semibold text-fg', highlighted(hit.title, hit.titleMatches)),
  );
  link.href = hitHref(hit);
  link.dataset.searchHit = hit.slug;
  const meta = byline(hit);
  if (meta && compact) link.append(el('span', 'mt-0.5 block text-xs text-muted', meta));
  if (hit.snippet.text) {
    link.append(
      el(
        'span',
        `mt-1 block text-sm leading-relaxed text-muted ${compact ? 'line-clamp-2' : ''}`,
        highlighted(hit.snippet.text, hit.snippet.matches),
      ),
    );
  }
  if (hit.missing.length) {
    // As search engines say it: the query words this paper lacks, struck through.
    const missing = el('span', 'mt-1 block text-xs text-muted', 'Missing: ');
    hit.missing.forEach((word, i) => {
      if (i > 0) missing.append(', ');
      missing.append(el('s', '', word));
    });
    missing.dataset.missing = hit.missing.join(' ');
    link.append(missing);
  }
  const item = el('li', 'min-w-0 [overflow-wrap:anywhere]', link);
  const authors = compact ? undefined : linkedByline(hit);
  if (authors) item.append(authors);
  if (!compact && facets && hit.topics.length > 0) {
    const chips = el('ul', 'mt-1 flex flex-wrap gap-1.5 px-3 pb-1');
    for (const slug of hit.topics) {
      const a = el('a', 'chip', facets.topics[slug] ?? slug);
      a.href = `${base}topics/${encodeURIComponent(slug)}/`;
      chips.append(el('li', '', a));
    }
    item.append(chips);
  }
  return item;
}

/** An author with a page whose name begins with what was typed: a link to their page. */
export function authorSuggestionNode([name, slug, papers]: AuthorSuggestion): HTMLLIElement {
  const link = el(
    'a',
    'flex items-baseline gap-2 rounded-md px-3 py-2 no-underline hover:bg-accent-soft focus-visible:bg-accent-soft',
    el('span', 'text-xs font-semibold tracking-wider text-muted uppercase', 'Author'),
    el('span', 'font-semibold text-fg', name),
    el(
      'span',
      'ml-auto text-xs text-muted',
      `${papers.toLocaleString('en')} paper${papers === 1 ? '' : 's'}`,
    ),
  );
  link.href = `${base}authors/${encodeURIComponent(slug)}/`;
  link.dataset.authorSuggestion = slug;
  return el('li', 'min-w-0 [overflow-wrap:anywhere]', link);
}
