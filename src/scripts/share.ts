/**
 * Copy buttons (`data-copy`) and the native share button (`data-native-share`).
 * Buttons stay hidden until this script runs, so a page without JavaScript
 * shows no button that cannot work.
 */

/** Copies text with the Clipboard API, falling back to a selected textarea. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No permission or no secure context: the old way still works in most browsers.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let ok: boolean;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/**
 * Without a known origin the build writes a paper's link root-relative
 * (src/lib/site-url.ts): the link, BibTeX and citation then use the address
 * the page is served from.
 */
export function absoluteFromHere(scope: HTMLElement, here: string): void {
  const relative = scope.dataset.relativeLink;
  if (!relative) return;
  const absolute = new URL(relative, here).href;
  const fix = (text: string) => text.split(relative).join(absolute);
  for (const el of scope.querySelectorAll<HTMLElement>(
    '[data-copy], [data-download], [data-url]',
  )) {
    for (const key of ['copy', 'download', 'url'] as const) {
      const value = el.dataset[key];
      if (value !== undefined) el.dataset[key] = fix(value);
    }
  }
  for (const input of scope.querySelectorAll<HTMLInputElement>('[data-permalink]'))
    input.value = fix(input.value);
  for (const el of scope.querySelectorAll<HTMLElement>('[data-bibtex], [data-citation]'))
    el.textContent = fix(el.textContent ?? '');
  delete scope.dataset.relativeLink;
}

for (const scope of document.querySelectorAll<HTMLElement>('[data-relative-link]'))
  absoluteFromHere(scope, location.href);

function announce(from: Element, message: string): void {
  const status = from
    .closest('[data-share-cite], [data-copy-scope]')
    ?.querySelector('[data-copy-status]');
  if (!status) return;
  status.textContent = message;
  window.setTimeout(() => {
    if (status.textContent === message) status.textContent = '';
  }, 4000);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const ok = await copyText(button.dataset.copy ?? '');
    if (ok) announce(button, button.dataset.copyLabel ?? 'Copied');
    else {
      announce(button, 'Copying failed: select the text and copy it yourself');
      button
        .closest('[data-share-cite]')
        ?.querySelector<HTMLInputElement>('[data-permalink]')
        ?.select();
    }
  });
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-native-share]')) {
  if (typeof navigator.share !== 'function') continue;
  button.hidden = false;
  button.addEventListener('click', () => {
    navigator
      .share({
        title: button.dataset.title ?? document.title,
        url: button.dataset.url ?? location.href,
      })
      .catch(() => {
        // The reader closed the share sheet: nothing to do.
      });
  });
}

// Downloads made in the page: no .bib file per paper on the server (at 75,000 papers, 75,000 fewer files).
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-download]')) {
  button.hidden = false;
  button.addEventListener('click', () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(
      new Blob([button.dataset.download ?? ''], { type: 'application/x-bibtex' }),
    );
    link.download = button.dataset.filename ?? 'citation.bib';
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
}
