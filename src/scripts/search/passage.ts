/**
 * On a paper page opened from a search result (`?hl=words`): marks the
 * matched words in the title and abstract and scrolls to the first one in the
 * abstract. Marks are elements around existing text nodes; typeset math is left alone.
 */
const words = (new URLSearchParams(location.search).get('hl') ?? '')
  .toLowerCase()
  .split(/\s+/)
  .filter((w) => w.length > 0 && w.length < 60)
  .slice(0, 12);

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

if (words.length > 0) {
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  const title = document.querySelector('main h1');
  if (title) mark(title, pattern);
  const abstract = document.querySelector('[data-abstract]');
  const first = abstract ? mark(abstract, pattern)[0] : undefined;
  first?.scrollIntoView({ block: 'center' });
}

export {};
