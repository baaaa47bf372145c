import katex from 'katex';

/** Math is kept only where KaTeX can render it; anything else stays prose. */
export function katexAccepts(tex: string): boolean {
  try {
    katex.renderToString(tex, { throwOnError: true, strict: 'ignore', trust: false });
    return true;
  } catch {
    return false;
  }
}
