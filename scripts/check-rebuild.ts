/**
 * `npm run test:rebuild`: a rebuild that reuses caches must give exactly the
 * site a cold build gives. Builds the bundled list cold, then the same list
 * edited in place the ways a curator edits one (a paper removed, one
 * retitled, the order reversed, two added) reusing every cache, then once
 * more unchanged, then the edited list cold, and compares the last rebuild
 * with the cold build file by file. A cache key
 * that misses something a page shows fails here.
 *
 * Pages render on Astro's worker threads (`experimental.parallelPrerender`),
 * and the unchanged rebuild must reuse every paper page Astro rendered before.
 *
 * Two caches are carried over to the cold build: related papers with the
 * map, and topics. Those are history-dependent on purpose (papers keep their
 * place on the map across builds, an edit recomputes only the lists it can
 * affect, see lib/related, and a small edit of a list without a topics file
 * keeps its topics, see lib/topics/incremental.ts), so the cold build starts
 * from the same caches the rebuild started from, and must then agree to the
 * byte.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { config } from '../src/config.ts';
import { FIXTURE_SITES } from '../e2e/sites.ts';
import { changedList } from './fixture-lists.ts';

const work = mkdtempSync(path.join(tmpdir(), 'paper-browser-rebuild-'));
const list = path.join(work, 'list.txt');

/** Paper pages (`papers/<slug>/index.html`) in a built site: papers, redirects and removed papers. */
function paperPages(out: string): number {
  return readdirSync(path.join(out, 'papers'), { withFileTypes: true }).filter(
    (e) => e.isDirectory() && existsSync(path.join(out, 'papers', e.name, 'index.html')),
  ).length;
}

/**
 * Paper pages a build rendered (rather than reused), from Astro's log. A
 * reused page's line ends "(cached)" or "(restored)". The log must name every
 * paper page the site holds: a log format this no longer reads fails the
 * check instead of counting nothing as "none rendered".
 */
function renderedPapers(coloured: string, out: string): number {
  // Astro colours its log when FORCE_COLOR is set, even into a pipe.
  const log = stripVTControlCharacters(coloured);
  const pages = log.match(/├─ \/papers\/[^/\s]+\/index\.html/g)?.length ?? 0;
  const reused = log.match(/├─ \/papers\/[^/\s]+\/index\.html \((cached|restored)\)/g)?.length ?? 0;
  const expected = paperPages(out);
  if (pages !== expected)
    throw new Error(
      `Astro's log names ${pages} paper pages, the site holds ${expected}: has Astro's log format changed?`,
    );
  return pages - reused;
}

function build(
  name: string,
  caches: string,
  registry: string,
  options: { retire?: string } = {},
): { out: string; kept: boolean; rendered: number } {
  const out = path.join(work, name);
  const started = performance.now();
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--out', out], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: {
      ...process.env,
      // The bundled site's settings and curated topics, for a list at another path.
      SITE_TITLE: config.title,
      SITE_DESCRIPTION: config.description,
      TOPICS: config.topics ?? '',
      PAPERS: list,
      RETIRE: options.retire ?? '',
      PERMALINKS: registry,
      CACHE_DIR: path.join(caches, 'cache'),
      ASTRO_CACHE_DIR: path.join(caches, 'astro'),
    },
  });
  if (result.status !== 0) throw new Error(`the ${name} build failed (see above)`);
  const kept = result.stdout.includes('stored records kept');
  const rendered = renderedPapers(result.stdout, out);
  console.log(
    `${name}: ${((performance.now() - started) / 1000).toFixed(1)} s, ${rendered} paper pages rendered${kept ? ', stored records kept' : ''}`,
  );
  return { out, kept, rendered };
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

try {
  const registry = path.join(work, 'permalinks.json');
  copyFileSync('src/content/permalinks.json', registry);
  writeFileSync(list, readFileSync('src/content/papers.txt'));
  build('first', path.join(work, 'warm'), registry);

  // The cold build of the edited list starts from the registry the first
  // build published, and from the related and topics caches it left.
  const published = path.join(work, 'published.json');
  copyFileSync(registry, published);
  const carried = ['related', 'topics'];
  for (const name of carried)
    cpSync(path.join(work, 'warm', 'cache', name), path.join(work, name), { recursive: true });
  writeFileSync(list, changedList(readFileSync('src/content/papers.txt', 'utf8')));
  const { RETIRE } = FIXTURE_SITES.changed.env;
  const rebuild = build('rebuild', path.join(work, 'warm'), registry, { retire: RETIRE });
  if (rebuild.rendered === 0) throw new Error('the edited rebuild rendered no paper page');
  // Once more, unchanged: the stored records are kept as they are, and every paper page is reused.
  const again = build('again', path.join(work, 'warm'), registry, { retire: RETIRE });
  if (!again.kept) throw new Error('the unchanged rebuild parsed the list again');
  if (again.rendered > 0)
    throw new Error(`the unchanged rebuild rendered ${again.rendered} paper pages again`);
  const rebuilt = again.out;
  copyFileSync(published, registry);
  mkdirSync(path.join(work, 'cold', 'cache'), { recursive: true });
  for (const name of carried)
    cpSync(path.join(work, name), path.join(work, 'cold', 'cache', name), { recursive: true });
  const cold = build('cold', path.join(work, 'cold'), registry, { retire: RETIRE }).out;

  const a = files(rebuilt);
  const b = files(cold);
  const problems: string[] = [];
  for (const f of a.filter((f) => !b.includes(f))) problems.push(`only in the rebuild: ${f}`);
  for (const f of b.filter((f) => !a.includes(f))) problems.push(`only in the cold build: ${f}`);
  for (const f of a.filter((f) => b.includes(f)))
    if (!readFileSync(path.join(rebuilt, f)).equals(readFileSync(path.join(cold, f))))
      problems.push(`differs: ${f}`);
  if (problems.length > 0) {
    console.error(
      `The rebuild differs from a cold build in ${problems.length} file(s):\n${problems.slice(0, 40).join('\n')}\nBoth sites are kept for a look: ${rebuilt} and ${cold}`,
    );
    process.exitCode = 1;
  } else console.log(`The rebuild equals a cold build: ${a.length} files, byte for byte.`);
} finally {
  if (process.exitCode !== 1) rmSync(work, { recursive: true, force: true });
}
