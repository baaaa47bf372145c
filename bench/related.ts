/**
 * Benchmark of related papers and the map (src/lib/related).
 *
 *   npm run bench:related                 # everything below
 *   npm run bench:related -- ir           # IR cluster metric on ../shared/ir
 *   npm run bench:related -- scale        # time and peak memory at 198 / 10k / 74,728 papers
 *   npm run bench:related -- scale --sizes 10000 --repeat 3
 *   npm run bench:related -- examples     # related lists of the bundled papers
 *   npm run bench:related -- recall       # pruned search vs exact cosine, 300 sampled papers of 74,728
 *
 * IR cluster metric: in each collection, the relevant documents of each
 * judged query (gain > 0) form a cluster. For every relevant document of a
 * query with at least two, we check whether its 5 related documents (computed
 * over the whole collection, queries unseen) include another relevant document
 * of the same query. `hit@5` is the share of such documents; `prec@5` the mean
 * share of the 5 related that are relevant to the query; `chance` is the hit
 * rate 5 random documents would get.
 *
 * Scale: each size runs in a fresh child process so that peak RSS (max
 * resident set size) is that size's alone. Per run: a cold build, a rebuild
 * from the JSON round-tripped cache with nothing changed, and a rebuild with
 * one paper's abstract changed. Wall times are noisy on a shared 2-core
 * machine, so CPU time (user + system) is printed too; medians over --repeat.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import {
  type RelatedCache,
  type RelatedDoc,
  computeLayout,
  computeRelated,
  isRelatedCache,
} from '../src/lib/related/index.ts';
import { DEFAULT_SEARCH, exactScores, knnGraph } from '../src/lib/related/neighbours.ts';
import { Vocabulary } from '../src/lib/related/tokens.ts';
import { buildVectors } from '../src/lib/related/vectors.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const shared =
  [path.resolve(root, '../shared'), '/work/shared'].find((p) => existsSync(p)) ?? '../shared';

const digest = (title: string, abstract: string): string =>
  createHash('sha256').update(`${title}\n${abstract}`).digest('hex').slice(0, 16);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

// ---------------------------------------------------------------- IR metric

interface IrResult {
  name: string;
  docs: number;
  queries: number;
  members: number;
  hit: number;
  precision: number;
  chance: number;
  ms: number;
}

function readJsonLines<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export function irMetric(
  name: string,
  k = 5,
  options: Parameters<typeof computeRelated>[1] = {},
): IrResult {
  const dir = path.join(shared, 'ir', name);
  const raw = readJsonLines<{ id: string; title: string; abstract: string }>(
    path.join(dir, 'docs.jsonl'),
  );
  const docs: RelatedDoc[] = raw.map((d) => ({
    id: String(d.id),
    title: d.title ?? '',
    abstract: d.abstract ?? '',
    digest: digest(d.title ?? '', d.abstract ?? ''),
  }));
  const ids = new Set(docs.map((d) => d.id));
  const clusters = new Map<string, Set<string>>();
  for (const line of readFileSync(path.join(dir, 'qrels.tsv'), 'utf8').split('\n')) {
    const [qid, docid, gain] = line.split('\t');
    if (!qid || !docid || !(Number(gain) > 0) || !ids.has(docid)) continue;
    let set = clusters.get(qid);
    if (!set) clusters.set(qid, (set = new Set()));
    set.add(docid);
  }
  const t = performance.now();
  const { related } = computeRelated(docs, { ...options, k });
  const ms = performance.now() - t;
  let members = 0;
  let hits = 0;
  let precision = 0;
  let chance = 0;
  let queries = 0;
  const N = docs.length;
  for (const set of clusters.values()) {
    if (set.size < 2) continue;
    queries++;
    for (const d of set) {
      members++;
      const list = related.get(d) ?? [];
      const rel = list.filter((nb) => set.has(nb.id)).length;
      if (rel > 0) hits++;
      precision += rel / k;
      // Chance that k documents drawn from the other N-1 miss all |set|-1 others.
      let miss = 1;
      for (let i = 0; i < k; i++) miss *= (N - 1 - (set.size - 1) - i) / (N - 1 - i);
      chance += 1 - miss;
    }
  }
  return {
    name,
    docs: N,
    queries,
    members,
    hit: hits / members,
    precision: precision / members,
    chance: chance / members,
    ms,
  };
}

function runIr(): void {
  const names = ['cranfield', 'med', 'cisi', 'cacm'];
  console.log(
    '| collection | docs | queries (>=2 relevant) | relevant docs | hit@5 | prec@5 | chance hit@5 | time |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const rows = names.map((n) => irMetric(n));
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.docs} | ${r.queries} | ${r.members} | ${(100 * r.hit).toFixed(1)}% | ${(100 * r.precision).toFixed(1)}% | ${(100 * r.chance).toFixed(1)}% | ${r.ms.toFixed(0)} ms |`,
    );
  }
  const mean = rows.reduce((s, r) => s + r.hit, 0) / rows.length;
  console.log(`\nmean hit@5 over the four collections: ${(100 * mean).toFixed(1)}%`);
}

// ---------------------------------------------------------------- scale

async function readArxiv(limit: number): Promise<RelatedDoc[]> {
  const file = path.join(shared, 'papers', 'arxiv-cs-75k.jsonl.gz');
  const out: RelatedDoc[] = [];
  const rl = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const line of rl) {
    if (out.length >= limit) break;
    if (!line.trim()) continue;
    const o = JSON.parse(line) as { arxiv: string; title: string; abstract: string };
    out.push({
      id: o.arxiv,
      title: o.title,
      abstract: o.abstract,
      digest: digest(o.title, o.abstract),
    });
  }
  rl.close();
  return out;
}

/** The bundled list: through the ingest module when it loads, else the plain page format. */
async function readBundled(): Promise<RelatedDoc[]> {
  const file = path.join(root, 'src/content/papers.txt');
  try {
    const ingest = (await import('../src/lib/ingest/index.ts')) as {
      readPapers: (f: string) => Promise<{ papers: { title: string; abstract: string }[] }>;
    };
    const { papers } = await ingest.readPapers(file);
    if (papers.length > 0) {
      return papers.map((p, i) => ({
        id: `p${String(i).padStart(3, '0')}`,
        title: p.title,
        abstract: p.abstract,
        digest: digest(p.title, p.abstract),
      }));
    }
  } catch {
    // Fall through to the simple parser.
  }
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .slice(2)
    .filter((l) => l.trim());
  if (lines[0]) lines[0] = lines[0].replace(/^Subscribe/u, '');
  const out: RelatedDoc[] = [];
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const title = lines[i] as string;
    const abstract = lines[i + 1] as string;
    out.push({
      id: `p${String(i / 2).padStart(3, '0')}`,
      title,
      abstract,
      digest: digest(title, abstract),
    });
  }
  return out;
}

