import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Chart, ChartConfiguration, Plugin, ScriptableScaleContext } from 'chart.js';
import type { BarsChartSpec } from '../chart-spec.ts';
import type { Frame } from '../frame.ts';
import { baseOptions, canvasOf, formatTick, framePlugin, tickFont, valueAxis } from '../chart-base.ts';
import { CHART_TEXT } from '../chart-text.ts';
import { fontString } from '../fonts.ts';
import { legColour } from '../palette.ts';
import { wrapLines } from '../text-fit.ts';
import { THEME } from '../theme.ts';

/** Grid lines, with the zero line darker. */
export const zeroLineGrid = { color: (c: ScriptableScaleContext) => (c.tick?.value === 0 ? THEME.axis : THEME.grid), lineWidth: (c: ScriptableScaleContext) => (c.tick?.value === 0 ? 2 : 1), drawTicks: false };

/** suggestedMin/Max that leave `topPx` above the highest bar and `bottomPx` below the lowest. */
export function headroom(values: readonly number[], plotHeight: number, topPx: number, bottomPx: number) {
  const hi = Math.max(0, ...values);
  const lo = Math.min(0, ...values);
  const span = hi - lo || 1;
  const perPx = span / Math.max(1, plotHeight - topPx - bottomPx);
  return { suggestedMax: hi + topPx * perPx, suggestedMin: lo < 0 ? lo - bottomPx * perPx : 0 };
}

export function barsChart(ctx: SKRSContext2D, spec: BarsChartSpec, frame: Frame): ChartConfiguration<'bar'> {
  if (spec.legs.length === 0) throw new Error('a bars chart needs at least one leg');
  const colours = spec.legs.map((leg) => legColour(leg.role, leg.rank));
  const padding = { left: frame.pad * 0.6, right: frame.pad };
  const slotWidth = (frame.width - padding.left - padding.right - 100 * frame.scale) / spec.legs.length;
  ctx.font = fontString(frame.font.tick);
  const labels = spec.legs.map((leg) => wrapLines(ctx, leg.label, slotWidth * 0.92, 2));
  const labelLine = frame.font.label * 1.3;
  const plotHeight = frame.contentBottom - frame.contentTop - 2 * frame.font.tick * 1.3 - 20 * frame.scale;
  const values = spec.legs.map((leg) => leg.returnPct);
  const range = headroom(values, plotHeight, labelLine * 2 + 40 * frame.scale, values.some((v) => v < 0) ? labelLine + 10 * frame.scale : 0);
  const smallIndex = spec.legs.findIndex((leg) => leg.role === 'small' && leg.rank === 0);
  const largeIndex = spec.legs.findIndex((leg) => leg.role === 'large' && leg.rank === 0);

  const annotations: Plugin<'bar'> = {
    id: 'rotation-bar-annotations',
    afterDatasetsDraw(chart) {
      const c = canvasOf(chart as unknown as Chart);
      const bars = chart.getDatasetMeta(0).data as unknown as { x: number; y: number; base: number }[];
      const gap = 8 * frame.scale;
      c.save();
      c.fillStyle = THEME.text;
      c.font = fontString(frame.font.label, 700);
      c.textAlign = 'center';
      spec.legs.forEach((leg, i) => {
        const bar = bars[i];
        if (!bar) return;
        const up = leg.returnPct >= 0;
        c.textBaseline = up ? 'bottom' : 'top';
        c.fillText(leg.valueLabel, bar.x, up ? bar.y - gap : bar.y + gap);
      });
      const a = bars[smallIndex];
      const b = bars[largeIndex];
      if (a && b && spec.spreadLabel !== '') {
        const [from, to] = smallIndex < largeIndex ? [smallIndex, largeIndex] : [largeIndex, smallIndex];
        // Just above the bar (or its value label, for a bar above zero).
        const clearOf = (k: number) => {
          const bar = bars[k]!;
          return Math.min(bar.y, bar.base) - gap - (spec.legs[k]!.returnPct >= 0 ? labelLine : 0);
        };
        const y = Math.min(...Array.from({ length: to - from + 1 }, (_, k) => clearOf(from + k))) - 2 * gap;
        c.strokeStyle = THEME.text;
        c.lineWidth = 2.5 * frame.scale;
        c.beginPath();
        c.moveTo(a.x, clearOf(smallIndex));
        c.lineTo(a.x, y);
        c.lineTo(b.x, y);
        c.lineTo(b.x, clearOf(largeIndex));
        c.stroke();
        c.textBaseline = 'bottom';
        c.fillText(spec.spreadLabel, (a.x + b.x) / 2, y - gap);
      }
      c.restore();
    },
  };

  return {
    type: 'bar',
    data: {
      labels,
      datasets: [{ data: values, backgroundColor: colours, borderRadius: 6 * frame.scale, barPercentage: 0.72, categoryPercentage: 0.86 }],
    },
    options: {
      ...baseOptions(frame, padding),
      scales: {
        x: { type: 'category', grid: { display: false }, border: { color: THEME.axis }, ticks: { color: THEME.text, font: tickFont(frame), maxRotation: 0, autoSkip: false } },
        y:
          spec.unit === 'pp'
            ? valueAxis(frame, CHART_TEXT[spec.locale].pp, (v) => formatTick(v, 1, true), { ...range, grid: zeroLineGrid } as never)
            : valueAxis(frame, CHART_TEXT[spec.locale].percent, (v) => `${formatTick(v, 1)}%`, { ...range, grid: zeroLineGrid } as never),
      },
    },
    plugins: [framePlugin(frame), annotations],
  };
}
