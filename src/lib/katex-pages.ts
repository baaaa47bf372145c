/**
 * Finds built pages that show KaTeX output without KaTeX's stylesheet: such a
 * page draws each formula twice (the MathML and the unstyled HTML). Read by
 * `npm run test:math` over `dist/` and by the end-to-end tests over every site.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const KATEX_OUTPUT = 'class="katex';
const STYLESHEET = /<link[^>]+href="[^"]*\/assets\/katex\/katex\.min\.css"/;

/** Every `.html` file under `dir`. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.join(dir, f));
}

/** Whether one page's HTML is missing the stylesheet its math needs. */
export function lacksKatexStylesheet(html: string): boolean {
  return html.includes(KATEX_OUTPUT) && !STYLESHEET.test(html);
}

/** Pages (relative to `dir`) with KaTeX output and no stylesheet, and how many pages have math. */
export function checkKatexPages(dir: string): {
  missing: string[];
  withMath: number;
  pages: number;
} {
  const missing: string[] = [];
  let withMath = 0;
  const files = htmlFiles(dir);
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes(KATEX_OUTPUT)) continue;
    withMath += 1;
    if (lacksKatexStylesheet(html)) missing.push(path.relative(dir, file));
  }
  return { missing, withMath, pages: files.length };
}
