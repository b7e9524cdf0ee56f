import { describe, expect, it } from 'vitest';
import { earningsSeasonWindow, ismReleaseInMonth, nextIsmRelease } from '../../../core/calendar/watch-dates.ts';
import { isSession } from '../../../core/calendar/sessions.ts';

describe('ismReleaseInMonth', () => {
  it('reproduces ISM\'s published 2024 Manufacturing release dates', () => {
    const dates = Array.from({ length: 12 }, (_, i) => ismReleaseInMonth(2024, i + 1).date);
    expect(dates).toEqual([
      '2024-01-03', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01', '2024-06-03',
      '2024-07-01', '2024-08-01', '2024-09-03', '2024-10-01', '2024-11-01', '2024-12-02',
    ]);
  });

  it('releases January on the second session, skipping ISM\'s January 2 holiday (2026-01-05)', () => {
    expect(ismReleaseInMonth(2026, 1).date).toBe('2026-01-05');
    expect(ismReleaseInMonth(2026, 2).date).toBe('2026-02-02');
  });

  it('skips an NYSE holiday on the first weekday (Labor Day 2025)', () => {
    expect(ismReleaseInMonth(2025, 9).date).toBe('2025-09-02');
  });

  it('releases at 10:00 New York time and covers the previous month', () => {
    expect(ismReleaseInMonth(2026, 2)).toEqual({ date: '2026-02-02', releaseUtc: new Date('2026-02-02T15:00:00Z'), coversMonth: '2026-01' });
    expect(ismReleaseInMonth(2026, 6).releaseUtc.toISOString()).toBe('2026-06-01T14:00:00.000Z');
    expect(ismReleaseInMonth(2026, 1).coversMonth).toBe('2025-12');
  });
});

describe('nextIsmRelease', () => {
  const next = (iso: string) => nextIsmRelease(new Date(iso)).date;

  it('returns today\'s release until 10:00 ET, then next month\'s', () => {
    expect(next('2026-02-02T14:59:59Z')).toBe('2026-02-02');
    expect(next('2026-02-02T15:00:00Z')).toBe('2026-03-02');
  });

  it('looks ahead from the middle of a month and across the year end', () => {
    expect(next('2026-02-17T12:00:00Z')).toBe('2026-03-02');
    expect(next('2025-12-31T23:00:00Z')).toBe('2026-01-05');
    expect(next('2026-01-02T12:00:00Z')).toBe('2026-01-05');
  });
});

describe('earningsSeasonWindow', () => {
  it('returns the upcoming window before it starts', () => {
    expect(earningsSeasonWindow('2026-01-05')).toEqual({
      start: '2026-01-12',
      end: '2026-02-20',
      reports: { year: 2025, quarter: 4 },
      inProgress: false,
    });
  });

  it('is in progress from its first through its last day', () => {
    expect(earningsSeasonWindow('2026-01-12')).toMatchObject({ start: '2026-01-12', inProgress: true });
    expect(earningsSeasonWindow('2026-02-20')).toMatchObject({ start: '2026-01-12', inProgress: true });
  });

  it('moves to the next quarter\'s window once one ends, and across the year end', () => {
    expect(earningsSeasonWindow('2026-02-21')).toEqual({
      start: '2026-04-10',
      end: '2026-05-21',
      reports: { year: 2026, quarter: 1 },
      inProgress: false,
    });
    expect(earningsSeasonWindow('2026-12-01')).toMatchObject({ start: '2027-01-11', reports: { year: 2026, quarter: 4 } });
    expect(earningsSeasonWindow('2026-07-20')).toMatchObject({ start: '2026-07-10', reports: { year: 2026, quarter: 2 }, inProgress: true });
    expect(earningsSeasonWindow('2026-10-01')).toMatchObject({ start: '2026-10-12', reports: { year: 2026, quarter: 3 }, inProgress: false });
  });

  it('starts on a session on or after the 10th and spans six weeks or just under', () => {
    for (const date of ['2025-01-02', '2025-04-02', '2025-07-02', '2025-10-02', '2026-01-02', '2027-04-02']) {
      const w = earningsSeasonWindow(date);
      expect(isSession(w.start) && isSession(w.end)).toBe(true);
      expect(Number(w.start.slice(8))).toBeGreaterThanOrEqual(10);
      const days = (Date.parse(w.end) - Date.parse(w.start)) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(36);
      expect(days).toBeLessThanOrEqual(41);
    }
  });
});