interface ScaleRun {
  n: number;
  coldRelated: number;
  coldLayout: number;
  coldCpu: number;
  cacheMB: number;
  stringify: number;
  parse: number;
  warmRelated: number;
  warmLayout: number;
  oneRelated: number;
  oneLayout: number;
  oneRecomputed: number;
  oneCpu: number;
  baseRssMB: number;
  /** Peak RSS right after the cold build (the rest of the run holds more). */
  coldPeakRssMB: number;
  peakRssMB: number;
  /** Wall ms per step of the cold build (related steps, then `layout`). */
  stages: Record<string, number>;
}

function cpuMs(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
}

/** One measured run at `n` papers (in this process). */
async function scaleChild(n: number): Promise<ScaleRun> {
  const docs = n <= 198 ? await readBundled() : await readArxiv(n);
  const baseRssMB = process.memoryUsage().rss / 2 ** 20;

  let cpu = process.cpuUsage();
  let t = performance.now();
  const cold = computeRelated(docs);
  const coldRelated = performance.now() - t;
  t = performance.now();
  const coldMap = computeLayout(cold.graph);
  const coldLayout = performance.now() - t;
  const coldCpu = cpuMs(cpu);
  const coldPeakRssMB = process.resourceUsage().maxRSS / 1024;

  t = performance.now();
  const json = JSON.stringify({ ...cold.cache, layout: coldMap.cache });
  const stringify = performance.now() - t;
  t = performance.now();
  const parsed: unknown = JSON.parse(json);
  const parse = performance.now() - t;
  if (!isRelatedCache(parsed)) throw new Error('cache did not survive JSON');
  const cache: RelatedCache = parsed;

  t = performance.now();
  const warm = computeRelated([...docs].reverse(), { cache });
  const warmRelated = performance.now() - t;
  t = performance.now();
  const warmMap = computeLayout(warm.graph, { cache: cache.layout });
  const warmLayout = performance.now() - t;
  if (warm.stats.mode !== 'cached' || warmMap.stats.mode !== 'cached')
    throw new Error('warm rebuild missed the cache');

  // One paper edited: a sentence appended to its abstract.
  const edited = docs.map((d, i) =>
    i === Math.floor(docs.length / 2)
      ? {
          ...d,
          abstract: `${d.abstract} We also release a benchmark of graph neural networks for molecule retrieval.`,
          digest: `${d.digest}-edited`,
        }
      : d,
  );
  cpu = process.cpuUsage();
  t = performance.now();
  const one = computeRelated(edited, { cache });
  const oneRelated = performance.now() - t;
  t = performance.now();
  computeLayout(one.graph, { cache: cache.layout });
  const oneLayout = performance.now() - t;
  const oneCpu = cpuMs(cpu);

  return {
    n: docs.length,
    coldRelated,
    coldLayout,
    coldCpu,
    cacheMB: Buffer.byteLength(json) / 2 ** 20,
    stringify,
    parse,
    warmRelated,
    warmLayout,
    oneRelated,
    oneLayout,
    oneRecomputed: one.stats.recomputed,
    oneCpu,
    baseRssMB,
    coldPeakRssMB,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    stages: { ...cold.stats.stages, layout: coldMap.stats.ms },
  };
}

