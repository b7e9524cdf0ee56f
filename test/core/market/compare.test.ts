import { describe, expect, it } from 'vitest';
import { compareLegs } from '../../../core/market/compare.ts';
import { parsePeriod } from '../../../core/market/period.ts';
import { UserError } from '../../../core/user-error.ts';
import { bars, leg, weekdays } from '../../helpers/synthetic.ts';

const dates = weekdays('2023-12-01', '2024-03-29');
// Small closes at 100 through 2023, then 110 from the first 2024 session; large at 200 then 190.
const small = bars(dates, (_, d) => (d < '2024-01-01' ? 100 : 110));
const large = bars(dates, (_, d) => (d < '2024-01-01' ? 200 : 190));

describe('compareLegs', () => {
  it('measures YTD from the last close of the previous year', () => {
    const c = compareLegs([leg('S', 'small', small), leg('L', 'large', large)], parsePeriod('ytd'), '2024-03-29', 'price');
    expect(c.baseDate).toBe('2023-12-29');
    expect(c.endDate).toBe('2024-03-29');
    expect(c.legs[0]!.return).toBeCloseTo(0.1, 12);
    expect(c.legs[1]!.return).toBeCloseTo(-0.05, 12);
  });

  it('gives the spread in percentage points and the ratio change in percent', () => {
    const c = compareLegs([leg('S', 'small', small), leg('L', 'large', large)], parsePeriod('ytd'), '2024-03-29', 'price');
    expect(c.spreadPp).toBeCloseTo(15, 10);
    expect(c.ratio.end).toBeCloseTo((1.1 / 0.95) * 100, 10);
    expect(c.ratio.changePct).toBeCloseTo((1.1 / 0.95 - 1) * 100, 10);
    expect(c.ratio.changePct).not.toBeCloseTo(c.spreadPp, 1);
  });

  it('caps the end at as-of and ignores later data', () => {
    const c = compareLegs([leg('S', 'small', small), leg('L', 'large', large)], parsePeriod('1d'), '2024-01-02', 'price');
    expect(c.baseDate).toBe('2024-01-01');
    expect(c.endDate).toBe('2024-01-02');
    expect(c.legs[0]!.return).toBe(0);
  });

  it('measures a calendar year from the previous year-end close to the year-end close', () => {
    const d = weekdays('2021-12-20', '2023-01-10');
    const s = bars(d, (i) => 100 + i);
    const l = bars(d, () => 50);
    const c = compareLegs([leg('S', 'small', s), leg('L', 'large', l)], parsePeriod('2022'), '2023-01-10', 'price');
    expect(c.baseDate).toBe('2021-12-31');
    expect(c.endDate).toBe('2022-12-30');
    const base = 100 + d.indexOf('2021-12-31');
    const end = 100 + d.indexOf('2022-12-30');
    expect(c.legs[0]!.return).toBeCloseTo(end / base - 1, 12);
  });

  it('snaps from/to dates that are not sessions to the nearest session inside the range and says so', () => {
    const c = compareLegs([leg('S', 'small', small), leg('L', 'large', large)], parsePeriod('2024-01-06', '2024-01-14'), '2024-03-29', 'price');
    expect(c.baseDate).toBe('2024-01-05');
    expect(c.endDate).toBe('2024-01-12');
    expect(c.notes).toEqual([
      { kind: 'snapped-from', requested: '2024-01-06', session: '2024-01-08' },
      { kind: 'snapped-to', requested: '2024-01-14', session: '2024-01-12' },
    ]);
  });

  it('skips a date missing in one leg and still computes on common sessions', () => {
    const holey = small.filter((b) => b.date !== '2024-02-01');
    const c = compareLegs([leg('S', 'small', holey), leg('L', 'large', large)], parsePeriod('ytd'), '2024-03-29', 'price');
    expect(c.path.dates).not.toContain('2024-02-01');
    expect(c.legs[0]!.return).toBeCloseTo(0.1, 12);
  });

  it('leaves out a leg whose data does not cover the period, with a note', () => {
    const late = small.filter((b) => b.date >= '2024-02-01');
    const c = compareLegs([leg('S', 'small', small), leg('S2', 'small', late), leg('L', 'large', large)], parsePeriod('ytd'), '2024-03-29', 'price');
    expect(c.legs.map((l) => l.instrument.symbol)).toEqual(['S', 'L']);
    expect(c.omitted).toEqual([expect.objectContaining({ reason: 'not-covered', first: '2024-02-01', last: '2024-03-29' })]);
  });

  it('fails when no small-cap leg covers the period', () => {
    const late = small.filter((b) => b.date >= '2024-02-01');
    expect(() => compareLegs([leg('S', 'small', late), leg('L', 'large', large)], parsePeriod('ytd'), '2024-03-29', 'price')).toThrowError(UserError);
  });

  it('uses adjusted closes for total return and leaves out legs without them', () => {
    const withAdj = bars(dates, (_, d) => (d < '2024-01-01' ? 100 : 110), (i) => (dates[i]! < '2024-01-01' ? 90 : 108));
    const c = compareLegs(
      [leg('S', 'small', withAdj), leg('L', 'large', bars(dates, () => 10, () => 20)), leg('L2', 'large', large)],
      parsePeriod('ytd'), '2024-03-29', 'total',
    );
    expect(c.basis).toBe('total');
    expect(c.legs[0]!.return).toBeCloseTo(0.2, 12);
    expect(c.omitted).toEqual([expect.objectContaining({ reason: 'no-total-return' })]);
  });

  it('measures the deepest fall inside the period', () => {
    const path = [100, 100, 120, 90, 130, 117];
    const d = weekdays('2024-01-01', '2024-01-08');
    const c = compareLegs([leg('S', 'small', bars(d, (i) => path[i]!)), leg('L', 'large', bars(d, () => 1))], parsePeriod('max'), '2024-01-08', 'price');
    expect(c.legs[0]!.maxDrawdown).toBeCloseTo(90 / 120 - 1, 12);
  });

  it('ranks the spread among every past window of the same length', () => {
    const d = weekdays('2024-01-01', '2024-02-29');
    // Small gains 1 per session, so every 1-session spread is positive and the latest is the smallest.
    const c = compareLegs([leg('S', 'small', bars(d, (i) => 100 + i)), leg('L', 'large', bars(d, () => 100))], parsePeriod('1d'), '2024-02-29', 'price');
    expect(c.percentile?.windows).toBe(d.length - 1);
    expect(c.percentile?.rank).toBeCloseTo((1 / (d.length - 1)) * 100, 10);
    expect(c.ratio52w?.sessionsSinceHigh).toBe(0);
    expect(c.ratio52w?.sessionsSinceLow).toBe(d.length - 1);
  });

  it('rejects a period that starts before the data', () => {
    expect(() => compareLegs([leg('S', 'small', small), leg('L', 'large', large)], parsePeriod('5y'), '2024-03-29', 'price')).toThrowError(/beforeData/);
  });

  it('rejects a year in the future', () => {
    expect(() => compareLegs([leg('S', 'small', small), leg('L', 'large', large)], parsePeriod('2025'), '2024-03-29', 'price')).toThrowError(/period.future/);
  });
});

