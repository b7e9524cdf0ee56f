import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../core/data/macro.ts';
import { activityFactor, ismFactor, knownAt, monetaryFactor, PUBLICATION, publishedOn } from '../../../core/scenarios/macro-factors.ts';
import { momentumFactor } from '../../../core/scenarios/market-factors.ts';
import { bars, weekdays } from '../../helpers/synthetic.ts';

const monthly = (start: string, values: number[]): Observation[] =>
  values.map((value, i) => {
    const d = new Date(`${start}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + i);
    return { date: d.toISOString().slice(0, 10), value };
  });

describe('publication dates', () => {
  it('publishes an ISM reading on the first business day of the next month (second session in January)', () => {
    expect(publishedOn('2025-12-31', PUBLICATION.ISM_MANUFACTURING_PMI)).toBe('2026-01-05');
    expect(publishedOn('2026-01-27', PUBLICATION.ISM_MANUFACTURING_PMI)).toBe('2026-02-02');
  });

  it('publishes a monthly FRED value in the following month and a daily one the next day', () => {
    expect(publishedOn('2025-10-01', PUBLICATION.HOUST)).toBe('2025-11-20');
    expect(publishedOn('2026-01-19', PUBLICATION.DFF)).toBe('2026-01-20');
  });

  it('keeps only what was public on the as-of date', () => {
    const ism = [{ date: '2025-12-31', value: 47.9 }, { date: '2026-01-27', value: 52.6 }];
    expect(knownAt(ism, PUBLICATION.ISM_MANUFACTURING_PMI, '2026-01-30')).toEqual([ism[0]]);
    expect(knownAt(ism, PUBLICATION.ISM_MANUFACTURING_PMI, '2026-02-02')).toEqual(ism);
  });
});

describe('macro factors', () => {
  it('reads easing from a 0.69 pp fall in fed funds over six months', () => {
    const dff = [{ date: '2025-07-19', value: 4.33 }, { date: '2025-12-18', value: 3.64 }, { date: '2026-01-19', value: 3.64 }, { date: '2026-01-20', value: 3.64 }];
    const f = monetaryFactor({ id: 'DFF', observations: dff }, '2026-01-20');
    expect(f).toMatchObject({ state: 'easing', lean: 'small', source: 'data', asOf: '2026-01-19' });
    expect(f.detail.changePp).toBeCloseTo(-0.69, 10);
  });

  it('does not see the January ISM reading before it is released', () => {
    const pmi = [...monthly('2025-09-30', [49.1, 48.7, 48.2]), { date: '2025-12-31', value: 47.9 }, { date: '2026-01-27', value: 52.6 }];
    expect(ismFactor(pmi, '2026-01-30')).toMatchObject({ state: 'contracting', asOf: '2025-12-31' });
    expect(ismFactor(pmi, '2026-02-02')).toMatchObject({ state: 'expanding', asOf: '2026-01-27' });
  });

  it('compares three-month averages of housing starts six months apart', () => {
    // Feb–Apr 2025 average 1414.3, Aug–Oct 2025 average 1281: −9.4%.
    const houst = monthly('2025-02-01', [1490, 1355, 1398, 1282, 1382, 1420, 1291, 1306, 1246]);
    const f = activityFactor('housing', 'HOUST', houst, '2026-01-20');
    expect(f).toMatchObject({ state: 'weak', lean: 'large', asOf: '2025-10-01' });
    expect(f.detail.changePct).toBeCloseTo((1281 / ((1490 + 1355 + 1398) / 3) - 1) * 100, 10);
  });

  it('turns a missing, unpublished, too short or stale series into an unknown factor, not an error', () => {
    expect(activityFactor('autos', 'TOTALSA', undefined, '2026-01-20')).toMatchObject({ state: 'unknown', source: 'unknown', detail: { reason: 'no-data' } });
    expect(ismFactor([{ date: '2026-01-27', value: 52.6 }], '2026-01-20')).toMatchObject({ state: 'unknown', detail: { reason: 'not-published' } });
    expect(activityFactor('housing', 'HOUST', monthly('2025-08-01', [1291, 1306, 1246]), '2026-01-20')).toMatchObject({ state: 'unknown', detail: { reason: 'short-history' } });
    const houst = monthly('2025-02-01', [1490, 1355, 1398, 1282, 1382, 1420, 1291, 1306, 1246]);
    expect(activityFactor('housing', 'HOUST', houst, '2026-08-20')).toMatchObject({ state: 'unknown', detail: { reason: 'stale', last: '2025-10-01' } });
  });
});

describe('momentum', () => {
  const dates = weekdays('2025-01-01', '2026-01-20');
  const flat = bars(dates, () => 100);

  it('reads a small-cap lead year to date with the ratio above its 200-session average', () => {
    const small = bars(dates, (_, d) => (d >= '2026-01-01' ? 108 : 100));
    const f = momentumFactor({ small: { symbol: 'S', bars: small }, large: { symbol: 'L', bars: flat } }, '2026-01-20');
    expect(f).toMatchObject({ state: 'small-leading', asOf: '2026-01-20', detail: { window: 'ytd', from: '2025-12-31' } });
    expect(f.detail.spreadPp).toBeCloseTo(8, 10);
  });

  it('uses three months while January has fewer than ten sessions', () => {
    const small = bars(dates, (_, d) => (d >= '2025-11-01' ? 104 : 100));
    const f = momentumFactor({ small: { symbol: 'S', bars: small }, large: { symbol: 'L', bars: flat } }, '2026-01-09');
    expect(f.detail).toMatchObject({ window: '3m', from: '2025-10-09' });
    expect(f.state).toBe('small-leading');
  });

  it('finds no clear leader when a YTD lead sits below the ratio\'s long average', () => {
    // A slump in December, a 4% bounce in January: ahead this year, still far below the year's average ratio.
    const small = bars(dates, (_, d) => (d >= '2026-01-01' ? 104 : d >= '2025-12-01' ? 100 : 130));
    const f = momentumFactor({ small: { symbol: 'S', bars: small }, large: { symbol: 'L', bars: flat } }, '2026-01-20');
    expect(f.detail.spreadPp).toBeCloseTo(4, 10);
    expect(f.detail.ratioVsAveragePct).toBeLessThan(0);
    expect(f.state).toBe('no-clear-leader');
  });

  it('ignores closes after the as-of date', () => {
    const small = bars(dates, (_, d) => (d > '2026-01-10' ? 150 : 100));
    expect(momentumFactor({ small: { symbol: 'S', bars: small }, large: { symbol: 'L', bars: flat } }, '2026-01-09').state).toBe('no-clear-leader');
  });
});
