/**
 * The search page: the query and filters live in the URL, so a search is a
 * permalink; typing replaces the history entry, filters and pages push one,
 * and back/forward restore the search they name.
 */
import {
  emptyState,
  PAGE_SIZE,
  parseState,
  sameState,
  stateToParams,
  toggleAuthor,
  type SearchState,
} from '../../lib/search-state.ts';
import type { SearchResult, SortOrder } from '../../lib/search/types.ts';
import { renderAuthorFacet } from './author-facet.ts';
import { bibtexOfResults } from './bibtex.ts';
import type { Facets } from './engine.ts';
import { engine, warmUp } from './lazy.ts';
import { arrowNavigation, hitNode } from './render.ts';

const root = document.querySelector<HTMLElement>('[data-search-page]');
const need = <T extends Element>(selector: string) => root?.querySelector<T>(selector) ?? null;
const input = need<HTMLInputElement>('input[type="search"]');
const form = need<HTMLFormElement>('form');
const status = need<HTMLElement>('[data-search-status]');
const list = need<HTMLOListElement>('[data-search-results]');
const topicsBox = need<HTMLUListElement>('[data-facet-topics]');
const authorsBox = need<HTMLUListElement>('[data-facet-authors]');
const yearSelect = need<HTMLSelectElement>('[data-facet-year]');
const sortSelect = need<HTMLSelectElement>('[data-sort]');
const pager = need<HTMLElement>('[data-search-pager]');
const bibButton = need<HTMLButtonElement>('[data-search-bib]');

let state: SearchState = emptyState();
let last: SearchResult | undefined;
let sequence = 0;

