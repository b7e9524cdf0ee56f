import { createCanvas, loadImage } from '@napi-rs/canvas';

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => png[i] === b)) throw new Error('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (String.fromCharCode(...png.slice(12, 16)) !== 'IHDR') throw new Error('no IHDR first');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export type Pixels = { readonly width: number; readonly height: number; readonly data: Uint8ClampedArray };

/** Decodes a PNG to straight RGBA pixels. */
export async function decodePng(png: Uint8Array): Promise<Pixels> {
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: ctx.getImageData(0, 0, image.width, image.height).data };
}

export function pixelAt(p: Pixels, x: number, y: number): [number, number, number, number] {
  const i = (y * p.width + x) * 4;
  return [p.data[i]!, p.data[i + 1]!, p.data[i + 2]!, p.data[i + 3]!];
}

/** How many opaque pixels have exactly this `#RRGGBB` colour. */
export function countColour(p: Pixels, hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const r = (n >> 16) & 255;
  const g = (n >> 8) & 255;
  const b = n & 255;
  let count = 0;
  for (let i = 0; i < p.data.length; i += 4) {
    if (p.data[i] === r && p.data[i + 1] === g && p.data[i + 2] === b && p.data[i + 3] === 255) count++;
  }
  return count;
}

/** How many opaque pixels are within `tolerance` per channel of `rgb`. */
export function countNear(p: Pixels, rgb: readonly [number, number, number], tolerance = 2): number {
  let count = 0;
  for (let i = 0; i < p.data.length; i += 4) {
    if (p.data[i + 3] === 255 && Math.abs(p.data[i]! - rgb[0]) <= tolerance && Math.abs(p.data[i + 1]! - rgb[1]) <= tolerance && Math.abs(p.data[i + 2]! - rgb[2]) <= tolerance) count++;
  }
  return count;
}

/** `hex` at `alpha` over `under`, as the canvas composites it. */
export function blend(hex: string, alpha: number, under: readonly [number, number, number]): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  const top = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return [0, 1, 2].map((i) => Math.round(alpha * top[i]! + (1 - alpha) * under[i]!)) as [number, number, number];
}
