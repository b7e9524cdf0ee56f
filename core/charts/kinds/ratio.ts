import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import type { RatioChartSpec } from '../chart-spec.ts';
import type { Frame } from '../frame.ts';
import { baseOptions, canvasOf, dateAxis, formatTick, framePlugin, valueAxis } from '../chart-base.ts';
import { CHART_TEXT } from '../chart-text.ts';
import { drawEndTags, measureEndTag } from '../end-tags.ts';
import { fontString } from '../fonts.ts';
import { legColour, withAlpha } from '../palette.ts';
import { ellipsize, textWidth } from '../text-fit.ts';
import { THEME } from '../theme.ts';
import { lastFiniteIndex, referenceLinePlugin } from './lines.ts';

type LegendItem = { readonly text: string; readonly swatch: 'line' | 'dashed' | 'fill'; readonly colour: string };

const SMALL_FILL = withAlpha(legColour('small', 0), 0.3);
const LARGE_FILL = withAlpha(legColour('large', 0), 0.3);

/** Legend items flowed left to right, wrapping; returns each item's position and the total height. */
function layoutLegend(ctx: SKRSContext2D, frame: Frame, items: readonly LegendItem[]) {
  ctx.font = fontString(frame.font.tick);
  const swatch = 40 * frame.scale;
  const gap = 10 * frame.scale;
  const itemGap = 30 * frame.scale;
  const lineHeight = frame.font.tick * 1.45;
  const maxX = frame.width - frame.pad;
  let x = frame.pad;
  let row = 0;
  const placed = items.map((item) => {
    const text = ellipsize(ctx, item.text, maxX - frame.pad - swatch - gap);
    const w = swatch + gap + textWidth(ctx, text);
    if (x > frame.pad && x + w > maxX) {
      x = frame.pad;
      row++;
    }
    const at = { ...item, text, x, row };
    x += w + itemGap;
    return at;
  });
  return { placed, height: (row + 1) * lineHeight + 8 * frame.scale, lineHeight, swatch, gap };
}

type Point = number | null;

/** The ratio where it is above its average (else the average), and where it is below (else the average). */
export function splitAtAverage(values: readonly Point[], average: readonly Point[]): { above: Point[]; below: Point[] } {
  const pick = (choose: (v: number, a: number) => number) =>
    values.map((v, i) => {
      const a = average[i];
      return v === null || v === undefined || a === null || a === undefined ? null : choose(v, a);
    });
  return { above: pick(Math.max), below: pick(Math.min) };
}

/** An invisible line filled down (or up) to the average, dataset 1. */
function shadingBand(data: Point[], colour: string) {
  return { label: '', data, borderWidth: 0, pointRadius: 0, tension: 0, spanGaps: false, backgroundColor: colour, fill: { target: 1 }, order: 2 };
}

export function ratioChart(ctx: SKRSContext2D, spec: RatioChartSpec, frame: Frame): ChartConfiguration<'line'> {
  if (spec.dates.length < 2) throw new Error('a ratio chart needs at least two dates');
  if (spec.values.length !== spec.dates.length) throw new Error('a ratio chart needs one value per date');
  const text = CHART_TEXT[spec.locale];
  const legend = layoutLegend(ctx, frame, [
    { text: spec.ratioLabel, swatch: 'line', colour: THEME.text },
    { text: spec.averageLabel, swatch: 'dashed', colour: THEME.muted },
    { text: spec.aboveLabel ?? text.aboveAverage, swatch: 'fill', colour: SMALL_FILL },
    { text: spec.belowLabel ?? text.belowAverage, swatch: 'fill', colour: LARGE_FILL },
  ]);

  const lastRatio = lastFiniteIndex(spec.values);
  const lastAverage = lastFiniteIndex(spec.average);
  const tags = [
    ...(lastRatio >= 0 ? [{ index: lastRatio, value: spec.values[lastRatio]!, tag: measureEndTag(ctx, frame, formatTick(spec.values[lastRatio]!, 1), '', THEME.text, frame.width * 0.2) }] : []),
    ...(lastAverage >= 0 ? [{ index: lastAverage, value: spec.average[lastAverage]!, tag: measureEndTag(ctx, frame, formatTick(spec.average[lastAverage]!, 1), '', THEME.muted, frame.width * 0.2) }] : []),
  ];
  const leaderGap = 24 * frame.scale;
  const bands = splitAtAverage(spec.values, spec.average);
  const padding = { left: frame.pad * 0.6, right: frame.pad + Math.max(0, ...tags.map((t) => t.tag.width)) + leaderGap };
  const plotWidth = frame.width - padding.left - padding.right - 90 * frame.scale;

  const annotations: Plugin<'line'> = {
    id: 'rotation-ratio-annotations',
    afterDatasetsDraw(chart) {
      const c = canvasOf(chart as unknown as Chart);
      const x = chart.scales['x']!;
      const y = chart.scales['y']!;
      const area = chart.chartArea;
      drawEndTags(c, frame, tags.map((t) => ({ tag: t.tag, pointX: x.getPixelForValue(t.index), pointY: y.getPixelForValue(t.value) })), area.right + leaderGap, area.top, area.bottom);
    },
    afterDraw(chart) {
      const c = canvasOf(chart as unknown as Chart);
      c.save();
      c.font = fontString(frame.font.tick);
      c.textBaseline = 'middle';
      c.textAlign = 'left';
      for (const item of legend.placed) {
        const cy = frame.contentTop + item.row * legend.lineHeight + legend.lineHeight / 2;
        if (item.swatch === 'fill') {
          c.fillStyle = item.colour;
          c.fillRect(item.x, cy - 10 * frame.scale, legend.swatch, 20 * frame.scale);
        } else {
          c.strokeStyle = item.colour;
          c.lineWidth = (item.swatch === 'line' ? 4 : 3) * frame.scale;
          c.setLineDash(item.swatch === 'dashed' ? [9 * frame.scale, 6 * frame.scale] : []);
          c.beginPath();
          c.moveTo(item.x, cy);
          c.lineTo(item.x + legend.swatch, cy);
          c.stroke();
          c.setLineDash([]);
        }
        c.fillStyle = THEME.text;
        c.fillText(item.text, item.x + legend.swatch + legend.gap, cy);
      }
      c.restore();
    },
  };

  return {
    type: 'line',
    data: {
      labels: [...spec.dates],
      datasets: [
        {
          label: spec.ratioLabel,
          data: [...spec.values],
          borderColor: THEME.text,
          borderWidth: 3.5 * frame.scale,
          pointRadius: 0,
          tension: 0,
          fill: false,
          order: 0,
        },
        {
          label: spec.averageLabel,
          data: [...spec.average],
          borderColor: THEME.muted,
          borderWidth: 3 * frame.scale,
          borderDash: [10 * frame.scale, 7 * frame.scale],
          pointRadius: 0,
          tension: 0,
          fill: false,
          spanGaps: false,
          order: 1,
        },
        // Chart.js's own above/below fill clips with a path that @napi-rs/canvas does not honour, so both
        // colours were painted everywhere; two bands, each filled to the average, draw one colour each.
        shadingBand(bands.above, SMALL_FILL),
        shadingBand(bands.below, LARGE_FILL),
      ],
    },
    options: {
      ...baseOptions(frame, padding, legend.height),
      scales: {
        x: dateAxis(ctx, frame, spec.dates, spec.locale, plotWidth),
        y: valueAxis(frame, text.rebased, (v) => formatTick(v), { grace: '4%' }),
      },
    },
    plugins: [framePlugin(frame), referenceLinePlugin(100, frame), annotations],
  };
}
