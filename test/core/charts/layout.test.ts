import { describe, expect, it } from 'vitest';
import { spreadApart } from '../../../core/charts/end-tags.ts';
import { legColour, textOn } from '../../../core/charts/palette.ts';
import { CHART_SIZES } from '../../../core/charts/sizes.ts';
import { metricsFor } from '../../../core/charts/theme.ts';

describe('chart layout rules', () => {
  it('keeps every font at 22 px or more per 1080 px of width', () => {
    for (const { width, height } of Object.values(CHART_SIZES)) {
      const metrics = metricsFor(width, height);
      for (const px of Object.values(metrics.font)) expect(px).toBeGreaterThanOrEqual((22 * width) / 1080);
    }
  });

  it('gives small-cap and large-cap legs fixed colours by rank, never shared', () => {
    expect(legColour('small', 0)).toBe('#D55E00');
    expect(legColour('large', 0)).toBe('#0072B2');
    const all = [0, 1, 2].flatMap((rank) => [legColour('small', rank), legColour('large', rank)]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('writes white on dark tags and dark on light ones', () => {
    expect(textOn('#0072B2')).toBe('#FFFFFF');
    expect(textOn('#E69F00')).not.toBe('#FFFFFF');
  });

  it('nudges end-of-line labels apart so none overlap, staying near their lines', () => {
    const desired = [100, 104, 108, 300];
    const heights = [40, 40, 40, 40];
    const ys = spreadApart(desired, heights, 0, 600, 6);
    const sorted = ys.map((y, i) => ({ y, h: heights[i]! })).sort((a, b) => a.y - b.y);
    for (let k = 1; k < sorted.length; k++) expect(sorted[k]!.y - sorted[k - 1]!.y).toBeGreaterThanOrEqual(46 - 1e-9);
    expect(ys[3]).toBe(300);
  });

  it('keeps nudged labels inside the plot when there is room', () => {
    const ys = spreadApart([590, 595, 598], [40, 40, 40], 0, 600, 6);
    for (const y of ys) {
      expect(y + 20).toBeLessThanOrEqual(600);
      expect(y - 20).toBeGreaterThanOrEqual(0);
    }
  });
});