function runScale(sizes: number[], repeat: number): void {
  const rows: ScaleRun[][] = sizes.map(() => []);
  for (let r = 0; r < repeat; r++) {
    sizes.forEach((n, i) => {
      const out = execFileSync(
        process.execPath,
        [fileURLToPath(import.meta.url), 'scale-child', String(n)],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 24,
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      const run = JSON.parse(out.trim().split('\n').pop() as string) as ScaleRun;
      console.error(
        `n=${run.n} run ${r + 1}/${repeat}: ${JSON.stringify(run, (_k, x: unknown) => (typeof x === 'number' ? Math.round(x * 10) / 10 : x))}`,
      );
      (rows[i] as ScaleRun[]).push(run);
    });
  }
  const f = (runs: ScaleRun[], key: Exclude<keyof ScaleRun, 'stages'>, digits = 0): string =>
    median(runs.map((x) => x[key])).toFixed(digits);
  console.log(`medians of ${repeat} run(s); times are wall-clock ms unless marked CPU\n`);
  console.log(
    '| papers | cold related | cold map | cold total | cold CPU | peak RSS: input loaded / after cold build / whole run | cache JSON | warm related + map | JSON parse | 1 edited: related + map (lists recomputed) | 1 edited CPU |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const stageLines: string[] = [];
  for (const runs of rows) {
    const total = median(runs.map((x) => x.coldRelated + x.coldLayout));
    const warm = median(runs.map((x) => x.warmRelated + x.warmLayout));
    const one = median(runs.map((x) => x.oneRelated + x.oneLayout));
    stageLines.push(
      `| ${runs[0]?.n ?? 0} | ${Object.keys(runs[0]?.stages ?? {})
        .map((key) => `${key} ${median(runs.map((x) => x.stages[key] ?? 0)).toFixed(0)}`)
        .join(' · ')} |`,
    );
    console.log(
      `| ${runs[0]?.n ?? 0} | ${f(runs, 'coldRelated')} | ${f(runs, 'coldLayout')} | ${total.toFixed(0)} | ${f(runs, 'coldCpu')} | ${f(runs, 'baseRssMB')} / ${f(runs, 'coldPeakRssMB')} / ${f(runs, 'peakRssMB')} MB | ${f(runs, 'cacheMB', 1)} MB | ${warm.toFixed(0)} | ${f(runs, 'parse')} | ${one.toFixed(0)} (${f(runs, 'oneRecomputed')}) | ${f(runs, 'oneCpu')} |`,
    );
  }
  console.log('\ncold build, wall ms per step (medians)\n');
  console.log('| papers | steps |');
  console.log('| ---: | --- |');
  for (const line of stageLines) console.log(line);
}

// ---------------------------------------------------------------- recall

/**
 * How much the pruned search loses: for sampled papers, the share of the
 * exact top 5 / top 10 (cosine against every paper) that the search finds.
 */
async function runRecall(n: number, samples: number): Promise<void> {
  const docs = await readArxiv(n);
  const vocab = new Vocabulary();
  const v = buildVectors(
    [...docs]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((d) => vocab.docWords(d.title, d.abstract)),
    vocab,
  );
  const k = 10;
  const t = performance.now();
  const g = knnGraph(v, { ...DEFAULT_SEARCH, k });
  const ms = performance.now() - t;
  let hit5 = 0;
  let hit10 = 0;
  for (let i = 0; i < samples; i++) {
    const q = Math.floor(((i + 0.5) * v.n) / samples);
    const exact = exactScores(v, q);
    exact[q] = -1;
    const truth = Array.from(exact.keys())
      .sort((a, b) => (exact[b] as number) - (exact[a] as number) || a - b)
      .slice(0, k);
    const got = Array.from(g.index.subarray(q * k, q * k + (g.count[q] as number)));
    const got5 = new Set(got.slice(0, 5));
    const got10 = new Set(got);
    hit5 += truth.slice(0, 5).filter((d) => got5.has(d)).length;
    hit10 += truth.filter((d) => got10.has(d)).length;
  }
  console.log(
    `${v.n} papers, ${samples} sampled: recall@5 ${(hit5 / (5 * samples)).toFixed(3)}, recall@10 ${(hit10 / (10 * samples)).toFixed(3)} (search ${ms.toFixed(0)} ms, options ${JSON.stringify(DEFAULT_SEARCH)})`,
  );
}

// ---------------------------------------------------------------- examples

async function runExamples(which: string[]): Promise<void> {
  const docs = await readBundled();
  const title = new Map(docs.map((d) => [d.id, d.title]));
  const { related } = computeRelated(docs);
  const pick = which.length > 0 ? which : docs.map((d) => d.id);
  for (const id of pick) {
    console.log(`\n${id} ${title.get(id) ?? '?'}`);
    for (const nb of related.get(id) ?? []) {
      console.log(
        `  ${nb.score.toFixed(3)}  ${nb.id} ${title.get(nb.id) ?? '?'}  [${nb.terms.join(', ')}]`,
      );
    }
  }
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const [cmd = 'all', ...rest] = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const sizes = (flag('--sizes') ?? '198,10000,74728').split(',').map(Number);
  const repeat = Number(flag('--repeat') ?? 1);
  if (cmd === 'scale-child') {
    const run = await scaleChild(Number(rest[0]));
    console.log(JSON.stringify(run));
    return;
  }
  if (cmd === 'ir' || cmd === 'all') runIr();
  if (cmd === 'scale' || cmd === 'all') {
    console.log('');
    runScale(sizes, repeat);
  }
  if (cmd === 'examples') await runExamples(rest);
  if (cmd === 'recall')
    await runRecall(Number(flag('--size') ?? 74728), Number(flag('--samples') ?? 300));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await main();
