import { describe, expect, it } from 'vitest';
import { formatDateTick, granularityFor, planDateTicks } from '../../../core/charts/date-ticks.ts';

/** Weekdays from `from` to `to`, as ISO dates. */
function weekdays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

describe('date ticks', () => {
  it('picks days under two months, months under three years, years beyond', () => {
    expect(granularityFor('2025-12-31', '2026-01-20')).toBe('day');
    expect(granularityFor('2025-06-30', '2026-01-20')).toBe('month');
    expect(granularityFor('2024-01-02', '2026-01-20')).toBe('month');
    expect(granularityFor('2016-01-04', '2026-01-20')).toBe('year');
  });

  it('formats dates in English and Korean from the ISO string', () => {
    expect(formatDateTick('2026-01-05', 'day', 'en')).toBe('Jan 5');
    expect(formatDateTick('2026-01-05', 'day', 'ko')).toBe('1월 5일');
    expect(formatDateTick('2024-03-01', 'month', 'en')).toBe('Mar 2024');
    expect(formatDateTick('2024-03-01', 'month', 'ko')).toBe('2024년 3월');
    expect(formatDateTick('2019-01-02', 'year', 'en')).toBe('2019');
    expect(formatDateTick('2019-01-02', 'year', 'ko')).toBe('2019년');
  });

  it('labels the last session of a short span and never more labels than fit', () => {
    const dates = weekdays('2025-12-31', '2026-01-20');
    const ticks = planDateTicks(dates, 'en', () => 5);
    expect(ticks.length).toBeLessThanOrEqual(5);
    expect(ticks.at(-1)).toEqual({ index: dates.length - 1, label: 'Jan 20' });
  });

  it('puts month labels on the first session of a month', () => {
    const dates = weekdays('2024-01-02', '2026-01-20');
    const ticks = planDateTicks(dates, 'en', () => 9);
    expect(ticks.length).toBeLessThanOrEqual(9);
    expect(ticks.length).toBeGreaterThan(2);
    for (const tick of ticks) {
      const date = dates[tick.index]!;
      expect(tick.index === 0 || date.slice(0, 7) !== dates[tick.index - 1]!.slice(0, 7)).toBe(true);
    }
    expect(ticks[0]!.label).toBe('Jan 2024');
  });

  it('puts year labels on year starts for long spans', () => {
    const dates = weekdays('2007-01-02', '2026-01-20');
    const ticks = planDateTicks(dates, 'ko', () => 6);
    expect(ticks.length).toBeLessThanOrEqual(6);
    for (const tick of ticks) expect(tick.label).toMatch(/^\d{4}년$/);
  });
});
