/**
 * Social-image render speed: median and p95 ms per image and PNG sizes over
 * synthetic cards shaped like real papers (titles of 30-300 characters, some
 * math, accents, a few CJK titles).
 *
 *   node bench/og.ts [--n 50] [--width 1200] [--concurrency 1] [--rounds 3]
 *
 * Sequential runs time every card `rounds` times and keep each card's
 * fastest time (the machine is shared, so slower repeats measure other
 * processes), then report the median and p95 over cards, split between
 * layout (satori) and rasterisation (resvg + PNG encoding). With
 * --concurrency > 1 the figure is the best round's wall time per image
 * (throughput).
 */
import { parseArgs } from 'node:util';
import { renderSocialImage, renderSocialSvg, svgToPng } from '../src/lib/og/render.ts';
import type { SocialCard } from '../src/lib/og/template.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '50' },
    width: { type: 'string', default: '1200' },
    concurrency: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '3' },
  },
});
const n = Number(values.n);
const width = Number(values.width);
const concurrency = Math.max(1, Number(values.concurrency));
const rounds = Math.max(1, Number(values.rounds));

const WORDS =
  'learning neural large language models efficient scalable diffusion transformer retrieval augmented generation graph robust multimodal reasoning benchmark via towards understanding attention sparse optimization theory bounds Schrödinger Erdős–Rényi Łukasiewicz self-supervised representation alignment reinforcement'.split(
    ' ',
  );
const MATH = [
  '$\\ell_p$',
  '$O(n^2 \\log n)$',
  '$\\mathbb{R}^d$',
  '$\\alpha$-divergence',
  '$k$-means',
];
const CJK = '大规模多模态模型的文档理解基于问答系统研究方法';

/** A deterministic pseudo-random generator, so every run sees the same cards. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function makeCards(count: number): SocialCard[] {
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const length = 30 + Math.floor(rand() * rand() * 270);
    let title = '';
    if (i % 17 === 16) {
      title = [...CJK].sort(() => rand() - 0.5).join('');
    } else {
      while (title.length < length) title += `${rand() < 0.08 ? pick(MATH) : pick(WORDS)} `;
      title = title.trim().replace(/^./, (c) => c.toUpperCase());
    }
    const authors = Array.from({ length: 1 + Math.floor(rand() * 8) }, () =>
      pick(['Ge', 'Cheng', 'Müller', 'Dvořák', 'Smith', 'Wang', 'Øksendal']),
    );
    return {
      kind: i % 10 === 9 ? 'topic' : 'paper',
      title,
      eyebrow: i % 10 === 9 ? `Topic · ${i} papers` : `${pick(WORDS)} · ${pick(WORDS)}`,
      footer: `${authors.join(', ')} · ${2015 + (i % 10)}`,
      siteName: 'Paper Browser',
    } satisfies SocialCard;
  });
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? NaN;
}
const fmt = (x: number): string => x.toFixed(1);
const sortNum = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

const cards = makeCards(n);

// Warm-up: reads and parses the fonts and loads the CJK chunks once, as a
// build does for its first image; not counted.
const warm = performance.now();
await renderSocialImage(cards[0] as SocialCard, { width });
await renderSocialImage(
  cards.find((c) => /[\u4e00-\u9fff]/.test(c.title)) ?? (cards[0] as SocialCard),
  { width },
);
console.log(`warm-up (fonts, first renders): ${fmt(performance.now() - warm)} ms`);

const sizes: number[] = [];
if (concurrency === 1) {
  const layout = cards.map(() => Infinity);
  const raster = cards.map(() => Infinity);
  const total = cards.map(() => Infinity);
  for (let round = 0; round < rounds; round++) {
    for (const [i, card] of cards.entries()) {
      const t0 = performance.now();
      const svg = await renderSocialSvg(card);
      const t1 = performance.now();
      const png = await svgToPng(svg, { width });
      const t2 = performance.now();
      layout[i] = Math.min(layout[i] ?? Infinity, t1 - t0);
      raster[i] = Math.min(raster[i] ?? Infinity, t2 - t1);
      total[i] = Math.min(total[i] ?? Infinity, t2 - t0);
      if (round === 0) sizes.push(png.byteLength);
    }
  }
  const [t, l, r] = [total, layout, raster].map(sortNum) as [number[], number[], number[]];
  console.log(`${n} cards, ${width}px wide, sequential, best of ${rounds} per card`);
  console.log(`  total ms/image: median ${fmt(quantile(t, 0.5))}, p95 ${fmt(quantile(t, 0.95))}`);
  console.log(
    `  satori (layout+SVG): median ${fmt(quantile(l, 0.5))}, p95 ${fmt(quantile(l, 0.95))}`,
  );
  console.log(
    `  resvg + PNG encode:  median ${fmt(quantile(r, 0.5))}, p95 ${fmt(quantile(r, 0.95))}`,
  );
} else {
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < cards.length) {
        const card = cards[next++] as SocialCard;
        const png = await renderSocialImage(card, { width });
        if (round === 0) sizes.push(png.byteLength);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    best = Math.min(best, performance.now() - started);
  }
  const wall = best;
  console.log(`${n} cards, ${width}px wide, ${concurrency} in flight, best of ${rounds} rounds`);
  console.log(`  wall ms/image: ${fmt(wall / n)} (${fmt((1000 * n) / wall)} images/s)`);
}
const s = sortNum(sizes);
console.log(
  `  PNG bytes: median ${Math.round(quantile(s, 0.5))}, p95 ${Math.round(quantile(s, 0.95))}, max ${s[s.length - 1]}`,
);
