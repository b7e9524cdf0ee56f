import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { CHART_FONT_FAMILY, fontString, registerChartFonts } from '../../../core/charts/fonts.ts';
import { renderChart } from '../../../core/charts/render-chart.ts';
import { CHART_SIZES } from '../../../core/charts/sizes.ts';
import { ytdLinesSpec } from './real-specs.ts';
import { pngSize } from './png-pixels.ts';

const KOREAN_TITLE = '소형주 대 대형주, 연초 대비';

/** The bitmap of one character drawn in `font`, as a string key, and whether it has any ink. */
function glyph(char: string, font: string): { key: string; ink: number } {
  const canvas = createCanvas(64, 64);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, 64, 64);
  ctx.fillStyle = '#000000';
  ctx.font = font;
  ctx.textBaseline = 'middle';
  ctx.fillText(char, 8, 32);
  const data = ctx.getImageData(0, 0, 64, 64).data;
  let ink = 0;
  const grey: number[] = [];
  for (let i = 0; i < data.length; i += 4) {
    grey.push(data[i]!);
    if (data[i]! < 128) ink++;
  }
  return { key: grey.join(','), ink };
}

describe('Hangul in charts', () => {
  it('registers the Noto Sans KR family once, however often it is asked', () => {
    registerChartFonts();
    const styles = () => GlobalFonts.families.find((f) => f.family === CHART_FONT_FAMILY)?.styles.length ?? 0;
    const before = styles();
    registerChartFonts();
    registerChartFonts();
    expect(before).toBeGreaterThan(0);
    expect(styles()).toBe(before);
  });

  it('draws each Hangul syllable of the title as its own glyph, not as identical tofu boxes', () => {
    registerChartFonts();
    const syllables = [...new Set([...KOREAN_TITLE.replace(/[\s,]/g, '')])];
    const noto = syllables.map((c) => glyph(c, fontString(40)));
    expect(noto.every((g) => g.ink > 20)).toBe(true);
    expect(new Set(noto.map((g) => g.key)).size).toBe(syllables.length);
    // A family that does not exist falls back to a system font: its Hangul differs from Noto's.
    const fallback = syllables.map((c) => glyph(c, '40px "No Such Font Family"'));
    expect(fallback.some((g, i) => g.key !== noto[i]!.key)).toBe(true);
  });

  it('renders a chart with a Korean title', async () => {
    const chart = await renderChart(ytdLinesSpec('ko', 'wide', KOREAN_TITLE));
    expect(pngSize(chart.png)).toEqual(CHART_SIZES.wide);
    expect(chart.alt.startsWith('선 차트:')).toBe(true);
  });
});
