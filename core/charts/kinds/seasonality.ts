import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import type { SeasonalityChartSpec } from '../chart-spec.ts';
import type { Frame } from '../frame.ts';
import { baseOptions, canvasOf, formatTick, framePlugin, tickFont, valueAxis } from '../chart-base.ts';
import { CHART_TEXT } from '../chart-text.ts';
import { drawEndTags, measureTextTag } from '../end-tags.ts';
import { fontString } from '../fonts.ts';
import { HIGHLIGHT_COLOUR, OTHER_BAR_COLOUR } from '../palette.ts';
import { formatPp } from '../../i18n/format.ts';
import { THEME } from '../theme.ts';
import { headroom, zeroLineGrid } from './bars.ts';

export function seasonalityChart(ctx: SKRSContext2D, spec: SeasonalityChartSpec, frame: Frame): ChartConfiguration<'bar'> {
  if (spec.years.length === 0) throw new Error('a seasonality chart needs at least one year');
  const years = spec.years.map((y) => y.year);
  const values = spec.years.map((y) => y.spreadPp);
  const colours = years.map((year) => (year === spec.highlightYear ? HIGHLIGHT_COLOUR : OTHER_BAR_COLOUR));
  const medianTag = measureTextTag(ctx, frame, spec.medianLabel, THEME.text, frame.width * 0.22);
  const leaderGap = 16 * frame.scale;
  const padding = { left: frame.pad * 0.6, right: frame.pad + medianTag.width + leaderGap };
  const plotWidth = frame.width - padding.left - padding.right - 90 * frame.scale;
  ctx.font = fontString(frame.font.tick);
  const perLabel = ctx.measureText('2026').width * 1.4;
  const step = [1, 2, 5, 10].find((s) => Math.ceil(years.length / s) * perLabel <= plotWidth) ?? 10;
  const lastYear = years[years.length - 1]!;
  const highlightIndex = spec.highlightYear === null ? -1 : years.indexOf(spec.highlightYear);
  const labelLine = frame.font.label * 1.3;
  const plotHeight = frame.contentBottom - frame.contentTop - frame.font.tick * 1.3 - 20 * frame.scale;
  const range = headroom(values, plotHeight, labelLine + 12 * frame.scale, values.some((v) => v < 0) ? labelLine + 12 * frame.scale : 0);

  const annotations: Plugin<'bar'> = {
    id: 'rotation-seasonality-annotations',
    afterDatasetsDraw(chart) {
      const c = canvasOf(chart as unknown as Chart);
      const area = chart.chartArea;
      const y = chart.scales['y']!.getPixelForValue(spec.medianPp);
      c.save();
      c.strokeStyle = THEME.text;
      c.lineWidth = 3 * frame.scale;
      c.setLineDash([12 * frame.scale, 8 * frame.scale]);
      c.beginPath();
      c.moveTo(area.left, y);
      c.lineTo(area.right, y);
      c.stroke();
      c.setLineDash([]);
      const bar = (chart.getDatasetMeta(0).data as unknown as { x: number; y: number }[])[highlightIndex];
      const highlighted = spec.years[highlightIndex];
      if (bar && highlighted) {
        const up = highlighted.spreadPp >= 0;
        c.fillStyle = THEME.text;
        c.font = fontString(frame.font.label, 700);
        c.textAlign = 'center';
        c.textBaseline = up ? 'bottom' : 'top';
        c.fillText(formatPp(spec.locale, highlighted.spreadPp), bar.x, up ? bar.y - 8 * frame.scale : bar.y + 8 * frame.scale);
      }
      c.restore();
      drawEndTags(c, frame, [{ tag: medianTag, pointX: area.right, pointY: y }], area.right + leaderGap, area.top, area.bottom);
    },
  };

  return {
    type: 'bar',
    data: {
      labels: years.map(String),
      datasets: [{ data: values, backgroundColor: colours, borderRadius: 4 * frame.scale, barPercentage: 0.8, categoryPercentage: 0.9 }],
    },
    options: {
      ...baseOptions(frame, padding),
      scales: {
        x: {
          type: 'category',
          grid: { display: false },
          border: { color: THEME.axis },
          ticks: {
            color: THEME.muted,
            font: tickFont(frame),
            maxRotation: 0,
            autoSkip: false,
            callback: (_value, index) => ((lastYear - years[index]!) % step === 0 ? String(years[index]) : null),
          },
        },
        y: valueAxis(frame, CHART_TEXT[spec.locale].pp, (v) => formatTick(v, 1, true), { ...range, grid: zeroLineGrid } as never),
      },
    },
    plugins: [framePlugin(frame), annotations],
  };
}
