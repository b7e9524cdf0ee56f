import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { BarsChartSpec } from '../../../core/charts/chart-spec.ts';
import { barsChart } from '../../../core/charts/kinds/bars.ts';
import { layoutFrame } from '../../../core/charts/frame.ts';
import { metricsFor } from '../../../core/charts/theme.ts';
import { registerChartFonts } from '../../../core/charts/fonts.ts';

function yAxis(locale: 'en' | 'ko', unit: BarsChartSpec['unit']) {
  registerChartFonts();
  const ctx = createCanvas(1200, 675).getContext('2d');
  const frame = layoutFrame(ctx, metricsFor(1200, 675), 'Board', 'Footer');
  const spec: BarsChartSpec = { kind: 'bars', locale, size: 'wide', title: 'Board', footer: 'Footer', legs: [{ label: 'Mina', role: 'small', rank: 0, returnPct: 1.5, valueLabel: '1–0' }], spreadLabel: '', ...(unit ? { unit } : {}) };
  const y = (barsChart(ctx, spec, frame).options!.scales as Record<string, { title: { text: string }; ticks: { callback: (v: number) => string } }>).y!;
  return { title: y.title.text, tick: y.ticks.callback(1.5) };
}

describe('the bars chart axis', () => {
  it('says percent for returns and percentage points for leads', () => {
    expect(yAxis('en', undefined)).toEqual({ title: 'Return (%)', tick: '1.5%' });
    expect(yAxis('en', 'pp').title).toBe('Percentage points');
    expect(yAxis('en', 'pp').tick).not.toContain('%');
    expect(yAxis('ko', 'pp').title).toBe('%p');
  });
});
