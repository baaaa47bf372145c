/**
 * Search results as DOM nodes. Titles, authors and abstracts are untrusted:
 * they only ever become text nodes, and highlights are <mark> elements built
 * from match offsets, never HTML strings.
 */
import type { AuthorSuggestion } from '../../lib/search/format.ts';
import type { Hit, Range } from '../../lib/search/types.ts';
import { base } from './base.ts';
import type { Facets } from './engine.ts';

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

/** The words a hit matched, as they are written in it (for the paper page to highlight). */
export function matchedWords(hit: Hit): string[] {
  const words = new Set<string>();
  for (const [s, e] of hit.titleMatches) words.add(hit.title.slice(s, e).toLowerCase());
  for (const [s, e] of hit.snippet.matches) words.add(hit.snippet.text.slice(s, e).toLowerCase());
  return [...words].slice(0, 12);
}

/** The paper page of a hit, asking it to highlight and scroll to the matched passage. */
export function hitHref(hit: Hit): string {
  const words = matchedWords(hit);
  const query =
    words.length > 0 ? `?${new URLSearchParams({ hl: words.join(' ') }).toString()}` : '';
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

/** What arrow keys walk: authors suggested, then paper hits. */
const WALKED = 'a[data-author-suggestion], a[data-search-hit]';

/** Arrow keys move focus through a list of result links; Escape goes back to the box. */
export function arrowNavigation(list: HTMLElement, input: HTMLInputElement): void {
  list.addEventListener('keydown', (event) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>(WALKED)];
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (i === -1) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      links[Math.min(i + 1, links.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (i === 0) input.focus();
      else links[i - 1]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      input.focus();
    }
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown') return;
    const first = list.querySelector<HTMLAnchorElement>(WALKED);
    if (first) {
      event.preventDefault();
      first.focus();
    }
  });
}
