/**
 * Lighthouse scores of a built site: home, papers list, a paper whose
 * abstract has math, a topic and a search page, each audited 3 times with
 * Lighthouse's default (mobile) config in headless Chromium; the table holds
 * the median of each category and of LCP, TBT and CLS. Targets: performance
 * at least 95, accessibility, best practices and SEO 100; exits non-zero when
 * a median misses one and prints the audits that cost the points.
 * Writes bench/lighthouse-results.md.
 * Usage: node bench/lighthouse.ts [--dist dist] [--runs 3]
 *
 * The site is served on a free local port, gzipped as static hosts serve it.
 * Canonical links keep the origin the site was built for (`SITE_URL`):
 * Lighthouse 12's canonical audit checks that the link is absolute, single
 * and not the home page for every page, but does not compare origins, so a
 * build for another origin audits the same as one for localhost.
 * Chromium: CHROME_PATH, PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, /usr/bin/chromium
 * where it exists, else whatever chrome-launcher finds.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { format, resolveConfig } from 'prettier';
import type { Result } from 'lighthouse';

const { values } = parseArgs({
  options: { dist: { type: 'string', default: 'dist' }, runs: { type: 'string', default: '3' } },
});
const dist = path.resolve(values.dist ?? 'dist');
const runs = Math.max(1, Number(values.runs));
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(`No built site in ${dist}: run npm run build (or pass --dist).`);
  process.exit(2);
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
const TARGET: Record<Category, number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
};

/** The first paper (by folder name) whose page has typeset math. */
function paperWithMath(): string {
  const dir = path.join(dist, 'papers');
  for (const slug of readdirSync(dir).sort()) {
    const file = path.join(dir, slug, 'index.html');
    if (existsSync(file) && readFileSync(file, 'utf8').includes('class="katex"'))
      return `/papers/${slug}/`;
  }
  throw new Error(`No paper page in ${dir} has math (class="katex").`);
}

/** The first topic page (by folder name); `by-name` is the A–Z index, not a topic. */
function firstTopic(): string {
  const dir = path.join(dist, 'topics');
  const slug = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'by-name')
    .map((e) => e.name)
    .sort()
    .find((name) => existsSync(path.join(dir, name, 'index.html')));
  if (!slug) throw new Error(`No topic page in ${dir}.`);
  return `/topics/${slug}/`;
}

