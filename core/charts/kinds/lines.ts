import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import type { LinesChartSpec } from '../chart-spec.ts';
import type { Frame } from '../frame.ts';
import { baseOptions, canvasOf, dateAxis, formatTick, framePlugin, valueAxis } from '../chart-base.ts';
import { CHART_TEXT } from '../chart-text.ts';
import { drawEndTags, fitsOneLine, measureEndTag } from '../end-tags.ts';
import { legColour } from '../palette.ts';
import { THEME } from '../theme.ts';

/** A horizontal reference line at `value` on the y axis, under the data. */
export function referenceLinePlugin(value: number, frame: Frame): Plugin<'line'> {
  return {
    id: 'rotation-reference-line',
    beforeDatasetsDraw(chart) {
      const y = chart.scales['y']!.getPixelForValue(value);
      const { left, right, top, bottom } = chart.chartArea;
      if (y < top || y > bottom) return;
      const ctx = canvasOf(chart as unknown as Chart);
      ctx.save();
      ctx.strokeStyle = THEME.axis;
      ctx.lineWidth = 2 * frame.scale;
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(right, y);
      ctx.stroke();
      ctx.restore();
    },
  };
}

export const lastFiniteIndex = (values: readonly (number | null)[]): number => {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] != null && Number.isFinite(values[i])) return i;
  return -1;
};

export function linesChart(ctx: SKRSContext2D, spec: LinesChartSpec, frame: Frame): ChartConfiguration<'line'> {
  if (spec.dates.length < 2) throw new Error('a lines chart needs at least two dates');
  if (spec.legs.length === 0) throw new Error('a lines chart needs at least one leg');
  const colours = spec.legs.map((leg) => legColour(leg.role, leg.rank));
  const maxTagWidth = frame.width * 0.3;
  // All tags one line, or all two lines: mixed shapes look like a mistake.
  const oneLine = spec.legs.every((leg) => fitsOneLine(ctx, frame, leg.label, leg.returnLabel, maxTagWidth));
  const tags = spec.legs.map((leg, i) => measureEndTag(ctx, frame, leg.label, leg.returnLabel, colours[i]!, maxTagWidth, oneLine));
  const leaderGap = 24 * frame.scale;
  const padding = { left: frame.pad * 0.6, right: frame.pad + Math.max(...tags.map((t) => t.width)) + leaderGap };
  const plotWidth = frame.width - padding.left - padding.right - 90 * frame.scale;

  const endTags: Plugin<'line'> = {
    id: 'rotation-end-tags',
    afterDatasetsDraw(chart) {
      const x = chart.scales['x']!;
      const y = chart.scales['y']!;
      const placed = spec.legs.flatMap((leg, i) => {
        const last = lastFiniteIndex(leg.values);
        return last < 0 ? [] : [{ tag: tags[i]!, pointX: x.getPixelForValue(last), pointY: y.getPixelForValue(leg.values[last]!) }];
      });
      const area = chart.chartArea;
      drawEndTags(canvasOf(chart as unknown as Chart), frame, placed, area.right + leaderGap, area.top, area.bottom);
    },
  };

  return {
    type: 'line',
    data: {
      labels: [...spec.dates],
      datasets: spec.legs.map((leg, i) => ({
        label: leg.label,
        data: [...leg.values],
        borderColor: colours[i],
        borderWidth: (leg.rank === 0 ? 5 : 4) * frame.scale,
        pointRadius: 0,
        tension: 0,
        fill: false,
        // The primary legs are drawn last, on top.
        order: leg.rank === 0 ? 0 : 1,
      })),
    },
    options: {
      ...baseOptions(frame, padding),
      scales: {
        x: dateAxis(ctx, frame, spec.dates, spec.locale, plotWidth),
        y: valueAxis(frame, CHART_TEXT[spec.locale].rebased, (v) => formatTick(v), { grace: '4%' }),
      },
    },
    plugins: [framePlugin(frame), referenceLinePlugin(100, frame), endTags],
  };
}
