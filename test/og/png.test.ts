import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeIndexedPng, encodeIndexedPngAsync } from '../../src/lib/og/png.ts';
import { decodeIndexedPng, readPng } from './png.ts';

/** An opaque RGBA image of `colors` distinct colours in horizontal bands. */
function bands(width: number, height: number, colors: number): Uint8Array {
  const px = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const c = y % colors;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      px.set([c & 255, (c * 7) & 255, c >> 8, 255], o);
    }
  }
  return px;
}

describe('indexed PNG encoder', () => {
  it('writes a valid 8-bit indexed PNG whose pixels decode back exactly', () => {
    const pixels = bands(37, 300, 200);
    const png = encodeIndexedPng(pixels, 37, 300);
    expect(png).toBeDefined();
    const info = readPng(png as Uint8Array);
    expect(info).toMatchObject({ width: 37, height: 300, bitDepth: 8, colorType: 3 });
    expect(info.chunks).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    expect(Buffer.from(decodeIndexedPng(png as Uint8Array)).equals(pixels)).toBe(true);
  });

  it('writes correct chunk CRCs', () => {
    const png = encodeIndexedPng(bands(4, 4, 2), 4, 4) as Uint8Array;
    const view = new DataView(png.buffer, png.byteOffset);
    let offset = 8;
    while (offset < png.length) {
      const length = view.getUint32(offset);
      const crc = view.getUint32(offset + 8 + length);
      expect(crc).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)) >>> 0);
      offset += 12 + length;
    }
  });

  it('declines images with more than 256 colours', () => {
    expect(encodeIndexedPng(bands(8, 257, 257), 8, 257)).toBeUndefined();
    expect(encodeIndexedPng(bands(8, 256, 256), 8, 256)).toBeDefined();
  });

  it('declines images with transparency', () => {
    const pixels = bands(4, 4, 2);
    pixels[3] = 128;
    expect(encodeIndexedPng(pixels, 4, 4)).toBeUndefined();
  });

  it('reads pixels from unaligned buffers', () => {
    const pixels = bands(5, 5, 3);
    const shifted = new Uint8Array(pixels.length + 1);
    shifted.set(pixels, 1);
    const png = encodeIndexedPng(shifted.subarray(1), 5, 5) as Uint8Array;
    expect(Buffer.from(decodeIndexedPng(png)).equals(pixels)).toBe(true);
  });
});

describe('the asynchronous encoder', () => {
  it('writes the same bytes as the synchronous one, and declines the same images', async () => {
    const flat = bands(16, 16, 4);
    expect(await encodeIndexedPngAsync(flat, 16, 16)).toEqual(encodeIndexedPng(flat, 16, 16));
    expect(await encodeIndexedPngAsync(bands(8, 257, 257), 8, 257)).toBeUndefined();
  });
});
