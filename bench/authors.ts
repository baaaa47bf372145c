/**
 * What author pages cost at scale: two cold builds of the same list, one
 * with author pages off (`AUTHOR_PAGE_MIN` above any author's count: identity
 * is still resolved, no page, feed or BibTeX is made) and one with the
 * default rule, run one after the other in fresh folders. Reports authors,
 * pages, the minimum the rule chose, wall time, whole-tree peak memory, and
 * output files and bytes (all, and under `authors/`). Writes
 * bench/authors-results.md.
 *
 * Usage: node bench/authors.ts [--papers ../shared/papers/arxiv-cs-75k.jsonl.gz] [--only on|off]
 * (about twenty minutes at 74,728 papers on a 2-core machine; `--only`
 * runs one of the two builds, and prints its row).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { authorsDataFile, readAuthorsData } from '../src/lib/authors/site.ts';
import { outputSize, spawnMeasured } from './measure.ts';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '../shared/papers/arxiv-cs-75k.jsonl.gz' },
    only: { type: 'string' },
  },
});
const papers = path.resolve(values.papers ?? '');

interface Measured {
  wall: number;
  peakMb: number;
  files: number;
  mb: number;
  authorFiles: number;
  authorMb: number;
  stages: string;
  authors: number;
  pages: number;
  min: number;
  rule: string;
  load: number;
}

async function cold(env: Record<string, string>): Promise<Measured> {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-authors-'));
  try {
    const load = loadavg()[0] ?? 0;
    const started = performance.now();
    const cacheDir = path.join(work, 'cache');
    const registry = path.join(work, 'permalinks.json');
    const out = path.join(work, 'dist');
    const result = await spawnMeasured(['scripts/build.ts', '--out', out], {
      env: {
        ...process.env,
        ...env,
        PAPERS: papers,
        PERMALINKS: registry,
        CACHE_DIR: cacheDir,
        ASTRO_CACHE_DIR: path.join(work, 'astro'),
      },
    });
    if (result.status !== 0) throw new Error(`build failed:\n${result.stderr.slice(-4000)}`);
    const wall = (performance.now() - started) / 1000;
    const all = outputSize(out);
    const authors = outputSize(path.join(out, 'authors'));
    const data = readAuthorsData(authorsDataFile(cacheDir, registry));
    const stages = result.stdout
      .split('\n')
      .filter((l) => /authors:|author feeds|astro build|text: render|topics {2}/.test(l))
      .map((l) => l.trim())
      .join('\n');
    return {
      wall,
      peakMb: result.peakMb,
      files: all.files,
      mb: all.bytes / 1e6,
      authorFiles: authors.files,
      authorMb: authors.bytes / 1e6,
      stages,
      authors: data.authors.length,
      pages: data.authors.filter((a) => a.slug).length,
      min: data.min,
      rule: data.rule,
      load,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const n = (x: number, digits = 0) =>
  x.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const row = (name: string, m: Measured) =>
  `| ${name} | ${n(m.authors)} | ${n(m.pages)} (${m.rule === 'setting' ? 'off' : `${m.min}+ papers`}) | ${n(m.wall, 1)} | ${n(m.peakMb)} | ${n(m.files)} | ${n(m.mb)} | ${n(m.authorFiles)} | ${n(m.authorMb, 1)} | ${m.load.toFixed(1)} |`;

if (values.only === 'on' || values.only === 'off') {
  const m = await cold(values.only === 'off' ? { AUTHOR_PAGE_MIN: '1000000' } : {});
  console.log(row(`author pages ${values.only}`, m));
  console.log(m.stages);
  process.exit(0);
}
const off = await cold({ AUTHOR_PAGE_MIN: '1000000' });
console.log('authors off', off);
const on = await cold({});
console.log('authors on', on);

const text = [
  `Author pages at ${path.basename(papers)}: two cold builds (\`node bench/authors.ts\`), ${new Date().toISOString().slice(0, 10)}, one after the other on this shared 2-core machine ("load": its 1-minute load average when the build started).`,
  '',
  '| build | authors | author pages | wall s | peak MB | files | output MB | files under authors/ | MB under authors/ | load |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  row('author pages off (AUTHOR_PAGE_MIN=1000000)', off),
  row('author pages on (default rule)', on),
  '',
  `Added by author pages: ${n(on.wall - off.wall, 1)} s of build time (${n((100 * (on.wall - off.wall)) / off.wall)}%), ${n(on.files - off.files)} files, ${n(on.mb - off.mb)} MB of output (${n((100 * (on.mb - off.mb)) / off.mb, 1)}%).`,
  '',
  'Stages of the build with author pages:',
  '',
  '```',
  on.stages,
  '```',
  '',
].join('\n');
writeFileSync('bench/authors-results.md', text);
console.log(readFileSync('bench/authors-results.md', 'utf8'));
