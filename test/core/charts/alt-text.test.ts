import { describe, expect, it } from 'vitest';
import type { LinesChartSpec } from '../../../core/charts/chart-spec.ts';
import { altText, clampAlt } from '../../../core/charts/alt-text.ts';
import { allRealSpecs, ratioSpec, seasonalitySpec, ytdBarsSpec, ytdLinesSpec } from './real-specs.ts';

describe('altText', () => {
  it('describes a lines chart with each leg and its return, the base and the end date', () => {
    const spec: LinesChartSpec = {
      kind: 'lines', locale: 'en', size: 'wide', title: 't', footer: 'f',
      dates: ['2025-12-31', '2026-01-02', '2026-01-20'],
      legs: [
        { label: 'Russell 2000 (IWM)', role: 'small', rank: 0, values: [100, 101, 106.7], returnLabel: '+6.7%' },
        { label: 'S&P 500 (SPY)', role: 'large', rank: 0, values: [100, 100.2, 99.4], returnLabel: '−0.6%' },
      ],
    };
    expect(altText(spec)).toBe('Line chart: Russell 2000 (IWM) +6.7%, S&P 500 (SPY) −0.6%, rebased to 100 from 2025-12-31 to 2026-01-20.');
    expect(altText({ ...spec, locale: 'ko' })).toBe('선 차트: Russell 2000 (IWM) +6.7%, S&P 500 (SPY) −0.6%, 2025-12-31부터 2026-01-20까지 100 기준 환산.');
  });

  it('uses the numbers the chart draws', () => {
    const lines = ytdLinesSpec();
    for (const leg of lines.legs) expect(altText(lines)).toContain(`${leg.label} ${leg.returnLabel}`);
    const bars = ytdBarsSpec();
    expect(altText(bars)).toContain(bars.spreadLabel);
    const ratio = ratioSpec();
    expect(altText(ratio)).toContain(ratio.values[ratio.values.length - 1]!.toFixed(1));
    expect(altText(ratio)).toMatch(/(above|below) its 200-session average/);
    const seasonality = seasonalitySpec();
    expect(altText(seasonality)).toContain(seasonality.medianLabel);
    expect(altText(seasonality)).toContain(`of ${seasonality.years.length} years`);
  });

  it.each(['en', 'ko'] as const)('stays within 1000 characters for every kind (%s)', (locale) => {
    for (const spec of allRealSpecs(locale)) {
      const alt = altText(spec);
      expect(alt.length).toBeGreaterThan(0);
      expect(alt.length).toBeLessThanOrEqual(1000);
    }
  });

  it('cuts an over-long description at a boundary with an ellipsis', () => {
    const long = Array.from({ length: 200 }, (_, i) => `factor ${i}: rising`).join('; ');
    const cut = clampAlt(long);
    expect(cut.length).toBeLessThanOrEqual(1000);
    expect(cut.endsWith('rising…')).toBe(true);
  });
});
