import { describe, expect, it } from 'vitest';
import { drawdownFromHigh } from '../../core/glossary/live-drawdown.ts';
import { liveFigure } from '../../core/glossary/live-figure.ts';
import { liveText } from '../../commands/explain-live-text.ts';
import { isSession } from '../../core/calendar/sessions.ts';
import { bars, leg, weekdays } from '../helpers/synthetic.ts';

const DAYS = weekdays('2004-11-01', '2026-02-27').filter(isSession);

describe('drawdownFromHigh', () => {
  const series = bars(['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08'], (i) => [100, 120, 110, 102][i]!);

  it('measures the last close against the highest close of the window', () => {
    expect(drawdownFromHigh(series, '2026-01-08')).toMatchObject({ date: '2026-01-08', close: 102, high: 120, highDate: '2026-01-06', sessions: 4 });
    expect(drawdownFromHigh(series, '2026-01-08')!.drawdown).toBeCloseTo(-0.15, 12);
  });

  it('forgets highs older than the window', () => {
    expect(drawdownFromHigh(series, '2026-01-08', 2)).toMatchObject({ high: 110, highDate: '2026-01-07' });
  });

  it('is zero at a new high and ignores closes after as-of', () => {
    expect(drawdownFromHigh(series, '2026-01-06')).toMatchObject({ date: '2026-01-06', drawdown: 0 });
  });

  it('has no answer before the first close', () => {
    expect(drawdownFromHigh(series, '2026-01-02')).toBeNull();
  });
});

describe('liveFigure', () => {
  /** Small caps gain 3% every January and give it back in February; large caps are flat until 2026. */
  const smallBars = bars(DAYS, (_, d) => (d.slice(5, 7) === '01' ? 103 : 100));
  const largeBars = bars(DAYS, (_, d) => (d >= '2026-01-02' && d < '2026-02-01' ? 51 : 50));
  const legs = [leg('IWM', 'small', smallBars), leg('IJR', 'small', smallBars), leg('SPY', 'large', largeBars)];

  it('gives the January effect as this January against the median of the 20 before', () => {
    const f = liveFigure('january-effect', legs, '2026-02-27')!;
    if (f.kind !== 'january-effect') throw new Error(f.kind);
    expect(f.asOf).toBe('2026-01-30');
    expect([f.small.symbol, f.large.symbol]).toEqual(['IWM', 'SPY']);
    expect(f.january.spreadPp).toBeCloseTo(1, 10);
    expect(f.history).toMatchObject({ count: 20, firstYear: 2006, lastYear: 2025 });
    expect(f.history!.medianPp).toBeCloseTo(3, 10);
    expect(liveText('en', f)).toBe(
      '• January 2026: Russell 2000 (IWM) +3.0% vs S&P 500 (SPY) +2.0%, a spread of +1.0 pp (Dec 31, 2025 → Jan 30, 2026)\n• Median January spread over the previous 20 years (2006–2025): +3.0 pp',
    );
  });

  it('counts only the Januaries the data fully covers', () => {
    const f = liveFigure('january-effect', [leg('IWM', 'small', smallBars.filter((b) => b.date >= '2015-06-01')), leg('SPY', 'large', largeBars)], '2026-02-27');
    expect(f?.kind === 'january-effect' && f.history).toMatchObject({ count: 10, firstYear: 2016, lastYear: 2025 });
  });

  it('uses the next leg of a role when the first has no data', () => {
    const f = liveFigure('tax-loss', [leg('IWM', 'small', []), leg('IJR', 'small', smallBars), leg('SPY', 'large', largeBars)], '2026-01-15');
    expect(f?.kind === 'tax-loss' && [f.small.symbol, f.december.year, f.january.year, f.january.finished]).toEqual(['IJR', 2025, 2026, false]);
  });

  it('gives drawdowns for every leg with data', () => {
    const f = liveFigure('drawdown', legs, '2026-02-27');
    expect(f?.kind === 'drawdown' && f.legs.map((l) => [l.instrument.symbol, Math.round(l.drawdown * 1e6) / 1e6])).toEqual([
      ['IWM', Math.round((100 / 103 - 1) * 1e6) / 1e6],
      ['IJR', Math.round((100 / 103 - 1) * 1e6) / 1e6],
      ['SPY', Math.round((50 / 51 - 1) * 1e6) / 1e6],
    ]);
  });

  it('is null when no pair of legs has data', () => {
    expect(liveFigure('january-effect', [leg('IWM', 'small', smallBars)], '2026-02-27')).toBeNull();
    expect(liveFigure('drawdown', [leg('IWM', 'small', [])], '2026-02-27')).toBeNull();
  });

  it('reads the year-to-date figures from compareLegs', () => {
    const f = liveFigure('spread', legs, '2026-01-15');
    if (f?.kind !== 'spread') throw new Error('no spread');
    expect(f.asOf).toBe('2026-01-15');
    expect(f.comparison.spreadPp).toBeCloseTo(1, 10);
  });
});
