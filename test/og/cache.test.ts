import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedRender, cardKey, createImageCache, looksLikePng } from '../../src/lib/og/cache.ts';
import type { SocialCard } from '../../src/lib/og/template.ts';
import { readPng } from './png.ts';

const card: SocialCard = {
  kind: 'topic',
  title: 'Retrieval-Augmented Generation',
  eyebrow: 'Topic · 42 papers',
  siteName: 'Paper Browser',
};

/** A minimal valid PNG (1×1), enough for the cache's integrity check. */
const TINY_PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'og-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every file under `root`, relative paths. */
async function files(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1));
}

describe('card keys', () => {
  it('are 64 hex digits and stable for equal cards, whatever the key order', () => {
    const reordered: SocialCard = {
      siteName: card.siteName,
      eyebrow: 'Topic · 42 papers',
      title: card.title,
      kind: 'topic',
    };
    expect(cardKey(card)).toMatch(/^[0-9a-f]{64}$/);
    expect(cardKey(reordered)).toBe(cardKey(card));
  });

  it('change when anything visible changes', () => {
    const base = cardKey(card);
    expect(cardKey({ ...card, title: 'Retrieval-Augmented Generation!' })).not.toBe(base);
    expect(cardKey({ ...card, eyebrow: 'Topic · 43 papers' })).not.toBe(base);
    expect(cardKey({ ...card, theme: { accent: '#ff0000' } })).not.toBe(base);
    expect(cardKey(card, { width: 800 })).not.toBe(base);
  });

  it('treat an absent optional field like an undefined one', () => {
    expect(cardKey({ ...card, footer: undefined } as unknown as SocialCard)).toBe(cardKey(card));
  });
});

describe('image cache', () => {
  it('returns what was put, from a sharded path', async () => {
    const cache = createImageCache(dir);
    const key = 'ab'.repeat(32);
    expect(await cache.get(key)).toBeUndefined();
    await cache.put(key, TINY_PNG);
    expect(await cache.get(key)).toEqual(TINY_PNG);
    expect(await files(dir)).toEqual([join('ab', `${key}.png`)]);
  });

  it('leaves no temporary files behind', async () => {
    const cache = createImageCache(dir);
    await Promise.all(Array.from({ length: 8 }, () => cache.put('cd'.repeat(32), TINY_PNG)));
    expect(await files(dir)).toEqual([join('cd', `${'cd'.repeat(32)}.png`)]);
  });

  it('treats a damaged or truncated file as a miss', async () => {
    const cache = createImageCache(dir);
    const key = 'ef'.repeat(32);
    await cache.put(key, TINY_PNG);
    await writeFile(cache.path(key), TINY_PNG.subarray(0, 30));
    expect(await cache.get(key)).toBeUndefined();
    expect(looksLikePng(TINY_PNG)).toBe(true);
  });

  it('refuses keys that could escape the folder', () => {
    const cache = createImageCache(dir);
    expect(() => cache.path('../../etc/passwd')).toThrow(/Invalid image cache key/);
  });
});

describe('cached rendering', () => {
  it('renders a card once, then serves it from the cache', async () => {
    const first = await cachedRender(dir, card);
    expect(first.cached).toBe(false);
    expect(readPng(first.png)).toMatchObject({ width: 1200, height: 630 });
    const file = createImageCache(dir).path(first.key);
    const written = (await stat(file)).mtimeMs;

    const second = await cachedRender(dir, card);
    expect(second.cached).toBe(true);
    expect(second.key).toBe(first.key);
    expect(Buffer.from(second.png).equals(first.png)).toBe(true);
    expect((await stat(file)).mtimeMs).toBe(written);
  });

  it('re-renders a changed card under a new key', async () => {
    const first = await cachedRender(dir, card);
    const changed = await cachedRender(dir, { ...card, eyebrow: 'Topic · 43 papers' });
    expect(changed.cached).toBe(false);
    expect(changed.key).not.toBe(first.key);
    expect(await files(dir)).toHaveLength(2);
  });
});
