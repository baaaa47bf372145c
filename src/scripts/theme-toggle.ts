/** The theme toggle: flips light/dark and remembers the choice across pages. */
function apply(theme: 'light' | 'dark'): void {
  document.documentElement.dataset.theme = theme;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    button.setAttribute('aria-pressed', String(theme === 'dark'));
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  button.setAttribute('aria-pressed', String(document.documentElement.dataset.theme === 'dark'));
  button.addEventListener('click', () => {
    const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
    apply(next);
    try {
      localStorage.setItem('theme', next);
    } catch {
      // Private browsing may forbid storage: the toggle still works for this page.
    }
  });
}
