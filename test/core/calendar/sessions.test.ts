import { describe, expect, it } from 'vitest';
import {
  closeTimeET,
  earlyCloseOn,
  holidayOn,
  isSession,
  lastCompletedSession,
  nextSession,
  previousSession,
  sessionCloseUtc,
  sessionsBetween,
} from '../../../core/calendar/sessions.ts';

const yearSessions = (year: number) => sessionsBetween(`${year}-01-01`, `${year}-12-31`).length;

describe('session counts', () => {
  it.each([
    [2021, 252],
    [2022, 251],
    [2023, 250],
    [2024, 252],
    [2025, 250],
    [2026, 251],
    [2027, 251],
  ])('%i has %i sessions', (year, count) => expect(yearSessions(year)).toBe(count));
});

describe('isSession', () => {
  it('is false on weekends and closures, true on ordinary and early-close weekdays', () => {
    expect(isSession('2026-03-07')).toBe(false); // Saturday
    expect(isSession('2026-03-08')).toBe(false); // Sunday
    expect(isSession('2026-04-03')).toBe(false); // Good Friday
    expect(isSession('2025-01-09')).toBe(false); // Carter mourning
    expect(isSession('2026-03-09')).toBe(true);
    expect(isSession('2026-11-27')).toBe(true); // early close
  });

  it('keeps the Friday before a Saturday New Year\'s Day open', () => {
    expect(isSession('2021-12-31')).toBe(true);
    expect(isSession('2027-12-31')).toBe(true);
    expect(isSession('2022-12-30')).toBe(true);
  });

  it('rejects malformed and impossible dates', () => {
    expect(() => isSession('2026-02-30')).toThrowError(RangeError);
    expect(() => isSession('2026-3-9')).toThrowError(RangeError);
  });
});

describe('holidayOn and earlyCloseOn', () => {
  it('returns the named closure, or undefined on sessions and plain weekends', () => {
    expect(holidayOn('2026-04-03')).toMatchObject({ id: 'good-friday', name: { en: 'Good Friday', ko: '굿프라이데이' } });
    expect(holidayOn('2026-07-03')).toMatchObject({ id: 'independence-day', observedFor: '2026-07-04' });
    expect(holidayOn('2026-07-04')).toBeUndefined();
    expect(holidayOn('2026-03-09')).toBeUndefined();
  });

  it('treats an early close as a session, not a holiday', () => {
    expect(holidayOn('2025-12-24')).toBeUndefined();
    expect(earlyCloseOn('2025-12-24')).toMatchObject({ id: 'christmas-eve', closeTimeET: '13:00' });
    expect(earlyCloseOn('2025-12-23')).toBeUndefined();
  });
});

describe('closeTimeET and sessionCloseUtc', () => {
  it('is 16:00 on a normal session, 13:00 on an early close, undefined when closed', () => {
    expect(closeTimeET('2025-11-26')).toBe('16:00');
    expect(closeTimeET('2025-11-28')).toBe('13:00');
    expect(closeTimeET('2025-11-27')).toBeUndefined();
    expect(closeTimeET('2025-11-29')).toBeUndefined();
  });

  it('gives the close instant in UTC under EST and EDT', () => {
    expect(sessionCloseUtc('2026-01-06')?.toISOString()).toBe('2026-01-06T21:00:00.000Z');
    expect(sessionCloseUtc('2026-07-06')?.toISOString()).toBe('2026-07-06T20:00:00.000Z');
    expect(sessionCloseUtc('2026-12-24')?.toISOString()).toBe('2026-12-24T18:00:00.000Z');
    expect(sessionCloseUtc('2026-12-25')).toBeUndefined();
  });
});

describe('previousSession and nextSession', () => {
  it('step strictly over weekends and holidays', () => {
    expect(previousSession('2026-04-06')).toBe('2026-04-02'); // over Good Friday and the weekend
    expect(nextSession('2026-04-02')).toBe('2026-04-06');
    expect(previousSession('2025-01-10')).toBe('2025-01-08'); // over the Carter closure
    expect(nextSession('2025-12-24')).toBe('2025-12-26');
    expect(previousSession('2026-01-02')).toBe('2025-12-31'); // across the year end
    expect(nextSession('2027-12-23')).toBe('2027-12-27');
  });

  it('never return the date itself', () => {
    expect(previousSession('2026-03-10')).toBe('2026-03-09');
    expect(nextSession('2026-03-10')).toBe('2026-03-11');
  });
});

describe('sessionsBetween', () => {
  it('includes both ends and skips closures', () => {
    expect(sessionsBetween('2026-03-30', '2026-04-06')).toEqual(['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02', '2026-04-06']);
  });

  it('is empty when the range is reversed or holds no session', () => {
    expect(sessionsBetween('2026-04-06', '2026-03-30')).toEqual([]);
    expect(sessionsBetween('2026-04-03', '2026-04-05')).toEqual([]);
  });
});

describe('lastCompletedSession', () => {
  const at = (iso: string) => lastCompletedSession(new Date(iso));

  it('switches to today exactly at the 16:00 ET close (EDT)', () => {
    expect(at('2026-03-10T19:59:59Z')).toBe('2026-03-09');
    expect(at('2026-03-10T20:00:00Z')).toBe('2026-03-10');
  });

  it('switches to today exactly at the 16:00 ET close (EST)', () => {
    expect(at('2026-01-06T20:59:59Z')).toBe('2026-01-05');
    expect(at('2026-01-06T21:00:00Z')).toBe('2026-01-06');
  });

  it('counts an early-close session as complete after 13:00 ET', () => {
    expect(at('2025-11-28T17:59:00Z')).toBe('2025-11-26'); // 12:59 ET, day after Thanksgiving
    expect(at('2025-11-28T18:30:00Z')).toBe('2025-11-28'); // 13:30 ET
  });

  it('returns the last weekday session over weekends and holidays', () => {
    expect(at('2026-03-07T15:00:00Z')).toBe('2026-03-06'); // Saturday
    expect(at('2026-03-09T03:00:00Z')).toBe('2026-03-06'); // Sunday 23:00 EDT
    expect(at('2026-04-03T21:00:00Z')).toBe('2026-04-02'); // Good Friday afternoon
    expect(at('2025-01-09T22:00:00Z')).toBe('2025-01-08'); // Carter closure
    expect(at('2026-01-01T23:00:00Z')).toBe('2025-12-31'); // New Year's Day
  });

  it('uses the New York date, not the UTC or Seoul one, for a Seoul morning report', () => {
    // Tuesday 08:00 in Seoul is Monday 19:00 in New York: Monday's session has closed.
    expect(at('2026-03-09T23:00:00Z')).toBe('2026-03-09');
    // 23:30 in Seoul on Tuesday is 10:30 in New York: Tuesday's session is still running.
    expect(at('2026-03-10T14:30:00Z')).toBe('2026-03-09');
    // 00:30 UTC Wednesday is still Tuesday 20:30 in New York.
    expect(at('2026-03-11T00:30:00Z')).toBe('2026-03-10');
  });
});
