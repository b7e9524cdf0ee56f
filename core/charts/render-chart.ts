import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import type { ChartConfiguration, ChartItem, Plugin } from 'chart.js';
import type { ChartSpec, RenderedChart } from './chart-spec.ts';
import { Chart, registerables } from 'chart.js';
import { altText } from './alt-text.ts';
import { releaseCanvas, takeCanvas } from './canvas-pool.ts';
import { CHART_FONT_STACK, registerChartFonts } from './fonts.ts';
import { layoutFrame, paintBackground, drawTitleAndFooter } from './frame.ts';
import { encodeRgbaPng } from './png-encode.ts';
import { CHART_SIZES } from './sizes.ts';
import { metricsFor, THEME } from './theme.ts';
import { barsChart } from './kinds/bars.ts';
import { linesChart } from './kinds/lines.ts';
import { ratioChart } from './kinds/ratio.ts';
import { drawScorecard } from './kinds/scorecard.ts';
import { seasonalityChart } from './kinds/seasonality.ts';

let chartJsReady = false;
function setUp(): void {
  registerChartFonts();
  if (chartJsReady) return;
  Chart.register(...registerables);
  Chart.defaults.font.family = CHART_FONT_STACK;
  Chart.defaults.color = THEME.muted;
  chartJsReady = true;
}

function configFor(ctx: SKRSContext2D, spec: Exclude<ChartSpec, { kind: 'scorecard' }>, frame: ReturnType<typeof layoutFrame>): ChartConfiguration<'line' | 'bar'> {
  switch (spec.kind) {
    case 'lines': return linesChart(ctx, spec, frame) as ChartConfiguration<'line' | 'bar'>;
    case 'ratio': return ratioChart(ctx, spec, frame) as ChartConfiguration<'line' | 'bar'>;
    case 'bars': return barsChart(ctx, spec, frame) as ChartConfiguration<'line' | 'bar'>;
    case 'seasonality': return seasonalityChart(ctx, spec, frame) as ChartConfiguration<'line' | 'bar'>;
  }
}

/**
 * chart.js sets the canvas size on start-up when it has not recorded a pixel ratio yet, and
 * each size change makes @napi-rs/canvas allocate a new surface. The canvas already has the
 * right size at ratio 1, so record that first.
 */
const keepCanvasSize: Plugin = {
  id: 'rotation-keep-canvas-size',
  beforeInit(chart) {
    (chart as { currentDevicePixelRatio?: number }).currentDevicePixelRatio = 1;
  },
};

/**
 * Draws the chart synchronously. Call `dispose` once the pixels are no longer needed: the
 * canvas goes back to a per-thread pool, so it must not be used after that.
 */
export function drawChart(spec: ChartSpec): { readonly canvas: Canvas; dispose(): void } {
  setUp();
  const size = CHART_SIZES[spec.size];
  if (!size) throw new Error(`unknown chart size "${String(spec.size)}"`);
  const canvas = takeCanvas(size.width, size.height);
  let chart: Chart | undefined;
  let disposed = false;
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    chart?.destroy();
    releaseCanvas(canvas);
  };
  try {
    const ctx = canvas.getContext('2d', { alpha: false });
    const metrics = metricsFor(size.width, size.height);
    if (spec.kind === 'scorecard') {
      const frame = layoutFrame(ctx, metrics, spec.title, spec.footer, spec.verdictLabel);
      paintBackground(ctx, frame);
      drawScorecard(ctx, spec, frame);
      drawTitleAndFooter(ctx, frame);
    } else {
      const frame = layoutFrame(ctx, metrics, spec.title, spec.footer);
      const config = configFor(ctx, spec, frame);
      chart = new Chart(ctx as unknown as ChartItem, { ...config, plugins: [keepCanvasSize, ...(config.plugins ?? [])] } as ChartConfiguration<'line' | 'bar'>);
    }
  } catch (error) {
    dispose();
    throw error;
  }
  return { canvas, dispose };
}

/** 'zlib': our unfiltered fast-deflate encoder (default); 'skia': `canvas.encode('png')`. */
export type PngEncoder = 'zlib' | 'skia';

/** Renders a chart spec to a PNG; the compression runs off the calling thread. */
export async function renderChart(spec: ChartSpec, options: { readonly encoder?: PngEncoder } = {}): Promise<RenderedChart> {
  const { canvas, dispose } = drawChart(spec);
  const { width, height } = canvas;
  try {
    let png: Uint8Array;
    if (options.encoder === 'skia') {
      const buffer = await canvas.encode('png');
      png = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } else {
      // The canvas is opaque, so its premultiplied pixels are the straight ones.
      const pixels = canvas.data();
      dispose();
      png = await encodeRgbaPng(pixels, width, height);
    }
    return { png, width, height, alt: altText(spec) };
  } finally {
    dispose();
  }
}
