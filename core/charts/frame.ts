import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Metrics } from './theme.ts';
import { THEME } from './theme.ts';
import { fontString } from './fonts.ts';
import { wrapLines } from './text-fit.ts';

/** The card around every chart: background, title (and an optional subtitle) on top, footer below. */
export type Frame = Metrics & {
  readonly titleSize: number;
  readonly titleLines: readonly string[];
  readonly subtitleLines: readonly string[];
  readonly footerLines: readonly string[];
  /** Where the chart itself may start and must end, in canvas pixels. */
  readonly contentTop: number;
  readonly contentBottom: number;
};

const LINE_HEIGHT = 1.3;

export function layoutFrame(ctx: SKRSContext2D, metrics: Metrics, title: string, footer: string, subtitle?: string): Frame {
  const { pad, font, width, height, scale } = metrics;
  const textWidth = width - 2 * pad;
  // A long title first shrinks (down to 80%), then wraps.
  let titleSize = font.title;
  ctx.font = fontString(titleSize, 700);
  while (titleSize > font.title * 0.8 && ctx.measureText(title).width > textWidth) {
    titleSize -= font.title * 0.05;
    ctx.font = fontString(titleSize, 700);
  }
  const titleLines = wrapLines(ctx, title, textWidth, 2);
  ctx.font = fontString(font.subtitle, 700);
  const subtitleLines = subtitle ? wrapLines(ctx, subtitle, textWidth, 2) : [];
  ctx.font = fontString(font.footer);
  const footerLines = wrapLines(ctx, footer, textWidth, 2);
  const titleHeight = titleLines.length * titleSize * LINE_HEIGHT;
  const subtitleHeight = subtitleLines.length * font.subtitle * LINE_HEIGHT;
  const footerHeight = footerLines.length * font.footer * LINE_HEIGHT;
  return {
    ...metrics,
    titleSize,
    titleLines,
    subtitleLines,
    footerLines,
    contentTop: Math.round(pad * 0.8 + titleHeight + subtitleHeight + 14 * scale),
    contentBottom: Math.round(height - pad * 0.6 - footerHeight - 10 * scale),
  };
}

export function paintBackground(ctx: SKRSContext2D, frame: Frame): void {
  ctx.save();
  ctx.fillStyle = THEME.background;
  ctx.fillRect(0, 0, frame.width, frame.height);
  ctx.restore();
}

export function drawTitleAndFooter(ctx: SKRSContext2D, frame: Frame): void {
  const { pad, font, height } = frame;
  ctx.save();
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  let y = pad * 0.8;
  ctx.fillStyle = THEME.text;
  ctx.font = fontString(frame.titleSize, 700);
  for (const line of frame.titleLines) {
    ctx.fillText(line, pad, y);
    y += frame.titleSize * LINE_HEIGHT;
  }
  ctx.font = fontString(font.subtitle, 700);
  for (const line of frame.subtitleLines) {
    ctx.fillText(line, pad, y);
    y += font.subtitle * LINE_HEIGHT;
  }
  ctx.fillStyle = THEME.muted;
  ctx.font = fontString(font.footer);
  ctx.textBaseline = 'bottom';
  let fy = height - pad * 0.6 - (frame.footerLines.length - 1) * font.footer * LINE_HEIGHT;
  for (const line of frame.footerLines) {
    ctx.fillText(line, pad, fy);
    fy += font.footer * LINE_HEIGHT;
  }
  ctx.restore();
}
