/**
 * A fast lossless PNG encoder for flat images: when an opaque picture has at
 * most 256 distinct colours (a social card usually does: a few flat colours
 * and the anti-aliasing ramps between them), it is written as 8-bit indexed
 * colour, a quarter of the bytes of RGBA, which zlib compresses faster and
 * smaller than resvg's own RGBA encoder. Other pictures are left to the caller.
 */
import { promisify } from 'node:util';
import { crc32, deflate, deflateSync } from 'node:zlib';

const deflateAsync = promisify(deflate);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)) >>> 0);
  return out;
}

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** The palette and index rows of opaque pixels, or undefined past 256 colours or with transparency. */
function indexPixels(
  rgba: Uint8Array,
  width: number,
  height: number,
): { ihdr: Uint8Array; plte: Uint8Array; raw: Uint8Array } | undefined {
  if (rgba.length !== width * height * 4) throw new Error('Pixel buffer does not match the size');
  // Read pixels as 32-bit words; copy when the buffer is not 4-byte aligned.
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  const pixels = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  const index = new Map<number, number>();
  const palette: number[] = [];
  // One filter byte (0, "None") per row, then one index byte per pixel.
  const raw = new Uint8Array((width + 1) * height);
  let last = -1;
  let lastIndex = 0;
  let p = 0;
  for (let y = 0; y < height; y++) {
    let o = y * (width + 1) + 1;
    for (let x = 0; x < width; x++, p++, o++) {
      const c = pixels[p] as number;
      if (c !== last) {
        let i = index.get(c);
        if (i === undefined) {
          if (palette.length === 256) return undefined;
          i = palette.length;
          palette.push(c);
          index.set(c, i);
        }
        last = c;
        lastIndex = i;
      }
      raw[o] = lastIndex;
    }
  }

  // The words were read in native byte order; writing them back the same
  // way gives the R, G, B, A bytes again on any platform.
  const bytes = new Uint8Array(Uint32Array.from(palette).buffer);
  const plte = new Uint8Array(palette.length * 3);
  for (let i = 0; i < palette.length; i++) {
    if (bytes[i * 4 + 3] !== 255) return undefined;
    plte[i * 3] = bytes[i * 4] as number;
    plte[i * 3 + 1] = bytes[i * 4 + 1] as number;
    plte[i * 3 + 2] = bytes[i * 4 + 2] as number;
  }

  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // colour type: indexed
  // compression, filter and interlace methods: 0

  return { ihdr, plte, raw };
}

function assemble(ihdr: Uint8Array, plte: Uint8Array, idat: Uint8Array): Uint8Array {
  const parts = [
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    chunk('IDAT', idat),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Encodes opaque RGBA pixels as an indexed PNG, or returns undefined when the
 * image has more than 256 colours or any transparency (resvg's pixels are
 * premultiplied, which only opaque pixels can ignore).
 */
export function encodeIndexedPng(
  rgba: Uint8Array,
  width: number,
  height: number,
): Uint8Array | undefined {
  const image = indexPixels(rgba, width, height);
  return image && assemble(image.ihdr, image.plte, deflateSync(image.raw, { level: 6 }));
}

/** `encodeIndexedPng`, compressing on libuv's thread pool while the build renders other pages. */
export async function encodeIndexedPngAsync(
  rgba: Uint8Array,
  width: number,
  height: number,
): Promise<Uint8Array | undefined> {
  const image = indexPixels(rgba, width, height);
  return image && assemble(image.ihdr, image.plte, await deflateAsync(image.raw, { level: 6 }));
}
