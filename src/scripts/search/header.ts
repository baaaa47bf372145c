/**
 * The search box in every page's header: results drop down as you type
 * (the index loads on focus or first keystroke), `/` focuses the box, Escape
 * clears it, arrows walk the results, Enter on the box opens the search page.
 */
import { base } from './base.ts';
import { arrowNavigation } from './arrows.ts';
import { engine, renderer, warmUp } from './lazy.ts';

const SHOWN = 8;

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

function bind(box: HTMLElement): void {
  const input = box.querySelector<HTMLInputElement>('input[type="search"]');
  const panel = box.querySelector<HTMLElement>('[data-search-panel]');
  const list = panel?.querySelector<HTMLUListElement>('[data-search-results]');
  const status = box.querySelector<HTMLElement>('[data-search-status]');
  const all = panel?.querySelector<HTMLAnchorElement>('[data-search-all]');
  if (!input || !panel || !list || !status || !all) return;

  let sequence = 0;
  const close = () => {
    panel.hidden = true;
  };
  const open = () => {
    panel.hidden = false;
  };

  input.addEventListener('focus', warmUp);
  input.addEventListener('input', async () => {
    const query = input.value;
    const mine = ++sequence;
    if (!query.trim()) {
      list.replaceChildren();
      status.textContent = '';
      close();
      return;
    }
    const started = performance.now();
    try {
      const [{ getClient, getFacets }, { hitNode, summaryLine, authorSuggestionNode }] =
        await Promise.all([engine(), renderer()]);
      const [result, facets, people] = await Promise.all([
        getClient().search(query, { limit: SHOWN }),
        getFacets(),
        // Authors with a page whose names begin with the words typed (none for `author:` queries).
        /author:/i.test(query) ? [] : getClient().suggestAuthors(query, 3),
      ]);
      if (mine !== sequence) return; // a newer keystroke won
      list.replaceChildren(
        ...people.map(authorSuggestionNode),
        ...result.hits.map((hit) => hitNode(hit, facets, true)),
      );
      const n = result.total.toLocaleString('en');
      status.textContent =
        result.total === 0
          ? `No papers match “${query}”`
          : summaryLine(result, '').replace(/\.$/u, '');
      all.href = `${base}search/?${new URLSearchParams({ q: query }).toString()}`;
      all.textContent = result.total > SHOWN ? `See all ${n} results →` : 'Open the search page →';
      box.dataset.searchMs = (performance.now() - started).toFixed(1);
      open();
    } catch {
      if (mine === sequence) status.textContent = 'Search is unavailable right now.';
    }
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (input.value) {
        input.value = '';
        input.dispatchEvent(new Event('input'));
      } else input.blur();
    }
  });
  arrowNavigation(list, input);
  document.addEventListener('click', (event) => {
    if (!box.contains(event.target as Node)) close();
  });
  box.addEventListener('focusout', (event) => {
    if (!box.contains(event.relatedTarget as Node | null)) close();
  });
  document.addEventListener('keydown', (event) => {
    if (
      event.key === '/' &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey &&
      !isTyping(event.target)
    ) {
      event.preventDefault();
      input.focus();
    }
  });
}

for (const box of document.querySelectorAll<HTMLElement>('[data-search-box]')) bind(box);
