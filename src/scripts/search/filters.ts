/**
 * The search page's filters: topic checkboxes and the year menu with their
 * counts, and, below the md breakpoint, the panel above the results that
 * opens and closes with a button saying how many filters are on.
 */
import type { SearchState } from '../../lib/search-state.ts';
import type { SearchResult } from '../../lib/search/types.ts';
import type { Facets } from './engine.ts';

export interface FilterNodes {
  toggle: HTMLButtonElement | null;
  count: HTMLElement | null;
  arrow: HTMLElement | null;
  panel: HTMLElement | null;
  topicsField: HTMLElement | null;
  topicsBox: HTMLUListElement | null;
  yearSelect: HTMLSelectElement | null;
  sortSelect: HTMLSelectElement | null;
}

export function filterNodes(root: ParentNode): FilterNodes {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector);
  return {
    toggle: q<HTMLButtonElement>('[data-filters-toggle]'),
    count: q<HTMLElement>('[data-filters-count]'),
    arrow: q<HTMLElement>('[data-filters-arrow]'),
    panel: q<HTMLElement>('[data-filters]'),
    topicsField: q<HTMLElement>('[data-topics-field]'),
    topicsBox: q<HTMLUListElement>('[data-facet-topics]'),
    yearSelect: q<HTMLSelectElement>('[data-facet-year]'),
    sortSelect: q<HTMLSelectElement>('[data-sort]'),
  };
}

/** Opens or closes the small-screen panel. */
export function setPanelOpen(n: FilterNodes, open: boolean): void {
  if (!n.toggle || !n.panel) return;
  n.toggle.setAttribute('aria-expanded', String(open));
  n.panel.toggleAttribute('data-open', open);
  if (n.arrow) n.arrow.textContent = open ? '▴' : '▾';
}

export function bindPanel(n: FilterNodes): void {
  n.toggle?.addEventListener('click', () =>
    setPanelOpen(n, n.toggle?.getAttribute('aria-expanded') !== 'true'),
  );
}

/** The number of filters on, as the toggle shows it: `(2)` ("2 active" to a screen reader), or nothing. */
export function showActiveCount(n: FilterNodes, state: SearchState): void {
  const active = state.topics.length + (state.year === undefined ? 0 : 1);
  if (!n.count) return;
  n.count.replaceChildren();
  if (active === 0) return;
  const sr = document.createElement('span');
  sr.className = 'sr-only';
  sr.textContent = ' active';
  n.count.append(`(${active}`, sr, ')');
}

function topicItem(slug: string, name: string, count: number, checked: boolean): HTMLLIElement {
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.value = slug;
  box.checked = checked;
  box.className = 'mt-0.5';
  const label = document.createElement('label');
  label.className =
    'flex cursor-pointer items-start gap-2 rounded px-1 py-0.5 text-sm hover:bg-accent-soft';
  const text = document.createElement('span');
  text.textContent = name;
  const counted = document.createElement('span');
  counted.className = 'ml-auto text-muted';
  counted.textContent = count.toLocaleString('en');
  label.append(box, text, counted);
  label.dataset.facetTopic = slug;
  const li = document.createElement('li');
  li.append(label);
  return li;
}

/** The topic and year counts of a result (chosen filters stay listed, even at 0). */
export function renderFacets(
  n: FilterNodes,
  state: SearchState,
  result: SearchResult,
  facets: Facets,
): void {
  const { topicsBox, yearSelect, topicsField } = n;
  if (!topicsBox || !yearSelect) return;
  const counts = Object.entries(result.facets.topics).filter(
    ([slug, c]) => c > 0 || state.topics.includes(slug),
  );
  for (const slug of state.topics) if (!counts.some(([s]) => s === slug)) counts.push([slug, 0]);
  counts.sort(
    (a, b) =>
      b[1] - a[1] || (facets.topics[a[0]] ?? a[0]).localeCompare(facets.topics[b[0]] ?? b[0]),
  );
  topicsBox.replaceChildren(
    ...counts.map(([slug, c]) =>
      topicItem(slug, facets.topics[slug] ?? slug, c, state.topics.includes(slug)),
    ),
  );
  if (topicsField) topicsField.hidden = counts.length === 0;
  const years = Object.entries(result.facets.years).sort((a, b) => Number(b[0]) - Number(a[0]));
  const field = yearSelect.closest<HTMLElement>('[data-year-field]');
  if (field) field.hidden = !facets.hasDates || years.length === 0;
  const any = document.createElement('option');
  any.value = '';
  any.textContent = 'Any year';
  yearSelect.replaceChildren(
    any,
    ...years.map(([year, c]) => {
      const option = document.createElement('option');
      option.value = year;
      option.textContent = `${year} (${c.toLocaleString('en')})`;
      return option;
    }),
  );
  yearSelect.value = state.year === undefined ? '' : String(state.year);
  const dateOption = n.sortSelect?.querySelector<HTMLOptionElement>('option[value="date"]');
  if (dateOption) dateOption.hidden = !facets.hasDates;
  showActiveCount(n, state);
}
