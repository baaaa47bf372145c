/**
 * A content-addressed file cache for social images, so a rebuild re-renders
 * only the cards that changed. The key is a SHA-256 of everything that
 * decides the pixels: the card, the output width, the template version and
 * the versions of the renderer and font packages. Files live under
 * `dir/ab/abcdef….png` (sharded so no folder holds 75,000 files) and are
 * written atomically (temporary file in the same folder, then rename), so an
 * interrupted build never leaves a truncated PNG behind.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { rendererFingerprint } from './fonts.ts';
import { renderSocialImage } from './render.ts';
import type { RenderOptions } from './render.ts';
import { OG_TEMPLATE_VERSION, OG_WIDTH } from './template.ts';
import type { SocialCard } from './template.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Whether `bytes` starts like a PNG and ends with its IEND chunk. */
export function looksLikePng(bytes: Uint8Array): boolean {
  if (bytes.length < 20) return false;
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return false;
  // Last chunk: length 0, type "IEND", CRC. "IEND" sits 8 bytes from the end.
  const iend = bytes.subarray(bytes.length - 8, bytes.length - 4);
  return String.fromCharCode(...iend) === 'IEND';
}

/** JSON with object keys sorted, so equal cards give equal text whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([, x]) => x !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
    return v;
  });
}

let fingerprint: string | undefined;

/** The cache key of `card` rendered with `options`: 64 hex digits. */
export function cardKey(card: SocialCard, options: RenderOptions = {}): string {
  fingerprint ??= rendererFingerprint();
  return createHash('sha256')
    .update(
      canonicalJson({
        v: OG_TEMPLATE_VERSION,
        renderer: fingerprint,
        width: Math.round(options.width ?? OG_WIDTH),
        card,
      }),
    )
    .digest('hex');
}

export interface ImageCache {
  readonly dir: string;
  /** Where the image of `key` is (or would be) stored. */
  path(key: string): string;
  /** The stored PNG of `key`, or undefined when absent or damaged. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Stores `png` under `key`, atomically. */
  put(key: string, png: Uint8Array): Promise<void>;
}

const KEY = /^[0-9a-f]{8,128}$/;

/** A cache of PNGs stored under `dir` (created on first write). */
export function createImageCache(dir: string): ImageCache {
  const path = (key: string): string => {
    if (!KEY.test(key)) throw new Error(`Invalid image cache key: ${JSON.stringify(key)}`);
    return join(dir, key.slice(0, 2), `${key}.png`);
  };
  return {
    dir,
    path,
    async get(key) {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(path(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      return looksLikePng(bytes) ? bytes : undefined;
    },
    async put(key, png) {
      const file = path(key);
      await mkdir(dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temp, png);
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
  };
}

export interface CachedRenderResult {
  png: Uint8Array;
  key: string;
  /** True when the PNG came from the cache, false when it was rendered now. */
  cached: boolean;
}

/**
 * The PNG of `card`, from the cache under `dir` when an identical card was
 * rendered before, else rendered now and stored.
 */
export async function cachedRender(
  dir: string | ImageCache,
  card: SocialCard,
  options: RenderOptions = {},
): Promise<CachedRenderResult> {
  const cache = typeof dir === 'string' ? createImageCache(dir) : dir;
  const key = cardKey(card, options);
  const hit = await cache.get(key);
  if (hit) return { png: hit, key, cached: true };
  const png = await renderSocialImage(card, options);
  await cache.put(key, png);
  return { png, key, cached: false };
}
