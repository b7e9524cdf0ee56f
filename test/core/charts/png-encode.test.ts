import { describe, expect, it } from 'vitest';
import { renderChart } from '../../../core/charts/render-chart.ts';
import { encodeRgbaPng } from '../../../core/charts/png-encode.ts';
import { decodePng, pngSize } from './png-pixels.ts';
import { seasonalitySpec, ytdLinesSpec } from './real-specs.ts';

describe('PNG encoding', () => {
  it('encodes a tiny RGBA image that decodes to the same pixels', async () => {
    const rgba = Uint8Array.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 10, 20, 30, 255, 40, 50, 60, 255, 70, 80, 90, 255]);
    const png = await encodeRgbaPng(rgba, 3, 2);
    expect(pngSize(png)).toEqual({ width: 3, height: 2 });
    expect([...(await decodePng(png)).data]).toEqual([...rgba]);
  });

  it.each([['lines', ytdLinesSpec()], ['seasonality', seasonalitySpec('ko', 'square')]] as const)(
    'gives the same %s chart pixels as Skia’s own PNG encoder',
    async (_kind, spec) => {
      const fast = await decodePng((await renderChart(spec)).png);
      const skia = await decodePng((await renderChart(spec, { encoder: 'skia' })).png);
      expect(fast.width).toBe(skia.width);
      expect(Buffer.from(fast.data.buffer).equals(Buffer.from(skia.data.buffer))).toBe(true);
    },
  );
});