function setUrl(push: boolean): void {
  const query = stateToParams(state).toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}`;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function renderFacets(result: SearchResult, facets: Facets): void {
  if (!topicsBox || !yearSelect) return;
  const counts = Object.entries(result.facets.topics).filter(
    ([slug, n]) => n > 0 || state.topics.includes(slug),
  );
  for (const slug of state.topics) if (!counts.some(([s]) => s === slug)) counts.push([slug, 0]);
  counts.sort(
    (a, b) =>
      b[1] - a[1] || (facets.topics[a[0]] ?? a[0]).localeCompare(facets.topics[b[0]] ?? b[0]),
  );
  topicsBox.replaceChildren(
    ...counts.map(([slug, n]) => {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = slug;
      box.checked = state.topics.includes(slug);
      box.className = 'mt-0.5';
      const name = document.createElement('span');
      name.textContent = facets.topics[slug] ?? slug;
      const count = document.createElement('span');
      count.className = 'ml-auto text-muted';
      count.textContent = n.toLocaleString('en');
      const label = document.createElement('label');
      label.className =
        'flex cursor-pointer items-start gap-2 rounded px-1 py-0.5 text-sm hover:bg-accent-soft';
      label.append(box, name, count);
      label.dataset.facetTopic = slug;
      const li = document.createElement('li');
      li.append(label);
      return li;
    }),
  );
  const years = Object.entries(result.facets.years).sort((a, b) => Number(b[0]) - Number(a[0]));
  const field = yearSelect.closest<HTMLElement>('[data-year-field]');
  if (field) field.hidden = !facets.hasDates || years.length === 0;
  const any = document.createElement('option');
  any.value = '';
  any.textContent = 'Any year';
  yearSelect.replaceChildren(
    any,
    ...years.map(([year, n]) => {
      const option = document.createElement('option');
      option.value = year;
      option.textContent = `${year} (${n.toLocaleString('en')})`;
      return option;
    }),
  );
  yearSelect.value = state.year === undefined ? '' : String(state.year);
  const dateOption = sortSelect?.querySelector<HTMLOptionElement>('option[value="date"]');
  if (dateOption) dateOption.hidden = !facets.hasDates;
}

function renderPager(total: number): void {
  if (!pager) return;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  pager.replaceChildren();
  if (pages <= 1) return;
  const button = (label: string, page: number, disabled: boolean) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.disabled = disabled;
    b.className =
      'rounded-md border border-line px-3 py-1.5 text-sm enabled:hover:border-accent disabled:opacity-50';
    b.addEventListener('click', () => update({ page }, true));
    return b;
  };
  const where = document.createElement('span');
  where.className = 'text-sm text-muted';
  where.textContent = `Page ${state.page} of ${pages}`;
  pager.append(
    button('← Previous', state.page - 1, state.page <= 1),
    where,
    button('Next →', state.page + 1, state.page >= pages),
  );
}

async function run(complete: boolean): Promise<void> {
  if (!status || !list) return;
  const mine = ++sequence;
  if (!state.q.trim() && state.topics.length === 0 && state.year === undefined) {
    list.replaceChildren();
    status.textContent = 'Type to search titles, abstracts and authors.';
    renderPager(0);
    if (bibButton) bibButton.hidden = true;
    return;
  }
  try {
    const { getClient, getFacets } = await engine();
    const [result, facets] = await Promise.all([
      getClient().search(state.q, {
        topics: state.topics,
        ...(state.year === undefined ? {} : { year: state.year }),
        sort: state.sort,
        limit: PAGE_SIZE,
        offset: (state.page - 1) * PAGE_SIZE,
        complete,
        authorFacet: true,
      }),
      getFacets(),
    ]);
    if (mine !== sequence) return;
    last = result;
    list.replaceChildren(...result.hits.map((hit) => hitNode(hit, facets, false)));
    list.start = (state.page - 1) * PAGE_SIZE + 1;
    const n = result.total.toLocaleString('en');
    status.textContent =
      result.total === 0
        ? 'No papers match.'
        : `${n} paper${result.total === 1 ? '' : 's'} match${state.q ? ` “${state.q}”` : ''}.`;
    renderFacets(result, facets);
    if (authorsBox) renderAuthorFacet(authorsBox, state.q, result.facets.authors);
    renderPager(result.total);
    if (bibButton) bibButton.hidden = result.hits.length === 0;
  } catch {
    if (mine === sequence) status.textContent = 'Search is unavailable right now.';
  }
}

function update(change: Partial<SearchState>, push: boolean): void {
  const next = { ...state, ...change };
  if (!('page' in change)) next.page = 1;
  if (sameState(next, state)) return;
  state = next;
  setUrl(push);
  void run(false);
}

function restore(): void {
  state = parseState(new URLSearchParams(location.search));
  if (input) input.value = state.q;
  if (sortSelect) sortSelect.value = state.sort;
  void run(false);
}

if (root && input) {
  restore();
  input.focus();
  // The engine loads when there is something to search: a query or filter in
  // the URL (restore), or the first key or click in the box; not the autofocus.
  input.addEventListener('keydown', warmUp, { once: true });
  input.addEventListener('pointerdown', warmUp, { once: true });
  input.addEventListener('input', () => update({ q: input.value }, false));
  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    setUrl(true);
    void run(false);
  });
  topicsBox?.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const topics = box.checked
      ? [...state.topics, box.value]
      : state.topics.filter((t) => t !== box.value);
    update({ topics: [...new Set(topics)].sort() }, true);
  });
  authorsBox?.addEventListener('change', (event) => {
    const q = toggleAuthor(state.q, (event.target as HTMLInputElement).value);
    input.value = q;
    update({ q }, true);
  });
  yearSelect?.addEventListener('change', () => {
    const year = Number(yearSelect.value);
    update(yearSelect.value ? { year } : { year: undefined }, true);
  });
  sortSelect?.addEventListener('change', () =>
    update({ sort: sortSelect.value as SortOrder }, true),
  );
  if (list) arrowNavigation(list, input);
  bibButton?.addEventListener('click', async () => {
    if (!last) return;
    const text = await bibtexOfResults(last.hits.map((h) => h.slug));
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'application/x-bibtex' }));
    a.download = 'search-results.bib';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  window.addEventListener('popstate', restore);
}
