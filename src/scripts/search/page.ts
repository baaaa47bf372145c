/**
 * The search page: the query and filters live in the URL, so a search is a
 * permalink; typing replaces the history entry, filters and pages push one,
 * and back/forward restore the search they name. With nothing to search it
 * shows what can be searched; when a search finds nothing, or no paper with
 * all its words, it offers other searches (suggestions.ts).
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
import { summaryLine } from '../../lib/search-summary.ts';
import type { SearchResult, SortOrder } from '../../lib/search/types.ts';
import { authorKey } from '../../lib/search/author-keys.ts';
import type { AuthorSuggestion } from '../../lib/search/format.ts';
import { renderAuthorFacet } from './author-facet.ts';
import { bibtexOfResults } from './bibtex.ts';
import { bindPanel, filterNodes, renderFacets, showActiveCount } from './filters.ts';
import { engine, warmUp } from './lazy.ts';
import { arrowNavigation } from './arrows.ts';
import { authorSuggestionNode, hitNode } from './render.ts';
import { renderSuggestions } from './suggestions.ts';

const root = document.querySelector<HTMLElement>('[data-search-page]');
const need = <T extends Element>(selector: string) => root?.querySelector<T>(selector) ?? null;
const input = need<HTMLInputElement>('input[type="search"]');
const form = need<HTMLFormElement>('form');
const help = need<HTMLElement>('[data-search-help]');
const body = need<HTMLElement>('[data-search-body]');
const results = need<HTMLElement>('[data-results]');
const aside = need<HTMLElement>('[data-search-body] > aside');
const status = need<HTMLElement>('[data-search-status]');
const controls = need<HTMLElement>('[data-search-controls]');
const suggestBox = need<HTMLElement>('[data-search-suggest]');
const list = need<HTMLOListElement>('[data-search-results]');
const authorsBox = need<HTMLUListElement>('[data-facet-authors]');
const peopleBox = need<HTMLUListElement>('[data-search-people]');
const pager = need<HTMLElement>('[data-search-pager]');
const bibButton = need<HTMLButtonElement>('[data-search-bib]');
const filters = filterNodes(root ?? document);

let state: SearchState = emptyState();
let last: SearchResult | undefined;
let sequence = 0;
/** Set by a page change: once its results are in, the view and focus go to their top. */
let toResults = false;

function setUrl(push: boolean): void {
  const query = stateToParams(state).toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}`;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
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
    b.addEventListener('click', () => {
      toResults = true;
      update({ page }, true);
    });
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

/** Shows the help (nothing to search) or the results area. */
function showEmpty(empty: boolean): void {
  if (help) help.hidden = !empty;
  if (body) body.hidden = empty;
}

async function run(complete: boolean): Promise<void> {
  if (!status || !list) return;
  const mine = ++sequence;
  const filtered = state.topics.length > 0 || state.year !== undefined;
  showActiveCount(filters, state);
  if (!state.q.trim() && !filtered) {
    showEmpty(true);
    list.replaceChildren();
    status.textContent = '';
    if (suggestBox) suggestBox.hidden = true;
    renderPager(0);
    return;
  }
  showEmpty(false);
  try {
    const { getClient, getFacets } = await engine();
    const client = getClient();
    const filter = {
      topics: state.topics,
      ...(state.year === undefined ? {} : { year: state.year }),
    };
    const [result, facets] = await Promise.all([
      client.search(state.q, {
        ...filter,
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
    status.textContent = summaryLine(result, state.q, filtered);
    // Offers when nothing (or no paper with all the words) was found: after
    // the results, which they do not hold up (they may fetch lexicon files).
    const stuck = result.total === 0 || (result.words.length > 1 && result.all === 0);
    if (suggestBox && stuck && state.q.trim()) {
      const box = suggestBox;
      void client
        .suggest(state.q, filter)
        .then((s) => {
          if (mine === sequence) renderSuggestions(box, s, facets, result.total === 0);
        })
        .catch(() => undefined);
    } else if (suggestBox) suggestBox.hidden = true;
    if (peopleBox) {
      peopleBox.hidden = true;
      // A query that is someone's name (every word a whole word of it) leads to their page too.
      const words = authorKey(state.q).split(' ').filter(Boolean);
      if (state.page === 1 && words.length > 0 && !/author:/iu.test(state.q)) {
        const box = peopleBox;
        void client
          .suggestAuthors(state.q, 20)
          .then((found: AuthorSuggestion[]) => {
            const named = found.filter((entry) =>
              words.every((w) => entry[3].split(' ').includes(w)),
            );
            if (mine !== sequence || named.length === 0) return;
            box.replaceChildren(...named.slice(0, 3).map(authorSuggestionNode));
            box.hidden = false;
          })
          .catch(() => undefined);
      }
    }
    if (controls) controls.hidden = result.total === 0;
    if (aside) aside.hidden = result.total === 0 && !filtered;
    renderFacets(filters, state, result, facets);
    if (authorsBox) renderAuthorFacet(authorsBox, state.q, result.facets.authors);
    renderPager(result.total);
    if (bibButton) bibButton.hidden = result.hits.length === 0;
    if (toResults) {
      toResults = false;
      results?.scrollIntoView({ block: 'start' });
      status.focus({ preventScroll: true });
    }
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
  if (filters.sortSelect) filters.sortSelect.value = state.sort;
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
  // Suggested and example searches are links (they open in a new tab too);
  // a plain click runs them here.
  root.addEventListener('click', (event) => {
    const target = event.target as Element;
    if (target.closest('[data-clear-filters]')) {
      update({ topics: [], year: undefined }, true);
      return;
    }
    const link = target.closest<HTMLAnchorElement>('a[data-search-query], a[data-search-example]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const q = link.dataset.searchQuery ?? link.dataset.searchExample ?? '';
    event.preventDefault();
    input.value = q;
    update({ q }, true);
    input.focus();
  });
  bindPanel(filters);
  filters.topicsBox?.addEventListener('change', (event) => {
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
  filters.yearSelect?.addEventListener('change', () => {
    const year = Number(filters.yearSelect?.value);
    update(filters.yearSelect?.value ? { year } : { year: undefined }, true);
  });
  filters.sortSelect?.addEventListener('change', () =>
    update({ sort: filters.sortSelect?.value as SortOrder }, true),
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
