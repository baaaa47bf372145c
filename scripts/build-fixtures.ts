/**
 * Builds the fixture sites the end-to-end tests visit (see e2e/sites.ts), once
 * each, one after the other (they share the machine's two cores). Fixture
 * lists derived from the bundled list are generated here, deterministically.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_SITES } from '../e2e/sites.ts';
import { changedList } from './fixture-lists.ts';

const FIXTURES = 'dist-fixtures';
mkdirSync(FIXTURES, { recursive: true });

/** The hostile fixture, plus what is too big to commit: a 200 KB abstract and a 2,000-character title. */
function hostileList(): string {
  const base = readFileSync('test/fixtures/hostile.txt', 'utf8').trimEnd();
  const huge = 'Sparse attention <script>window.__pwned=1</script> scales to long inputs. '.repeat(
    2800,
  );
  const longTitle =
    `An Extremely Long Title About Sparse Mixture of Experts ${'and Their Many Sparse Experts '.repeat(70)}`
      .slice(0, 2000)
      .trim();
  return `${base}\nA Paper With a Very Large Abstract\n${huge.trim()}\n${longTitle}\nA normal abstract under a very long title. It has two sentences.\n`;
}

writeFileSync(
  `${FIXTURES}/changed.txt`,
  changedList(readFileSync('src/content/papers.txt', 'utf8')),
);
writeFileSync(`${FIXTURES}/hostile.txt`, hostileList());
copyFileSync('src/content/papers.txt', `${FIXTURES}/bundled-copy.txt`);
// The changed list starts from the registry the bundled list published.
copyFileSync('src/content/permalinks.json', `${FIXTURES}/changed.permalinks.json`);
// Fixture sites other than `changed` start from no registry, every time.
for (const name of ['base', 'hostile', 'hf', 'areas'])
  rmSync(`${FIXTURES}/${name}.permalinks.json`, { force: true });

/** What a host says about where a site lives (src/lib/site-url.ts): fixture sites say it themselves. */
const HOST_VARIABLES = [
  'SITE_URL',
  'BASE_PATH',
  'GITHUB_ACTIONS',
  'NETLIFY',
  'CF_PAGES_URL',
  'VERCEL_PROJECT_PRODUCTION_URL',
];
const hostless = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !HOST_VARIABLES.includes(name)),
);

const only = process.argv.slice(2);
for (const [name, site] of Object.entries(FIXTURE_SITES)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const started = performance.now();
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--out', site.dir], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...hostless,
      ...site.env,
      ASTRO_CACHE_DIR: path.join('node_modules/.astro-fixtures', name),
    },
  });
  if (result.status !== 0) {
    console.error(`fixture site "${name}" failed to build`);
    process.exit(1);
  }
  console.log(`fixture site ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
