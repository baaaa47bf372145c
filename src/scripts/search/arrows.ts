/**
 * Keyboard walk through a list of search results, apart from the renderer so
 * the header box can bind it at once and load the renderer only when used.
 */

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
