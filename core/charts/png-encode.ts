import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflate = promisify(zlib.deflate);
const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array, crc = 0xffffffff): number {
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return crc;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, (crc32(out.subarray(4, 8 + data.length)) ^ 0xffffffff) >>> 0);
  return out;
}

/** Row buffers (a few MB each) kept for the next image of the same size instead of left to the GC. */
const scratch: Buffer[] = [];
const MAX_SCRATCH = 4;

function takeScratch(length: number): Buffer {
  const i = scratch.findIndex((b) => b.length === length);
  return i >= 0 ? scratch.splice(i, 1)[0]! : Buffer.allocUnsafeSlow(length);
}

function releaseScratch(buffer: Buffer): void {
  if (scratch.length < MAX_SCRATCH) scratch.push(buffer);
}

/**
 * PNG from straight (or opaque) RGBA pixels: no row filters and fast deflate, on the libuv
 * thread pool. Skia's encoder tries every row filter at zlib level 6; on flat chart images
 * that costs about three times as long for files of much the same size.
 */
export async function encodeRgbaPng(rgba: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const stride = width * 4;
  if (rgba.length < stride * height) throw new Error(`expected ${stride * height} bytes of pixels, got ${rgba.length}`);
  const raw = takeScratch((stride + 1) * height);
  let idat: Buffer;
  try {
    for (let y = 0; y < height; y++) {
      const at = y * (stride + 1);
      raw[at] = 0;
      raw.set(rgba.subarray(y * stride, (y + 1) * stride), at + 1);
    }
    idat = await deflate(raw, { level: 1 });
  } finally {
    releaseScratch(raw);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter method variants, no interlace
  const parts = [SIGNATURE, chunk('IHDR', header), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}
