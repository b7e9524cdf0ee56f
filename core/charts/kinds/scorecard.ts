import type { SKRSContext2D } from '@napi-rs/canvas';
import type { ScorecardChartSpec } from '../chart-spec.ts';
import type { Frame } from '../frame.ts';
import { CHART_TEXT } from '../chart-text.ts';
import { fontString } from '../fonts.ts';
import { legColour, NEUTRAL_COLOUR } from '../palette.ts';
import { ellipsize, wrapLines } from '../text-fit.ts';
import { THEME } from '../theme.ts';

type Lean = ScorecardChartSpec['factors'][number]['lean'];

function drawLean(ctx: SKRSContext2D, frame: Frame, lean: Lean, centreX: number, halfWidth: number, cy: number, unknownText: string, rowColour: string): void {
  const barHeight = 22 * frame.scale;
  const reach = halfWidth * 0.86;
  const radius = 10 * frame.scale;
  if (lean === 'small' || lean === 'large') {
    ctx.fillStyle = legColour(lean, 0);
    ctx.beginPath();
    ctx.roundRect(lean === 'small' ? centreX : centreX - reach, cy - barHeight / 2, reach, barHeight, 6 * frame.scale);
    ctx.fill();
  } else if (lean === 'neutral') {
    ctx.fillStyle = NEUTRAL_COLOUR;
    ctx.beginPath();
    ctx.arc(centreX, cy, radius * 1.2, 0, Math.PI * 2);
    ctx.fill();
  } else {
    ctx.strokeStyle = NEUTRAL_COLOUR;
    ctx.lineWidth = 2.5 * frame.scale;
    ctx.setLineDash([5 * frame.scale, 4 * frame.scale]);
    ctx.fillStyle = rowColour;
    const boxHeight = frame.font.tick * 1.5;
    ctx.beginPath();
    ctx.roundRect(centreX - reach, cy - boxHeight / 2, reach * 2, boxHeight, 6 * frame.scale);
    ctx.fill();
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = THEME.muted;
    ctx.font = fontString(frame.font.tick);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(unknownText, centreX, cy);
  }
}

/**
 * A table-like diverging chart: one row per factor, its name on the left, a bar leaning left
 * (large caps) or right (small caps) from a centre line, a dot for neutral, a dashed outline
 * for unknown, and the factor's state on the right.
 */
export function drawScorecard(ctx: SKRSContext2D, spec: ScorecardChartSpec, frame: Frame): void {
  const text = CHART_TEXT[spec.locale];
  const { pad, scale, font } = frame;
  const inner = frame.width - 2 * pad;
  const colGap = 24 * scale;
  ctx.font = fontString(font.label, 700);
  const labelWidth = Math.min(inner * 0.36, Math.max(inner * 0.2, ...spec.factors.map((f) => ctx.measureText(f.label).width)));
  const trackWidth = inner * 0.26;
  const stateWidth = inner - labelWidth - trackWidth - 2 * colGap;
  const trackLeft = pad + labelWidth + colGap;
  const centreX = trackLeft + trackWidth / 2;
  const stateLeft = trackLeft + trackWidth + colGap;

  const headerHeight = font.tick * 1.6;
  const top = frame.contentTop + headerHeight;
  const rows = Math.max(1, spec.factors.length);
  const rowHeight = Math.min(96 * scale, (frame.contentBottom - top) / rows);

  ctx.save();
  ctx.font = fontString(font.tick, 700);
  ctx.textBaseline = 'middle';
  // The headings sit either side of the centre line and may run past the track.
  const headingGap = 12 * scale;
  ctx.fillStyle = legColour('large', 0);
  ctx.textAlign = 'right';
  ctx.fillText(ellipsize(ctx, text.favoursLarge, centreX - headingGap - pad), centreX - headingGap, frame.contentTop + headerHeight / 2);
  ctx.fillStyle = legColour('small', 0);
  ctx.textAlign = 'left';
  ctx.fillText(ellipsize(ctx, text.favoursSmall, frame.width - pad - centreX - headingGap), centreX + headingGap, frame.contentTop + headerHeight / 2);

  ctx.fillStyle = THEME.zebra;
  for (let i = 0; i < spec.factors.length; i += 2) ctx.fillRect(pad - 10 * scale, top + i * rowHeight, inner + 20 * scale, rowHeight);
  ctx.strokeStyle = THEME.axis;
  ctx.lineWidth = 2 * scale;
  ctx.beginPath();
  ctx.moveTo(centreX, top);
  ctx.lineTo(centreX, top + rows * rowHeight);
  ctx.stroke();

  spec.factors.forEach((factor, i) => {
    const cy = top + i * rowHeight + rowHeight / 2;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = THEME.text;
    ctx.font = fontString(font.label, 700);
    ctx.fillText(ellipsize(ctx, factor.label, labelWidth), pad, cy);
    drawLean(ctx, frame, factor.lean, centreX, trackWidth / 2, cy, text.unknown, i % 2 === 0 ? THEME.zebra : THEME.background);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = THEME.muted;
    ctx.font = fontString(font.tick);
    const lineHeight = font.tick * 1.2;
    const stateLines = wrapLines(ctx, factor.state, stateWidth, rowHeight >= 2 * lineHeight + 8 * scale ? 2 : 1);
    stateLines.forEach((line, k) => ctx.fillText(line, stateLeft, cy - ((stateLines.length - 1) * lineHeight) / 2 + k * lineHeight));
  });
  ctx.restore();
}
