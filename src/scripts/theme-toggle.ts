/**
 * The theme control: system → light → dark → system. "System" forgets the
 * stored choice and follows `prefers-color-scheme` again, live.
 */
export type Choice = 'system' | 'light' | 'dark';

const ORDER: Choice[] = ['system', 'light', 'dark'];
const LABEL: Record<Choice, string> = {
  system: 'follow the system',
  light: 'light',
  dark: 'dark',
};
const media = matchMedia('(prefers-color-scheme: dark)');

function stored(): Choice {
  try {
    const saved = localStorage.getItem('theme');
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  } catch {
    return 'system';
  }
}

function apply(choice: Choice): void {
  const dark = choice === 'system' ? media.matches : choice === 'dark';
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  document.documentElement.dataset.themeChoice = choice;
  const next = ORDER[(ORDER.indexOf(choice) + 1) % ORDER.length] ?? 'system';
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    button.setAttribute('aria-label', `Theme: ${LABEL[choice]} (switch to ${LABEL[next]})`);
    button.title = `Theme: ${LABEL[choice]}`;
  }
}

let choice = stored();
apply(choice);
media.addEventListener('change', () => {
  if (choice === 'system') apply(choice);
});

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  button.addEventListener('click', () => {
    choice = ORDER[(ORDER.indexOf(choice) + 1) % ORDER.length] ?? 'system';
    try {
      if (choice === 'system') localStorage.removeItem('theme');
      else localStorage.setItem('theme', choice);
    } catch {
      // Private browsing may forbid storage: the choice still holds for this page.
    }
    apply(choice);
  });
}
