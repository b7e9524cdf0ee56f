import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../../core/charts/chart-spec.ts';
import { renderChart } from '../../../core/charts/render-chart.ts';
import { HIGHLIGHT_COLOUR, OTHER_BAR_COLOUR, legColour } from '../../../core/charts/palette.ts';
import { CHART_SIZES } from '../../../core/charts/sizes.ts';
import { THEME } from '../../../core/charts/theme.ts';
import { allRealSpecs, ratioSpec, seasonalitySpec, ytdLinesSpec } from './real-specs.ts';
import { blend, countColour, countNear, decodePng, pixelAt, pngSize } from './png-pixels.ts';

const kinds = (specs: ChartSpec[]) => specs.map((spec) => [spec.kind, spec] as const);

describe('renderChart on real market data', () => {
  for (const size of ['wide', 'square'] as const) {
    it.each(kinds(allRealSpecs('en', size)))(`draws a %s chart as a PNG of the ${size} preset size`, async (_kind, spec) => {
      const chart = await renderChart(spec);
      expect(pngSize(chart.png)).toEqual(CHART_SIZES[size]);
      expect({ width: chart.width, height: chart.height }).toEqual(CHART_SIZES[size]);
      const pixels = await decodePng(chart.png);
      expect(pixels.width).toBe(CHART_SIZES[size].width);
      expect(chart.alt.length).toBeGreaterThan(20);
    });
  }

  it.each(kinds(allRealSpecs('en', 'wide')))('paints an opaque %s card (corners are the background, alpha 255)', async (_kind, spec) => {
    const pixels = await decodePng((await renderChart(spec)).png);
    const background = Number.parseInt(THEME.background.slice(1), 16);
    const expected = [(background >> 16) & 255, (background >> 8) & 255, background & 255, 255];
    for (const [x, y] of [[0, 0], [pixels.width - 1, 0], [0, pixels.height - 1], [pixels.width - 1, pixels.height - 1]] as const) {
      expect(pixelAt(pixels, x, y)).toEqual(expected);
    }
  });

  it('draws every leg of the lines chart in its palette colour', async () => {
    const spec = ytdLinesSpec();
    const pixels = await decodePng((await renderChart(spec)).png);
    expect(spec.legs).toHaveLength(4);
    for (const leg of spec.legs) expect(countColour(pixels, legColour(leg.role, leg.rank)), leg.label).toBeGreaterThan(500);
  });

  it('gives the highlighted year of the seasonality chart its own colour, distinct from the other years', async () => {
    const spec = seasonalitySpec();
    expect(spec.years.some((y) => y.year === spec.highlightYear)).toBe(true);
    const pixels = await decodePng((await renderChart(spec)).png);
    expect(HIGHLIGHT_COLOUR).not.toBe(OTHER_BAR_COLOUR);
    expect(countColour(pixels, HIGHLIGHT_COLOUR)).toBeGreaterThan(100);
    expect(countColour(pixels, OTHER_BAR_COLOUR)).toBeGreaterThan(1000);
  });

  it('shades a five-year ratio chart above its average in the small-cap colour and below it in the large-cap colour, never both', async () => {
    // Five years: with this many points chart.js's own above/below fill painted both colours everywhere.
    const spec = ratioSpec('en', 'wide', '2021-01-20', '2026-01-20');
    const values = spec.values;
    const above = values.filter((v, i) => spec.average[i] != null && v > spec.average[i]!).length;
    const below = values.filter((v, i) => spec.average[i] != null && v < spec.average[i]!).length;
    expect(above).toBeGreaterThan(20);
    expect(below).toBeGreaterThan(20);
    const pixels = await decodePng((await renderChart(spec)).png);
    const background = pixelAt(pixels, 0, 0).slice(0, 3) as [number, number, number];
    const smallShade = blend(legColour('small', 0), 0.3, background);
    const largeShade = blend(legColour('large', 0), 0.3, background);
    const bothShades = blend(legColour('small', 0), 0.3, largeShade);
    // The legend's swatches hold 800 pixels of each; the plot must hold far more.
    expect(countNear(pixels, smallShade)).toBeGreaterThan(3_000);
    expect(countNear(pixels, largeShade)).toBeGreaterThan(3_000);
    expect(countNear(pixels, bothShades)).toBeLessThan(200);
  });

  it('still draws the ratio chart when its average is undefined for the first sessions', async () => {
    const spec = { ...ratioSpec(), average: ratioSpec().average.map((v, i) => (i < 150 ? null : v)) };
    expect(pngSize((await renderChart(spec)).png)).toEqual(CHART_SIZES.wide);
  });

  it('draws the same pixels for the same spec, whatever was drawn on the reused canvas before', async () => {
    const spec = ytdLinesSpec();
    const first = await decodePng((await renderChart(spec)).png);
    for (const other of allRealSpecs('ko', 'wide')) await renderChart(other);
    const again = await decodePng((await renderChart(spec)).png);
    expect(Buffer.from(again.data.buffer).equals(Buffer.from(first.data.buffer))).toBe(true);
  });

  it('fails with a message naming the problem when a spec cannot be drawn', async () => {
    const spec = ytdLinesSpec();
    await expect(renderChart({ ...spec, dates: spec.dates.slice(0, 1) })).rejects.toThrow(/at least two dates/);
  });
});
