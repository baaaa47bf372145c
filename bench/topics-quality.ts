/**
 * `npm run bench:topics -- --papers <list>`: the topics of a list as a
 * reader would judge them (names, sizes, examples) and as numbers
 * (coherence, category purity against LSA + k-means). See bench/topics.ts.
 */
import { parseArgs } from 'node:util';
import { readPapers } from '../src/lib/ingest/index.ts';
import { assignSlugs } from '../src/lib/ingest/slug.ts';
import { mulberry32 } from '../src/lib/related/prng.ts';
import { discoverTopics, OTHER_SLUG } from '../src/lib/topics/index.ts';
import { coherence, kmeans, lsa, purity, tfidfVectors } from '../src/lib/topics/quality.ts';

interface BenchPaper {
  slug: string;
  title: string;
  abstract: string;
  categories: string[];
}

/** A seeded sample of `size` papers (Fisher-Yates on the indexes), in list order. */
function sample<T>(items: readonly T[], size: number, seed: number): T[] {
  if (size >= items.length) return [...items];
  const rand = mulberry32(seed);
  const idx = items.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
  }
  return idx
    .slice(0, size)
    .sort((a, b) => a - b)
    .map((i) => items[i] as T);
}

export async function quality(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      papers: { type: 'string', multiple: true },
      sample: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'no-baseline': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const all: BenchPaper[] = [];
  for (const file of values.papers ?? []) {
    const { papers } = await readPapers(file);
    for (const p of papers) all.push(p as unknown as BenchPaper);
  }
  const chosen = values.sample ? sample(all, Number(values.sample), Number(values.seed)) : all;
  const papers = assignSlugs(chosen as never[]) as unknown as BenchPaper[];
  const n = papers.length;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const d = discoverTopics(papers);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  const row = new Map(papers.map((p, i) => [p.slug, i]));
  const leaves = d.topics.filter((t) => !t.children);
  const members = new Map(leaves.map((t) => [t.slug, t.papers.map((s) => row.get(s) as number)]));
  const v = tfidfVectors(papers);
  const coh = coherence(v, members);
  const areaCoh = coherence(
    v,
    new Map(
      d.topics
        .filter((t) => t.children)
        .map((t) => [t.slug, t.papers.map((s) => row.get(s) as number)]),
    ),
  );
  const title = (slug: string) =>
    papers[row.get(slug) as number]?.title.replace(/\s+/gu, ' ') ?? '';
  const bySlug = new Map(d.topics.map((t) => [t.slug, t]));
  const line = (slug: string, indent: string, c: number | undefined) => {
    const t = bySlug.get(slug);
    if (!t) return;
    const step = Math.max(1, Math.floor(t.papers.length / 3));
    const examples = [0, step, 2 * step]
      .map((i) => t.papers[i])
      .filter((s): s is string => s !== undefined)
      .slice(0, 3);
    console.log(
      `${indent}${t.name} (${t.papers.length}${c !== undefined ? `, coherence ${c.toFixed(2)}` : ''})`,
    );
    for (const s of examples) console.log(`${indent}    · ${title(s).slice(0, 110)}`);
  };
  const areas = d.topics.filter((t) => t.children);
  if (areas.length) {
    for (const area of areas) {
      line(area.slug, '', areaCoh.byTopic.get(area.slug));
      for (const child of area.children ?? []) line(child, '    ', coh.byTopic.get(child));
    }
    for (const t of leaves.filter((x) => !x.parent)) line(t.slug, '', coh.byTopic.get(t.slug));
  } else {
    for (const t of leaves) line(t.slug, '', coh.byTopic.get(t.slug));
  }

  const main = papers.map((p) => {
    const slug = d.byPaper.get(p.slug)?.[0]?.topic;
    return slug === undefined || slug === OTHER_SLUG
      ? -1
      : leaves.findIndex((t) => t.slug === slug);
  });
  const perPaper = [0, 0, 0, 0];
  for (const list of d.byPaper.values()) perPaper[list.length] = (perPaper[list.length] ?? 0) + 1;
  const memberships = [...members.values()].reduce((a, m) => a + m.length, 0);
  const largest = Math.max(...leaves.map((t) => t.papers.length));
  console.log('');
  console.log(
    `papers ${n} · discovery ${(ms / 1000).toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s) · ${areas.length} areas · ${leaves.length} topics`,
  );
  console.log(
    `topics per paper (1/2/3): ${perPaper.slice(1).join(' / ')} · memberships ${memberships}`,
  );
  console.log(`largest topic ${largest} (${((100 * largest) / n).toFixed(1)}% of the list)`);
  console.log(
    `coherence: random-pair cosine ${coh.baseline.toFixed(4)}; median topic ${median([...coh.byTopic.values()]).toFixed(2)}; memberships in topics below 1.5: ${(100 * coh.lowShare).toFixed(1)}%`,
  );
  const cats = papers.map((p) => p.categories?.[0]);
  if (cats.filter(Boolean).length >= n / 2) {
    const ours = purity(main, cats);
    let base: number | undefined;
    if (!values['no-baseline']) {
      const k = leaves.filter((t) => t.slug !== OTHER_SLUG).length;
      base = purity(kmeans(lsa(v), k), cats);
    }
    console.log(
      `category purity (main topic vs main arXiv category): ${ours.toFixed(3)}${base !== undefined ? ` · LSA + k-means (k = ${leaves.length}): ${base.toFixed(3)} · difference ${(ours - base).toFixed(3)}` : ''}`,
    );
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor(s.length / 2)] as number) : 0;
}
