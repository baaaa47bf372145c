/**
 * Fonts for the social images, read from local npm packages (no network).
 *
 * - Base set, read once per process and handed to satori as the same array on
 *   every render (satori caches parsed fonts by that array's identity): the
 *   full Inter 4 from `inter-ui` (Latin, Greek, Cyrillic, Vietnamese,
 *   super/subscripts, arrows; WOFF2, which satori decodes) with Inter Display
 *   Bold, Inter's cut for large sizes, for titles; plus Noto Sans Math for the
 *   symbols math titles turn into (∑, ≤, 𝒪, ℝ, ⟨⟩).
 * - Fallbacks, read only when a title needs them (satori's
 *   `loadAdditionalAsset` hook): Noto Sans SC for Han and kana, Noto Emoji
 *   (monochrome) for emoji. Both ship as ~100 unicode-range chunks, so a CJK
 *   title pulls in only the few chunks that hold its characters.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Font, FontWeight } from 'satori';

const require = createRequire(import.meta.url);

/** Family for small text (eyebrow, footer, site name): 400 and 600. */
export const TEXT_FAMILY = 'Inter';
/** Family for the title: Inter Display Bold. */
export const DISPLAY_FAMILY = 'Inter Display';

/** Directory of an installed package, found the way Node resolves it. */
export function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

function readFont(pkg: string, file: string): Buffer {
  return readFileSync(join(packageDir(pkg), file));
}

let baseFonts: Font[] | undefined;

/**
 * The base fonts, read from disk on first call and then the very same array
 * on every call (which is what lets satori reuse its parsed copies).
 */
export function getBaseFonts(): Font[] {
  baseFonts ??= [
    // The first font is satori's default for measuring.
    {
      name: TEXT_FAMILY,
      weight: 400,
      style: 'normal',
      data: readFont('inter-ui', 'web/Inter-Regular.woff2'),
    },
    {
      name: TEXT_FAMILY,
      weight: 600,
      style: 'normal',
      data: readFont('inter-ui', 'web/Inter-SemiBold.woff2'),
    },
    {
      name: DISPLAY_FAMILY,
      weight: 700,
      style: 'normal',
      data: readFont('inter-ui', 'display/InterDisplay-Bold.woff2'),
    },
    // The package labels its only file "latin", but it holds the full math set.
    {
      name: 'Noto Sans Math',
      weight: 400,
      style: 'normal',
      data: readFont('@fontsource/noto-sans-math', 'files/noto-sans-math-latin-400-normal.woff'),
    },
  ];
  return baseFonts;
}

interface FallbackFamily {
  /** npm package holding the files. */
  pkg: string;
  /** File name prefix, e.g. `noto-sans-sc`. */
  prefix: string;
  /** Family name given to satori (suffixed with the chunk). */
  family: string;
  weights: readonly FontWeight[];
  /** Code point -> chunk number, built on first use from the package's unicode.json. */
  chunks?: Map<number, string>;
}

const CJK: FallbackFamily = {
  pkg: '@fontsource/noto-sans-sc',
  prefix: 'noto-sans-sc',
  family: 'Noto Sans SC',
  weights: [400, 700],
};
const EMOJI: FallbackFamily = {
  pkg: '@fontsource/noto-emoji',
  prefix: 'noto-emoji',
  family: 'Noto Emoji',
  weights: [400],
};

/** Parses a CSS unicode-range list like `U+4e00-4e5f,U+3000`. */
export function parseUnicodeRange(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const part of text.split(',')) {
    const m = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m?.[1]) continue;
    const start = parseInt(m[1], 16);
    out.push([start, m[2] ? parseInt(m[2], 16) : start]);
  }
  return out;
}

/** The chunk of `family` whose unicode range holds code point `cp`, if any. */
function chunkFor(family: FallbackFamily, cp: number): string | undefined {
  if (!family.chunks) {
    const table = JSON.parse(
      readFileSync(join(packageDir(family.pkg), 'unicode.json'), 'utf8'),
    ) as Record<string, string>;
    const chunks = new Map<number, string>();
    for (const [key, value] of Object.entries(table)) {
      // Only the numbered chunks ("[42]"): the named Latin/Cyrillic subsets
      // are covered by Inter already.
      const m = /^\[(\d+)\]$/.exec(key);
      if (!m?.[1]) continue;
      for (const [start, end] of parseUnicodeRange(value)) {
        // First chunk listed wins, so the choice is deterministic.
        for (let c = start; c <= end; c++) if (!chunks.has(c)) chunks.set(c, m[1]);
      }
    }
    family.chunks = chunks;
  }
  return family.chunks.get(cp);
}

const EMOJI_LIKE = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u200d|\ufe0f|\u20e3/u;

/** Fallback chunk files already read, by `family|chunk`, so each is read once per process. */
const loaded = new Map<string, Font[]>();

function chunkFonts(family: FallbackFamily, chunk: string): Font[] {
  const key = `${family.family}|${chunk}`;
  let fonts = loaded.get(key);
  if (!fonts) {
    fonts = family.weights.map((weight) => ({
      name: `${family.family} ${chunk}`,
      weight,
      style: 'normal' as const,
      data: readFont(family.pkg, `files/${family.prefix}-${chunk}-${weight}-normal.woff`),
    }));
    loaded.set(key, fonts);
  }
  return fonts;
}

/**
 * The fallback fonts that cover the characters of `segment` (text satori
 * found no glyph for in the fonts it has). Emoji go to Noto Emoji first,
 * everything else to Noto Sans SC first, then the other.
 */
export function fallbackFontsFor(segment: string): Font[] {
  const chunks = new Map<string, [FallbackFamily, string]>();
  for (const ch of segment) {
    const cp = ch.codePointAt(0) ?? 0;
    const order = EMOJI_LIKE.test(ch) ? [EMOJI, CJK] : [CJK, EMOJI];
    for (const family of order) {
      const chunk = chunkFor(family, cp);
      if (chunk !== undefined) {
        chunks.set(`${family.family}|${chunk}`, [family, chunk]);
        break;
      }
    }
  }
  return [...chunks.values()].flatMap(([family, chunk]) => chunkFonts(family, chunk));
}

/** satori's `loadAdditionalAsset` hook: always fonts, never images. */
export function loadAdditionalAsset(_languageCode: string, segment: string): Promise<Font[]> {
  return Promise.resolve(fallbackFontsFor(segment));
}

/**
 * Versions of the packages whose output ends up in the image, so that the
 * cache key changes when any of them is upgraded.
 */
export function rendererFingerprint(): string {
  return [
    'satori',
    '@resvg/resvg-js',
    'inter-ui',
    '@fontsource/noto-sans-math',
    '@fontsource/noto-sans-sc',
    '@fontsource/noto-emoji',
  ]
    .map((name) => {
      const pkg = JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as {
        version?: string;
      };
      return `${name}@${pkg.version ?? '?'}`;
    })
    .join(' ');
}
