import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { describe, expect, it } from 'vitest';
import { fallbackFontsFor, getBaseFonts } from '../../src/lib/og/fonts.ts';
import { renderSocialImage, renderSocialSvg } from '../../src/lib/og/render.ts';
import { DARK_THEME, socialCardElement, titleFit } from '../../src/lib/og/template.ts';
import type { OgChild, OgElement, SocialCard } from '../../src/lib/og/template.ts';
import { decodeIndexedPng, readPng } from './png.ts';

const card: SocialCard = {
  kind: 'paper',
  title: 'PDF-WuKong: A Large Multimodal Model for Efficient Long PDF Reading',
  eyebrow: 'Computer Vision · Document AI',
  footer: 'Ge, Cheng, Wang · 2024',
  siteName: 'Paper Browser',
};

/** All text in an element tree, in order. */
function texts(node: OgChild | OgChild[] | undefined): string[] {
  if (node === undefined) return [];
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  return texts((node as OgElement).props.children);
}

describe('fonts', () => {
  it('are read once and reused as the same array (satori caches by identity)', () => {
    expect(getBaseFonts()).toBe(getBaseFonts());
    expect(getBaseFonts().map((f) => f.name)).toContain('Inter Display');
  });

  it('find fallback chunks for CJK and emoji', () => {
    // Characters no fallback covers (here: unassigned code points) load nothing.
    expect(fallbackFontsFor('\u0378\u0379')).toEqual([]);
    expect(fallbackFontsFor('中文').every((f) => f.name.startsWith('Noto Sans SC'))).toBe(true);
    expect(fallbackFontsFor('中文').length).toBeGreaterThan(0);
    expect(fallbackFontsFor('😀').map((f) => f.name.split(' ').slice(0, 2).join(' '))).toContain(
      'Noto Emoji',
    );
    // The same chunk is returned as the same objects: read from disk once.
    expect(fallbackFontsFor('中')[0]).toBe(fallbackFontsFor('中')[0]);
  });
});

describe('card layout', () => {
  it('puts the title, eyebrow, footer and site name on the card', () => {
    expect(texts(socialCardElement(card))).toEqual([
      'Computer Vision · Document AI',
      card.title,
      'Ge, Cheng, Wang · 2024',
      'Paper Browser',
    ]);
  });

  it('shows math without dollar signs', () => {
    const shown = texts(socialCardElement({ ...card, title: 'Sharp $\\ell_p$ Bounds' }));
    expect(shown).toContain('Sharp ℓₚ Bounds');
  });

  it('cuts a 2,000-character title before layout', () => {
    const long = 'Antidisestablishmentarianism '.repeat(70).trim();
    const [, title] = texts(socialCardElement({ ...card, title: long }));
    expect(long.length).toBeGreaterThan(2000);
    expect(title?.length).toBeLessThan(400);
    expect(title?.endsWith('…')).toBe(true);
  });

  it('gives short titles a larger font than long ones and clamps at four lines', () => {
    const short = titleFit('Attention Is All You Need');
    const long = titleFit('word '.repeat(80));
    expect(short.fontSize).toBeGreaterThan(long.fontSize);
    expect(short.lines).toBeLessThanOrEqual(4);
    expect(long.lines).toBe(4);
  });

  it('labels cards by kind when no eyebrow is given', () => {
    const { eyebrow: _e, ...rest } = card;
    expect(texts(socialCardElement({ ...rest, kind: 'topic' }))[0]).toBe('Topic');
  });

  it('is a pure function of the card', () => {
    expect(socialCardElement(card)).toEqual(socialCardElement({ ...card }));
  });
});

describe('rendering', () => {
  it('renders a 1200×630 PNG', async () => {
    const png = await renderSocialImage(card);
    expect(readPng(png)).toMatchObject({ width: 1200, height: 630 });
  });

  it('scales to a smaller width keeping the 1.91:1 ratio', async () => {
    const png = await renderSocialImage(card, { width: 800 });
    expect(readPng(png)).toMatchObject({ width: 800, height: 420 });
  });

  it('writes the same pixels as resvg’s own encoder, in fewer bytes', async () => {
    const svg = await renderSocialSvg(card);
    const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
    const ours = await renderSocialImage(card);
    expect(Buffer.from(decodeIndexedPng(ours)).equals(image.pixels)).toBe(true);
    expect(ours.length).toBeLessThan(image.asPng().length);
  });

  it('draws text as paths, needing no fonts at rasterisation time', async () => {
    const svg = await renderSocialSvg(card);
    expect(svg).not.toContain('<text');
    expect(svg).not.toMatch(/font-family|@font-face/);
  });

  it('uses the theme colours', async () => {
    const svg = await renderSocialSvg({ ...card, theme: DARK_THEME });
    expect(svg).toContain(`fill="${DARK_THEME.background}"`);
    expect(svg).toContain(`fill="${DARK_THEME.accent}"`);
  });

  it.each([
    ['a 2,000-character title', 'Long words '.repeat(200)],
    ['a CJK title with emoji', '大规模多模态模型的文档理解：基于 PDF 的问答系统 😀'],
    ['math and accents', 'Sharp $\\ell_p$ bounds for Schrödinger on $\\mathbb{R}^d$: Erdős–Rényi'],
    ['hostile text', '<script>alert(1)</script> {}}% & \\ $unclosed \u202e'],
    ['an empty title', ''],
  ])('renders %s', async (_name, title) => {
    const png = await renderSocialImage({ ...card, title });
    expect(readPng(png)).toMatchObject({ width: 1200, height: 630 });
  });

  it('draws CJK glyphs from the fallback font instead of empty boxes', async () => {
    // Without the fallback, satori draws each missing glyph as a simple box;
    // real Han glyphs are far more complex outlines.
    const element = socialCardElement({ ...card, title: '中文字体', eyebrow: '', footer: '' });
    // Fresh font data: satori keeps the fallbacks it loaded for the shared fonts.
    const fresh = getBaseFonts().map((f) => ({ ...f, data: Buffer.from(new Uint8Array(f.data)) }));
    const without = await satori(element as never, { width: 1200, height: 630, fonts: fresh });
    const withFallback = await renderSocialSvg({
      ...card,
      title: '中文字体',
      eyebrow: '',
      footer: '',
    });
    // Outline data of the paths that start in the title band (y 110-530).
    const pathData = (svg: string) =>
      [...svg.matchAll(/ d="M\s*[-\d.]+[ ,]([-\d.]+)([^"]*)"/g)]
        .filter((m) => Number(m[1]) > 110 && Number(m[1]) < 530)
        .reduce((n, m) => n + (m[2]?.length ?? 0), 0);
    expect(pathData(withFallback)).toBeGreaterThan(2 * pathData(without));
  });
});
