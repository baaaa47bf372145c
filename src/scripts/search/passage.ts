/**
 * On a paper page opened from a search result (`?hl=tickets&hl=lottery`):
 * marks the words and phrases the hit matched, as written in this paper
 * (the engine found them in its title and abstract: stems, typo
 * corrections, whole phrases), in the title and abstract, scrolls to the
 * first in the abstract, then takes `hl` out of the address so that a
 * copied link is the paper's own. Marks are elements around existing text
 * nodes; typeset math is left alone.
 */
const params = new URLSearchParams(location.search);
const forms = [
  ...new Set(
    params
      .getAll('hl')
      .map((f) => f.toLowerCase().trim())
      .filter((f) => f.length > 0 && f.length < 80),
  ),
].slice(0, 16);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mark(root: Element, pattern: RegExp): HTMLElement[] {
  const marks: HTMLElement[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('.katex, mark')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const node of nodes) {
    const text = node.data;
    pattern.lastIndex = 0;
    const parts: (string | HTMLElement)[] = [];
    let at = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m.index > at) parts.push(text.slice(at, m.index));
      const el = document.createElement('mark');
      el.dataset.hl = '';
      el.textContent = m[0];
      parts.push(el);
      marks.push(el);
      at = m.index + m[0].length;
    }
    if (parts.length === 0) continue;
    if (at < text.length) parts.push(text.slice(at));
    node.replaceWith(...parts);
  }
  return marks;
}

if (params.has('hl')) {
  if (forms.length > 0) {
    // Longest first, so that a phrase wins over its own words; any run of
    // spaces in a form matches any other (line breaks in the page's text).
    const alternatives = [...forms]
      .sort((a, b) => b.length - a.length)
      .map((f) => escapeRegExp(f).replace(/\s+/gu, '\\s+'));
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`,
      'giu',
    );
    const title = document.querySelector('main h1');
    if (title) mark(title, pattern);
    const abstract = document.querySelector('[data-abstract]');
    const first = abstract ? mark(abstract, pattern)[0] : undefined;
    first?.scrollIntoView({ block: 'center' });
  }
  params.delete('hl');
  const rest = params.toString();
  history.replaceState(
    history.state,
    '',
    `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`,
  );
}

export {};
