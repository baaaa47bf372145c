/**
 * `npm run test:math [dir]`: fails when a built page shows KaTeX output without
 * KaTeX's stylesheet (src/lib/katex-pages.ts). Reads every page of `dist/`.
 */
import { checkKatexPages } from '../src/lib/katex-pages.ts';

const dir = process.argv[2] ?? 'dist';
const { missing, withMath, pages } = checkKatexPages(dir);
if (missing.length > 0) {
  console.error(`${missing.length} page(s) show math without KaTeX's stylesheet:`);
  for (const page of missing.slice(0, 20)) console.error(`  ${page}`);
  process.exit(1);
}
console.log(`math: ${withMath} of ${pages} pages show math, every one with KaTeX's stylesheet`);
