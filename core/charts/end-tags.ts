import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Frame } from './frame.ts';
import { fontString } from './fonts.ts';
import { textOn } from './palette.ts';
import { ellipsize, textWidth, wrapLines } from './text-fit.ts';

/** A coloured label pinned to the end of a line: one line, or a name over a value when one line is too wide. */
export type EndTag = {
  readonly lines: readonly string[];
  readonly colour: string;
  readonly width: number;
  readonly height: number;
  /** Every line bold (free text), rather than a regular name over a bold value. */
  readonly uniform?: boolean;
};

const tagPadX = (frame: Frame) => 12 * frame.scale;
const tagPadY = (frame: Frame) => 6 * frame.scale;
const lineHeight = (frame: Frame) => frame.font.label * 1.25;

/** Whether `name  value` fits on one line of a tag at most `maxWidth` wide. */
export function fitsOneLine(ctx: SKRSContext2D, frame: Frame, name: string, value: string, maxWidth: number): boolean {
  ctx.font = fontString(frame.font.label, 700);
  return value === '' || textWidth(ctx, `${name}  ${value}`) <= maxWidth - 2 * tagPadX(frame);
}

export function measureEndTag(ctx: SKRSContext2D, frame: Frame, name: string, value: string, colour: string, maxWidth: number, oneLine = fitsOneLine(ctx, frame, name, value, maxWidth)): EndTag {
  ctx.font = fontString(frame.font.label, 700);
  const inner = maxWidth - 2 * tagPadX(frame);
  const single = value === '' ? name : `${name}  ${value}`;
  const lines = oneLine ? [ellipsize(ctx, single, inner)] : [ellipsize(ctx, name, inner), ellipsize(ctx, value, inner)];
  const width = Math.max(...lines.map((l) => textWidth(ctx, l))) + 2 * tagPadX(frame);
  return { lines, colour, width, height: lines.length * lineHeight(frame) + 2 * tagPadY(frame) };
}

/**
 * Centres as close to `desired` as possible without two tags overlapping, kept between `top`
 * and `bottom` when they fit: push down from the top, then back up from the bottom.
 */
export function spreadApart(desired: readonly number[], heights: readonly number[], top: number, bottom: number, gap: number): number[] {
  const order = desired.map((_, i) => i).sort((a, b) => desired[a]! - desired[b]!);
  const ys = order.map((i) => desired[i]!);
  const hs = order.map((i) => heights[i]!);
  for (let k = 0; k < ys.length; k++) {
    const min = k === 0 ? top + hs[0]! / 2 : ys[k - 1]! + hs[k - 1]! / 2 + gap + hs[k]! / 2;
    ys[k] = Math.max(ys[k]!, min);
  }
  for (let k = ys.length - 1; k >= 0; k--) {
    const max = k === ys.length - 1 ? bottom - hs[k]! / 2 : ys[k + 1]! - hs[k + 1]! / 2 - gap - hs[k]! / 2;
    ys[k] = Math.min(ys[k]!, max);
  }
  const out = new Array<number>(desired.length);
  order.forEach((i, k) => { out[i] = ys[k]!; });
  return out;
}

/** Draws each tag at `x` (its left edge), centred on its y, with a leader from its line's end point. */
export function drawEndTags(
  ctx: SKRSContext2D,
  frame: Frame,
  tags: readonly { readonly tag: EndTag; readonly pointX: number; readonly pointY: number }[],
  x: number,
  top: number,
  bottom: number,
): void {
  const ys = spreadApart(tags.map((t) => t.pointY), tags.map((t) => t.tag.height), top, bottom, 6 * frame.scale);
  ctx.save();
  tags.forEach(({ tag, pointX, pointY }, i) => {
    const cy = ys[i]!;
    ctx.strokeStyle = tag.colour;
    ctx.lineWidth = 2 * frame.scale;
    ctx.beginPath();
    ctx.moveTo(pointX, pointY);
    ctx.lineTo(x - 4 * frame.scale, cy);
    ctx.lineTo(x, cy);
    ctx.stroke();
    ctx.fillStyle = tag.colour;
    ctx.beginPath();
    ctx.arc(pointX, pointY, 6 * frame.scale, 0, Math.PI * 2);
    ctx.fill();
    ctx.beginPath();
    ctx.roundRect(x, cy - tag.height / 2, tag.width, tag.height, 8 * frame.scale);
    ctx.fill();
    ctx.fillStyle = textOn(tag.colour);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    const lh = lineHeight(frame);
    tag.lines.forEach((line, k) => {
      ctx.font = fontString(frame.font.label, tag.lines.length > 1 && k === 0 && !tag.uniform ? 400 : 700);
      ctx.fillText(line, x + tagPadX(frame), cy - ((tag.lines.length - 1) * lh) / 2 + k * lh);
    });
  });
  ctx.restore();
}

/** A tag holding free text, wrapped onto at most two lines. */
export function measureTextTag(ctx: SKRSContext2D, frame: Frame, text: string, colour: string, maxWidth: number): EndTag {
  ctx.font = fontString(frame.font.label, 700);
  const lines = wrapLines(ctx, text, maxWidth - 2 * tagPadX(frame), 2);
  const width = Math.max(...lines.map((l) => textWidth(ctx, l))) + 2 * tagPadX(frame);
  return { lines, colour, width, height: lines.length * lineHeight(frame) + 2 * tagPadY(frame), uniform: true };
}
