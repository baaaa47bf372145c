/**
 * The box of other searches shown when a search finds nothing, or no paper
 * with all its words: did you mean, the query less one word, the closest
 * topics, the same search without filters. Queries and topic names are
 * untrusted text: they only become text nodes and URL parameters.
 */
import type { Suggestions } from '../../lib/search/client.ts';
import { base } from './base.ts';
import type { Facets } from './engine.ts';

const papers = (n: number): string => `${n.toLocaleString('en')} paper${n === 1 ? '' : 's'}`;

/** A link to the search page for `q` (the page follows it without reloading). */
export function queryLink(q: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = `${base}search/?${new URLSearchParams({ q }).toString()}`;
  a.dataset.searchQuery = q;
  a.className = 'font-medium';
  a.textContent = q;
  return a;
}

function line(label: string, ...parts: (Node | string)[]): HTMLParagraphElement {
  const p = document.createElement('p');
  const strong = document.createElement('span');
  strong.className = 'font-semibold';
  strong.textContent = `${label} `;
  p.append(strong, ...parts);
  return p;
}

function muted(text: string): HTMLSpanElement {
  const s = document.createElement('span');
  s.className = 'text-muted';
  s.textContent = text;
  return s;
}

/** Items separated by ` · `. */
function joined(items: (Node | string)[][]): (Node | string)[] {
  return items.flatMap((item, i) => (i === 0 ? item : [' · ', ...item]));
}

/**
 * Fills `box` with the suggestions (hidden when there are none);
 * `nothing` is whether the search found no paper at all.
 */
export function renderSuggestions(
  box: HTMLElement,
  s: Suggestions,
  facets: Facets,
  nothing: boolean,
): void {
  const rows: HTMLElement[] = [];
  if (s.corrected) {
    const { query, all, total } = s.corrected;
    rows.push(
      line('Did you mean', queryLink(query), muted(` (${papers(all > 0 ? all : total)})`), '?'),
    );
  }
  if (s.dropped.length) {
    rows.push(
      line(
        'Try fewer words:',
        ...joined(s.dropped.map((d) => [queryLink(d.query), muted(` (${papers(d.all)})`)])),
      ),
    );
  }
  if (s.unfiltered) {
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.dataset.clearFilters = '';
    clear.className = 'font-medium text-accent underline';
    clear.textContent = 'clear the filters';
    rows.push(line(`Without the filters, ${papers(s.unfiltered)} match:`, clear));
  }
  if (s.topics.length) {
    const chips = document.createElement('span');
    chips.className = 'inline-flex flex-wrap gap-1.5 align-middle';
    for (const t of s.topics) {
      const a = document.createElement('a');
      a.className = 'chip gap-1.5';
      a.href = `${base}topics/${encodeURIComponent(t.slug)}/`;
      const count = document.createElement('span');
      count.className = 'font-normal opacity-75';
      count.textContent = t.count.toLocaleString('en');
      a.append(facets.topics[t.slug] ?? t.slug, count);
      chips.append(a);
    }
    rows.push(line(nothing ? 'Closest topics:' : 'Topics of these papers:', chips));
  }
  if (nothing) {
    // The empty page's examples: searches known to find papers here.
    const examples = [...document.querySelectorAll<HTMLAnchorElement>('a[data-search-example]')];
    if (examples.length)
      rows.push(
        line(
          rows.length ? 'Or search for' : 'Search for',
          ...joined(examples.slice(0, 4).map((a) => [queryLink(a.dataset.searchExample ?? '')])),
        ),
      );
    const p = document.createElement('p');
    const topics = document.createElement('a');
    topics.href = `${base}topics/`;
    topics.textContent = 'the topics';
    p.append('Or browse ', topics, '.');
    rows.push(p);
  }
  box.replaceChildren(...rows);
  box.hidden = rows.length === 0;
}