const PAGES: [string, string][] = [
  ['home', '/'],
  ['papers list', '/papers/'],
  ['paper with math', paperWithMath()],
  ['topic', firstTopic()],
  ['search', '/search/?q=diffusion'],
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.bib': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

/**
 * Serves the site as scripts/serve.ts does (files by path, `index.html` for
 * folders, `404.html` with status 404 otherwise), but gzips text the way
 * static hosts do: sirv sends it uncompressed, and Lighthouse's simulated
 * slow network would charge every visitor bytes that no host sends.
 */
function serve(root: string): Server {
  const cache = new Map<string, Buffer>();
  return createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      pathname = '/\0'; // malformed: answered as a miss
    }
    let file = path.join(root, path.normalize(pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    let status = 200;
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      status = 404;
      file = path.join(root, '404.html');
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    let body: Buffer = existsSync(file) ? readFileSync(file) : Buffer.from('Not found');
    const headers: Record<string, string> = { 'Content-Type': type };
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      let gz = cache.get(file);
      if (!gz) cache.set(file, (gz = gzipSync(body)));
      body = gz;
      headers['Content-Encoding'] = 'gzip';
      headers['Vary'] = 'Accept-Encoding';
    }
    headers['Content-Length'] = String(body.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
}

const server = serve(dist);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const chromePath =
  process.env.CHROME_PATH ??
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH ??
  (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const chrome = await launch({
  ...(chromePath ? { chromePath } : {}),
  chromeFlags: ['--headless=new', '--no-sandbox'],
});

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const at = (i: number) => s[i] ?? NaN;
  return s.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
};

interface Row {
  name: string;
  path: string;
  scores: Record<Category, number>;
  lcp: number;
  tbt: number;
  cls: number;
  /** Audits of categories below target that lost points, with how many runs they did. */
  failed: Map<string, { category: Category; title: string; detail: string; runs: number }>;
}

// The full version (the user agent string gives only the major one).
const browser = await fetch(`http://127.0.0.1:${chrome.port}/json/version`)
  .then((r) => r.json() as Promise<{ Browser: string }>)
  .then((v) => v.Browser)
  .catch(() => 'Chromium');
const rows: Row[] = [];
/**
 * Audits that errored in some run: with Debian's Chromium 156, Lighthouse 12.2.3's trace
 * engine fails on its screenshots ('frame_sequence'), which breaks a few diagnostics
 * (LCP element, layout shifts, render-blocking); the metrics and scores are unaffected.
 */
const unrun = new Set<string>();
let version = '';
try {
  for (const [name, pagePath] of PAGES) {
    const lhrs: Result[] = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(`${origin}${pagePath}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${pagePath}`);
      if (result.lhr.runtimeError)
        throw new Error(
          `${pagePath}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`,
        );
      lhrs.push(result.lhr);
    }
    const score = (lhr: Result, c: Category) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const metric = (id: string) => median(lhrs.map((l) => l.audits[id]?.numericValue ?? NaN));
    const scores = Object.fromEntries(
      CATEGORIES.map((c) => [c, median(lhrs.map((l) => score(l, c)))]),
    ) as Record<Category, number>;
    const failed: Row['failed'] = new Map();
    for (const lhr of lhrs)
      for (const c of CATEGORIES) {
        if (scores[c] >= TARGET[c]) continue;
        for (const ref of lhr.categories[c]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (!audit) continue;
          // An audit that could not run leaves its category without a score (counted as 0).
          const broken = audit.scoreDisplayMode === 'error' && ref.weight > 0;
          // Performance: the metrics and the opportunities that scored below "good".
          const bad =
            audit.score !== null &&
            ['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode) &&
            audit.score < (c === 'performance' ? 0.9 : 1);
          if (!broken && !bad) continue;
          const seen = failed.get(ref.id);
          if (seen) seen.runs++;
          else
            failed.set(ref.id, {
              category: c,
              title: audit.title,
              detail: (broken ? audit.errorMessage : audit.displayValue) ?? '',
              runs: 1,
            });
        }
      }
    for (const lhr of lhrs)
      for (const [id, audit] of Object.entries(lhr.audits))
        if (audit.scoreDisplayMode === 'error') unrun.add(id);
    version = lhrs[0]?.lighthouseVersion ?? version;
    rows.push({
      name,
      path: pagePath,
      scores,
      lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      failed,
    });
    console.error(`${name} (${pagePath}): ${CATEGORIES.map((c) => scores[c]).join(' / ')}`);
  }
} finally {
  chrome.kill();
  server.close();
}

const cpus = os.cpus();
const machine = `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM`;
const table = [
  '| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.name} (\`${r.path}\`) | ${CATEGORIES.map((c) => r.scores[c]).join(' | ')} | ` +
      `${(r.lcp / 1000).toFixed(2)} s | ${Math.round(r.tbt)} ms | ${r.cls.toFixed(3)} |`,
  ),
].join('\n');
const papers = readdirSync(path.join(dist, 'papers'), { withFileTypes: true }).filter((e) =>
  existsSync(path.join(dist, 'papers', e.name, 'index.html')),
).length;

const relative = path.relative(process.cwd(), dist);
const siteDir = relative && !relative.startsWith('..') ? relative : dist;

const misses: string[] = [];
for (const r of rows)
  for (const c of CATEGORIES) {
    if (r.scores[c] >= TARGET[c]) continue;
    misses.push(`${r.name} (${r.path}): ${c} ${r.scores[c]} < ${TARGET[c]}`);
    for (const [id, a] of r.failed)
      if (a.category === c)
        misses.push(
          `  - ${id}: ${a.title}${a.detail ? ` (${a.detail})` : ''} [${a.runs}/${runs} runs]`,
        );
  }
const notes = [
  ...(misses.length ? ['Below target:', '', '```', ...misses, '```', ''] : []),
  ...(unrun.size
    ? [
        `Audits that errored (no weight in the scores unless listed above): ${[...unrun].sort().join(', ')}.`,
        '',
      ]
    : []),
];
const text = [
  '# Lighthouse',
  '',
  `${new Date().toISOString().slice(0, 10)}: Lighthouse ${version} (default mobile config, simulated ` +
    `throttling), ${browser} headless (${chromePath ?? 'found by chrome-launcher'}); ${machine}.`,
  `Site: ${siteDir}/ (${papers.toLocaleString('en')} papers), ` +
    `served gzipped from 127.0.0.1. Median of ${runs} run${runs === 1 ? '' : 's'} per page. ` +
    'Targets: performance ≥ 95, the others 100.',
  '',
  table,
  '',
  ...notes,
].join('\n');
const out = 'bench/lighthouse-results.md';
// Formatted as `npm run check` wants it, so a fresh run leaves the tree clean.
writeFileSync(out, await format(text, { ...(await resolveConfig(out)), filepath: out }));
console.log(`\n${table}\n`);
if (misses.length) console.log(`${misses.join('\n')}\n`);
if (unrun.size) console.log(notes.at(-2));
process.exit(misses.length ? 1 : 0);
