import { describe, expect, it } from 'vitest';
import type { Bar, IsoDate } from '../../../core/market/types.ts';
import { januarySpreads, latestDecemberJanuary, latestJanuary, medianSpread, monthSpread, yearsBefore } from '../../../core/market/seasonal-spread.ts';
import { isSession } from '../../../core/calendar/sessions.ts';
import { bars, weekdays } from '../../helpers/synthetic.ts';

/** A close that holds each value from its date until the next step: returns between steps are exact ratios. */
function steps(dates: readonly IsoDate[], points: readonly (readonly [IsoDate, number])[]): Bar[] {
  return bars(dates, (_, date) => {
    let value = points[0]![1];
    for (const [from, v] of points) if (from <= date) value = v;
    return value;
  });
}

const DAYS = weekdays('2022-11-01', '2026-03-31').filter(isSession);
const without = (series: Bar[], ...dates: IsoDate[]) => series.filter((b) => !dates.includes(b.date));

/** Small caps: +2% in January 2023, −1% in January 2024, +5% in January 2025, +8% so far in January 2026. Large caps flat, then +2% in January 2026. */
const small = steps(DAYS, [
  ['2022-11-01', 100],
  ['2023-01-03', 102],
  ['2023-02-01', 100],
  ['2024-01-02', 99],
  ['2024-02-01', 100],
  ['2025-01-02', 105],
  ['2025-02-03', 100],
  ['2025-12-01', 90],
  ['2026-01-02', 97.2],
]);
const large = steps(DAYS, [
  ['2022-11-01', 50],
  ['2025-12-01', 40],
  ['2026-01-02', 40.8],
]);

describe('monthSpread', () => {
  it('measures a January from the last December close to the last January close', () => {
    const jan = monthSpread(small, large, 2025, 1)!;
    expect(jan).toMatchObject({ year: 2025, month: 1, baseDate: '2024-12-31', endDate: '2025-01-31', finished: true, complete: true });
    expect(jan.smallReturn).toBeCloseTo(0.05, 12);
    expect(jan.largeReturn).toBe(0);
    expect(jan.spreadPp).toBeCloseTo(5, 10);
  });

  it('measures a December from the last November close, after Thanksgiving', () => {
    const dec = monthSpread(small, large, 2025, 12)!;
    expect(dec).toMatchObject({ baseDate: '2025-11-28', endDate: '2025-12-31', complete: true });
    expect(dec.smallReturn).toBeCloseTo(-0.1, 12);
    expect(dec.largeReturn).toBeCloseTo(-0.2, 12);
    expect(dec.spreadPp).toBeCloseTo(10, 10);
  });

  it('gives a running month up to as-of, marked unfinished, and ignores later closes', () => {
    const jan = monthSpread(small, large, 2026, 1, { asOf: '2026-01-15' })!;
    expect(jan).toMatchObject({ baseDate: '2025-12-31', endDate: '2026-01-15', finished: false, complete: false });
    expect(jan.smallReturn).toBeCloseTo(0.08, 12);
    expect(jan.largeReturn).toBeCloseTo(0.02, 12);
    expect(jan.spreadPp).toBeCloseTo(6, 10);
  });

  it('counts a month as over at its last NYSE session, even when as-of is the weekend after', () => {
    expect(monthSpread(small, large, 2026, 1, { asOf: '2026-01-31' })).toMatchObject({ endDate: '2026-01-30', finished: true, complete: true });
  });

  it('uses only the sessions both series have', () => {
    const jan = monthSpread(small, without(large, '2024-12-31'), 2025, 1)!;
    expect(jan.baseDate).toBe('2024-12-30');
    expect(jan.finished).toBe(true);
    expect(jan.complete).toBe(false);
  });

  it('has no answer without a close in the month before, or without a close in the month', () => {
    const fromJanuary = small.filter((b) => b.date >= '2025-01-02');
    expect(monthSpread(fromJanuary, large, 2025, 1)).toBeNull();
    expect(monthSpread(small, large, 2026, 1, { asOf: '2025-12-31' })).toBeNull();
    expect(monthSpread(small, large, 2027, 1)).toBeNull();
  });

  it('reads adjusted closes on the total basis', () => {
    const adj = bars(DAYS, (_, d) => (d >= '2025-01-02' ? 11 : 10), (i) => (DAYS[i]! >= '2025-01-02' ? 12 : 10));
    const flat = bars(DAYS, () => 50, () => 50);
    expect(monthSpread(adj, flat, 2025, 1, { basis: 'total' })!.smallReturn).toBeCloseTo(0.2, 12);
    expect(monthSpread(adj, flat, 2025, 1)!.smallReturn).toBeCloseTo(0.1, 12);
  });
});

