/**
 * The phone header: the search icon expands the search box under the header
 * (its link to the search page is the fallback without JavaScript); Escape or
 * a second tap closes it. The menu closes when focus or a tap leaves it.
 */
const toggle = document.querySelector<HTMLAnchorElement>('[data-search-toggle]');
const panel = document.querySelector<HTMLElement>('[data-header-search]');

if (toggle && panel) {
  const input = panel.querySelector<HTMLInputElement>('input[type="search"]');
  const setOpen = (open: boolean) => {
    panel.toggleAttribute('data-open', open);
    toggle.setAttribute('aria-expanded', String(open));
    if (open) input?.focus();
  };
  toggle.setAttribute('role', 'button');
  toggle.addEventListener('click', (event) => {
    event.preventDefault();
    setOpen(!panel.hasAttribute('data-open'));
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && panel.hasAttribute('data-open') && !input?.value) {
      setOpen(false);
      toggle.focus();
    }
  });
}

const menu = document.querySelector<HTMLDetailsElement>('[data-menu]');
if (menu) {
  document.addEventListener('click', (event) => {
    if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
  });
  menu.addEventListener('focusout', (event) => {
    if (!menu.contains(event.relatedTarget as Node | null)) menu.open = false;
  });
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && menu.open) {
      menu.open = false;
      menu.querySelector('summary')?.focus();
    }
  });
}