describe('compareLegs with a missing base row', () => {
  it('measures from the last common close before the period when a leg lacks the base date', () => {
    const holey = small.filter((b) => b.date !== '2023-12-29');
    const c = compareLegs([leg('S', 'small', holey), leg('L', 'large', large)], parsePeriod('ytd'), '2024-03-29', 'price');
    expect(c.baseDate).toBe('2023-12-28');
    expect(c.legs[0]!.return).toBeCloseTo(0.1, 12);
  });
});

describe('compareLegs with data after as-of', () => {
  it('ends the current calendar year at as-of even when later data exists', () => {
    const c = compareLegs([leg('S', 'small', small), leg('L', 'large', large)], parsePeriod('2024'), '2024-02-15', 'price');
    expect(c.endDate).toBe('2024-02-15');
    expect(c.notes).toEqual([{ kind: 'partial-year', year: 2024, through: '2024-02-15' }]);
  });

  it('gives the same answer on a second call with the same series', () => {
    const legs = [leg('S', 'small', small), leg('L', 'large', large)];
    const first = compareLegs(legs, parsePeriod('ytd'), '2024-02-15', 'price');
    const second = compareLegs(legs, parsePeriod('ytd'), '2024-03-29', 'price');
    expect(first.endDate).toBe('2024-02-15');
    expect(second.endDate).toBe('2024-03-29');
    const fresh = compareLegs([leg('S', 'small', [...small]), leg('L', 'large', [...large])], parsePeriod('ytd'), '2024-03-29', 'price');
    expect(second.percentile).toEqual(fresh.percentile);
    expect(second.ratio52w).toEqual(fresh.ratio52w);
  });
});