describe('januarySpreads and medianSpread', () => {
  it('lists the Januaries with data in the order asked, skipping years without', () => {
    const spreads = januarySpreads(small, large, [2022, 2023, 2024, 2025, 2026, 2027], { asOf: '2026-01-15' });
    expect(spreads.map((s) => [s.year, s.complete])).toEqual([
      [2023, true],
      [2024, true],
      [2025, true],
      [2026, false],
    ]);
    expect(spreads.map((s) => Math.round(s.spreadPp * 1e9) / 1e9)).toEqual([2, -1, 5, 6]);
  });

  it('takes the median over complete Januaries only', () => {
    const spreads = januarySpreads(small, large, [2023, 2024, 2025, 2026], { asOf: '2026-01-15' });
    const m = medianSpread(spreads)!;
    expect(m.medianPp).toBeCloseTo(2, 10);
    expect(m).toMatchObject({ count: 3, firstYear: 2023, lastYear: 2025 });
  });

  it('leaves out a January with a missing month-end close', () => {
    const gappy = without(small, '2024-01-31');
    const spreads = januarySpreads(gappy, large, [2023, 2024, 2025]);
    expect(spreads.find((s) => s.year === 2024)!.complete).toBe(false);
    expect(medianSpread(spreads)).toMatchObject({ count: 2, firstYear: 2023, lastYear: 2025 });
    expect(medianSpread(spreads)!.medianPp).toBeCloseTo(3.5, 10);
  });

  it('has no median without a complete month', () => {
    expect(medianSpread([])).toBeNull();
  });

  it('names the years before a year, oldest first', () => {
    expect(yearsBefore(2026, 3)).toEqual([2023, 2024, 2025]);
    expect(yearsBefore(2026, 20)).toHaveLength(20);
    expect(yearsBefore(2026, 20)[0]).toBe(2006);
    expect(yearsBefore(2026, 0)).toEqual([]);
  });
});

describe('latestJanuary', () => {
  it('is this year’s January, finished or so far', () => {
    expect(latestJanuary(small, large, '2026-03-31')).toMatchObject({ year: 2026, endDate: '2026-01-30', finished: true });
    expect(latestJanuary(small, large, '2026-01-15')).toMatchObject({ year: 2026, endDate: '2026-01-15', finished: false });
  });

  it('falls back to last year’s before this year’s first January session', () => {
    expect(latestJanuary(small, large, '2026-01-01')).toMatchObject({ year: 2025, endDate: '2025-01-31', complete: true });
  });
});

describe('latestDecemberJanuary', () => {
  it('pairs last December with this January once January has a close', () => {
    const pair = latestDecemberJanuary(small, large, '2026-01-15')!;
    expect(pair.december).toMatchObject({ year: 2025, month: 12, complete: true });
    expect(pair.december.spreadPp).toBeCloseTo(10, 10);
    expect(pair.january).toMatchObject({ year: 2026, month: 1, finished: false });
    expect(pair.january.spreadPp).toBeCloseTo(6, 10);
  });

  it('in December, pairs the December and January before', () => {
    const pair = latestDecemberJanuary(small, large, '2025-12-15')!;
    expect([pair.december.year, pair.january.year]).toEqual([2024, 2025]);
    expect(pair.january.spreadPp).toBeCloseTo(5, 10);
  });

  it('is null when the data holds no such pair', () => {
    const short = small.filter((b) => b.date >= '2025-06-01');
    expect(latestDecemberJanuary(short, large, '2025-12-15')).toBeNull();
  });
});
