import type { Canvas } from '@napi-rs/canvas';
import { createCanvas } from '@napi-rs/canvas';

/**
 * Canvases kept per size for the next chart on this thread. Each new canvas is a few MB of
 * native memory the JS heap does not see, so creating one per chart lets RSS swing by tens
 * of MB between garbage collections.
 */
const spare = new Map<string, Canvas[]>();
const MAX_SPARE = 2;
const key = (width: number, height: number) => `${width}x${height}`;

export function takeCanvas(width: number, height: number): Canvas {
  const canvas = spare.get(key(width, height))?.pop();
  if (!canvas) return createCanvas(width, height);
  canvas.getContext('2d', { alpha: false }).reset();
  return canvas;
}

/** Gives the canvas back; the caller must not touch it afterwards. */
export function releaseCanvas(canvas: Canvas): void {
  const list = spare.get(key(canvas.width, canvas.height)) ?? [];
  if (list.length < MAX_SPARE) list.push(canvas);
  spare.set(key(canvas.width, canvas.height), list);
}
