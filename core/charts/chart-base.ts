import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Chart, ChartOptions, ChartType, Plugin, Scale, ScaleOptionsByType } from 'chart.js';
import type { ChartLocale } from './chart-spec.ts';
import type { Frame } from './frame.ts';
import type { IsoDate } from '../market/types.ts';
import { drawTitleAndFooter, paintBackground } from './frame.ts';
import { fontString, CHART_FONT_STACK } from './fonts.ts';
import { formatDateTick, planDateTicks } from './date-ticks.ts';
import { THEME } from './theme.ts';

/** chart.js types its context as the DOM one; on the server it is @napi-rs/canvas's. */
export const canvasOf = (chart: Chart): SKRSContext2D => chart.ctx as unknown as SKRSContext2D;

export type Padding = { readonly left: number; readonly right: number };

/** What every chart.js chart here shares: no animation or events, no built-in legend/title, the frame's padding. */
export function baseOptions(frame: Frame, padding: Padding, extraTop = 0) {
  return {
    responsive: false,
    animation: false,
    devicePixelRatio: 1,
    events: [],
    layout: {
      padding: {
        top: frame.contentTop + extraTop,
        bottom: frame.height - frame.contentBottom,
        left: padding.left,
        right: padding.right,
      },
    },
    plugins: { legend: { display: false }, title: { display: false }, tooltip: { enabled: false } },
  } satisfies ChartOptions;
}

/** Paints the card under the chart and the title and footer over it (chart.js clears the canvas before drawing). */
export function framePlugin<T extends ChartType>(frame: Frame): Plugin<T> {
  return {
    id: 'rotation-frame',
    beforeDraw(chart) {
      paintBackground(canvasOf(chart as unknown as Chart), frame);
    },
    afterDraw(chart) {
      drawTitleAndFooter(canvasOf(chart as unknown as Chart), frame);
    },
  };
}

export const tickFont = (frame: Frame) => ({ family: CHART_FONT_STACK, size: Math.round(frame.font.tick) });
export const axisTitleFont = (frame: Frame) => ({ family: CHART_FONT_STACK, size: Math.round(frame.font.tick) });

/** A category axis of session dates that labels only the sessions `planDateTicks` picks. */
export function dateAxis(ctx: SKRSContext2D, frame: Frame, dates: readonly IsoDate[], locale: ChartLocale, plotWidth: number): ScaleOptionsByType<'category'> {
  ctx.font = fontString(frame.font.tick);
  const gap = 28 * frame.scale;
  const ticks = planDateTicks(dates, locale, (granularity) => Math.floor(plotWidth / (ctx.measureText(formatDateTick('2024-12-28', granularity, locale)).width + gap)));
  const labels = new Map(ticks.map((t) => [t.index, t.label]));
  return {
    type: 'category',
    grid: { color: THEME.grid, drawTicks: true, tickLength: 8 * frame.scale, tickColor: THEME.axis },
    border: { color: THEME.axis },
    afterBuildTicks(scale: Scale) {
      scale.ticks = ticks.map((t) => ({ value: t.index }));
    },
    ticks: {
      color: THEME.muted,
      font: tickFont(frame),
      maxRotation: 0,
      autoSkip: true,
      autoSkipPadding: 16 * frame.scale,
      callback: (value: string | number) => labels.get(Number(value)) ?? null,
    },
  } as unknown as ScaleOptionsByType<'category'>;
}

/** A linear value axis with a title and formatted ticks. */
export function valueAxis(frame: Frame, title: string, format: (value: number) => string, extra: Partial<ScaleOptionsByType<'linear'>> = {}): ScaleOptionsByType<'linear'> {
  return {
    type: 'linear',
    grid: { color: THEME.grid, drawTicks: false },
    border: { display: false },
    title: { display: true, text: title, color: THEME.muted, font: axisTitleFont(frame), padding: { top: 0, bottom: 6 * frame.scale } },
    ticks: { color: THEME.muted, font: tickFont(frame), padding: 10 * frame.scale, maxTicksLimit: 7, callback: (value: string | number) => format(Number(value)) },
    ...extra,
  } as unknown as ScaleOptionsByType<'linear'>;
}

const plainNumber = new Map<string, Intl.NumberFormat>();
/** A tick value with at most `maxDigits` decimals and a real minus sign. */
export function formatTick(value: number, maxDigits = 2, signed = false): string {
  const key = `${maxDigits}:${signed}`;
  let f = plainNumber.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: maxDigits, signDisplay: signed ? 'exceptZero' : 'auto' });
    plainNumber.set(key, f);
  }
  return f.format(Math.abs(value) < 1e-9 ? 0 : value).replace('-', '−');
}
