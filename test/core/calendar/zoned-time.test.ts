import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  formatHhMm,
  isValidTimeZone,
  parseHhMm,
  utcToZoned,
  zonedDateTimeToUtc,
} from '../../../core/calendar/zoned-time.ts';

const NY = 'America/New_York';
const utc = (date: string, time: string, zone: string) => zonedDateTimeToUtc(date, time, zone).toISOString();

describe('isValidTimeZone and canonicalTimeZone', () => {
  it.each(['America/New_York', 'Asia/Seoul', 'Europe/London', 'UTC'])('accepts %s', (z) => expect(isValidTimeZone(z)).toBe(true));
  it.each(['Mars/Olympus_Mons', 'New York', '', '   '])('rejects %j', (z) => expect(isValidTimeZone(z)).toBe(false));
  it('spells a zone the way the runtime does', () => {
    expect(canonicalTimeZone('asia/seoul')).toBe('Asia/Seoul');
    expect(canonicalTimeZone('Nowhere/Town')).toBeUndefined();
  });
});

describe('parseHhMm', () => {
  it.each([
    ['08:30', { hour: 8, minute: 30 }],
    ['8:30', { hour: 8, minute: 30 }],
    ['00:00', { hour: 0, minute: 0 }],
    ['23:59', { hour: 23, minute: 59 }],
    [' 07:05 ', { hour: 7, minute: 5 }],
  ])('reads %j', (s, hm) => expect(parseHhMm(s)).toEqual(hm));

  it.each(['24:00', '12:60', '830', '08:5', '08:30:00', '-1:00', '', 'noon', '８:30'])('rejects %j', (s) => expect(parseHhMm(s)).toBeUndefined());

  it('formats back with two-digit fields', () => expect(formatHhMm({ hour: 7, minute: 5 })).toBe('07:05'));
});

describe('zonedDateTimeToUtc across New York DST changes', () => {
  it('08:30 on the spring-forward day (2026-03-08) is already EDT', () => {
    expect(utc('2026-03-07', '08:30', NY)).toBe('2026-03-07T13:30:00.000Z');
    expect(utc('2026-03-08', '08:30', NY)).toBe('2026-03-08T12:30:00.000Z');
  });

  it('08:30 on the fall-back day (2026-11-01) is already EST', () => {
    expect(utc('2026-10-31', '08:30', NY)).toBe('2026-10-31T12:30:00.000Z');
    expect(utc('2026-11-01', '08:30', NY)).toBe('2026-11-01T13:30:00.000Z');
  });

  it('moves a time in the spring-forward gap to the first instant after it (03:00 EDT)', () => {
    expect(utc('2026-03-08', '01:59', NY)).toBe('2026-03-08T06:59:00.000Z');
    expect(utc('2026-03-08', '02:00', NY)).toBe('2026-03-08T07:00:00.000Z');
    expect(utc('2026-03-08', '02:30', NY)).toBe('2026-03-08T07:00:00.000Z');
    expect(utc('2026-03-08', '03:00', NY)).toBe('2026-03-08T07:00:00.000Z');
    expect(utcToZoned(zonedDateTimeToUtc('2026-03-08', '02:30', NY), NY).time).toBe('03:00');
  });

  it('takes the first (EDT) occurrence of a time repeated at fall-back', () => {
    expect(utc('2026-11-01', '01:30', NY)).toBe('2026-11-01T05:30:00.000Z');
    expect(utc('2026-11-01', '00:59', NY)).toBe('2026-11-01T04:59:00.000Z');
    expect(utc('2026-11-01', '02:00', NY)).toBe('2026-11-01T07:00:00.000Z');
  });
});

describe('zonedDateTimeToUtc elsewhere', () => {
  it('Asia/Seoul has no DST: 08:00 KST is 23:00 UTC the day before, winter and summer', () => {
    expect(utc('2026-01-15', '08:00', 'Asia/Seoul')).toBe('2026-01-14T23:00:00.000Z');
    expect(utc('2026-07-15', '08:00', 'Asia/Seoul')).toBe('2026-07-14T23:00:00.000Z');
  });

  it('handles London\'s gap and a half-hour DST shift (Lord Howe)', () => {
    expect(utc('2026-03-29', '01:30', 'Europe/London')).toBe('2026-03-29T01:00:00.000Z');
    expect(utc('2026-10-04', '02:15', 'Australia/Lord_Howe')).toBe('2026-10-03T15:30:00.000Z');
  });

  it('handles a whole skipped day (Samoa, 2011-12-30)', () => {
    expect(utc('2011-12-30', '12:00', 'Pacific/Apia')).toBe('2011-12-30T10:00:00.000Z');
  });

  it('throws RangeError for a bad date, time or zone', () => {
    expect(() => zonedDateTimeToUtc('2026-02-30', '08:00', NY)).toThrowError(RangeError);
    expect(() => zonedDateTimeToUtc('2026-02-03', '25:00', NY)).toThrowError(RangeError);
    expect(() => zonedDateTimeToUtc('2026-02-03', '08:00', 'Nowhere/Town')).toThrowError(RangeError);
  });
});

describe('utcToZoned', () => {
  it('reads the wall clock, date and weekday in a zone', () => {
    const instant = new Date('2026-03-09T23:00:00Z');
    expect(utcToZoned(instant, 'Asia/Seoul')).toEqual({ date: '2026-03-10', time: '08:00', weekday: 2 });
    expect(utcToZoned(instant, NY)).toEqual({ date: '2026-03-09', time: '19:00', weekday: 1 });
    expect(utcToZoned(instant, 'UTC')).toEqual({ date: '2026-03-09', time: '23:00', weekday: 1 });
  });

  it('shows both readings of the repeated fall-back hour', () => {
    expect(utcToZoned(new Date('2026-11-01T05:30:00Z'), NY).time).toBe('01:30');
    expect(utcToZoned(new Date('2026-11-01T06:30:00Z'), NY).time).toBe('01:30');
  });

  it('round-trips any whole-minute instant, choosing the earlier of two equal readings', () => {
    const zones = ['America/New_York', 'Asia/Seoul', 'Europe/London', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * 365 * 24 * 60 }), fc.constantFrom(...zones), (minutes, zone) => {
        const instant = new Date(Date.UTC(2000, 0, 1) + minutes * 60_000);
        const local = utcToZoned(instant, zone);
        const back = zonedDateTimeToUtc(local.date, local.time, zone);
        expect(utcToZoned(back, zone)).toEqual(local);
        expect(back.getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(instant.getTime() - back.getTime()).toBeLessThanOrEqual(60 * 60_000);
      }),
      { numRuns: 500 },
    );
  });
});
