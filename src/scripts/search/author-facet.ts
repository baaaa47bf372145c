/**
 * The search page's author facet: the authors of the matches, most first,
 * each a checkbox that adds or removes `author:"Name"` in the query (so the
 * filter lives in the URL with the rest of the query), with a link to their
 * page when they have one. Names are untrusted: text nodes only.
 */
import { authorFilters, authorKey } from '../../lib/search/author-keys.ts';
import type { AuthorFacet } from '../../lib/search/types.ts';
import { base } from './base.ts';

/** Fills `box` with the facet's authors; those the query names are checked, and listed even with no match. */
export function renderAuthorFacet(
  box: HTMLUListElement,
  query: string,
  authors: readonly AuthorFacet[] | undefined,
): void {
  const field = box.closest<HTMLElement>('[data-authors-field]');
  const named = authorFilters(query).authors;
  const keys = new Set(named.map(authorKey));
  const shown = [...(authors ?? [])];
  for (const name of named)
    if (!shown.some((a) => authorKey(a.name) === authorKey(name)))
      shown.unshift({ name, slug: '', papers: 0, count: 0 });
  if (field) field.hidden = shown.length === 0;
  box.replaceChildren(
    ...shown.map((a) => {
      const check = document.createElement('input');
      check.type = 'checkbox';
      check.value = a.name;
      check.checked = keys.has(authorKey(a.name));
      check.className = 'mt-0.5';
      const name = document.createElement('span');
      name.className = 'min-w-0 [overflow-wrap:anywhere]';
      name.textContent = a.name;
      const count = document.createElement('span');
      count.className = 'ml-auto text-muted';
      count.textContent = a.count.toLocaleString('en');
      const label = document.createElement('label');
      label.className =
        'flex min-w-0 flex-1 cursor-pointer items-start gap-2 rounded px-1 py-0.5 text-sm hover:bg-accent-soft';
      label.append(check, name, count);
      const li = document.createElement('li');
      li.className = 'flex items-start gap-1';
      li.dataset.facetAuthor = a.slug || a.name;
      li.append(label);
      if (a.slug) {
        const page = document.createElement('a');
        page.href = `${base}authors/${encodeURIComponent(a.slug)}/`;
        page.className = 'px-1 py-0.5 text-xs';
        page.textContent = 'page';
        page.setAttribute('aria-label', `Author page of ${a.name}`);
        li.append(page);
      }
      return li;
    }),
  );
}
