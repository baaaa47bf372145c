import { inflateSync } from 'node:zlib';

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  chunks: string[];
}

/** Reads a PNG's header and chunk list, checking every chunk's CRC. */
export function readPng(bytes: Uint8Array): PngInfo & { idat: Uint8Array; plte?: Uint8Array } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error('not a PNG');
  const chunks: string[] = [];
  const idat: Uint8Array[] = [];
  let plte: Uint8Array | undefined;
  let info = { width: 0, height: 0, bitDepth: 0, colorType: 0 };
  let offset = 8;
  while (offset < bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    chunks.push(type);
    if (type === 'IHDR') {
      info = {
        width: view.getUint32(offset + 8),
        height: view.getUint32(offset + 12),
        bitDepth: data[8] ?? 0,
        colorType: data[9] ?? 0,
      };
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'PLTE') plte = data;
    offset += 12 + length;
  }
  const all = new Uint8Array(idat.reduce((n, d) => n + d.length, 0));
  let o = 0;
  for (const d of idat) {
    all.set(d, o);
    o += d.length;
  }
  return { ...info, chunks, idat: all, ...(plte ? { plte } : {}) };
}

/** Decodes an 8-bit indexed PNG whose rows all use filter 0 (what `encodeIndexedPng` writes) to RGBA. */
export function decodeIndexedPng(bytes: Uint8Array): Uint8Array {
  const png = readPng(bytes);
  if (png.colorType !== 3 || !png.plte) throw new Error('not an indexed PNG');
  const raw = inflateSync(png.idat);
  const out = new Uint8Array(png.width * png.height * 4);
  for (let y = 0; y < png.height; y++) {
    const row = y * (png.width + 1);
    if (raw[row] !== 0) throw new Error('unexpected filter');
    for (let x = 0; x < png.width; x++) {
      const i = raw[row + 1 + x] ?? 0;
      const o = (y * png.width + x) * 4;
      out[o] = png.plte[i * 3] ?? 0;
      out[o + 1] = png.plte[i * 3 + 1] ?? 0;
      out[o + 2] = png.plte[i * 3 + 2] ?? 0;
      out[o + 3] = 255;
    }
  }
  return out;
}
