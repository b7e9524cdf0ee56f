import type { EarlyClose, MarketHoliday } from './nyse-holidays.ts';
import type { IsoDate } from './iso-date.ts';
import { addDays, assertIsoDate, isWeekend, yearOf } from './iso-date.ts';
import { nyseEarlyCloses, nyseHolidays } from './nyse-holidays.ts';
import { utcToZoned, zonedDateTimeToUtc } from './zoned-time.ts';

export const NYSE_TIME_ZONE = 'America/New_York';
export const OPEN_TIME_ET = '09:30';
export type CloseTimeET = '16:00' | '13:00';

/** The full-day NYSE closure on `date`, if any (weekends are not holidays). */
export function holidayOn(date: IsoDate): MarketHoliday | undefined {
  assertIsoDate(date);
  return nyseHolidays(yearOf(date)).find((h) => h.date === date);
}

/** The 13:00 ET early close on `date`, if any. */
export function earlyCloseOn(date: IsoDate): EarlyClose | undefined {
  assertIsoDate(date);
  return nyseEarlyCloses(yearOf(date)).find((e) => e.date === date);
}

export function isSession(date: IsoDate): boolean {
  assertIsoDate(date);
  return sessionUnchecked(date);
}

function sessionUnchecked(date: IsoDate): boolean {
  return !isWeekend(date) && !nyseHolidays(yearOf(date)).some((h) => h.date === date);
}

/** 16:00, or 13:00 on an early-close day; undefined when `date` is not a session. */
export function closeTimeET(date: IsoDate): CloseTimeET | undefined {
  if (!isSession(date)) return undefined;
  return earlyCloseOn(date) ? '13:00' : '16:00';
}

/** The instant the session on `date` closes; undefined when `date` is not a session. */
export function sessionCloseUtc(date: IsoDate): Date | undefined {
  const close = closeTimeET(date);
  return close && zonedDateTimeToUtc(date, close, NYSE_TIME_ZONE);
}

/** The last session strictly before `date`. */
export function previousSession(date: IsoDate): IsoDate {
  assertIsoDate(date);
  let d = addDays(date, -1);
  while (!sessionUnchecked(d)) d = addDays(d, -1);
  return d;
}

/** The first session strictly after `date`. */
export function nextSession(date: IsoDate): IsoDate {
  assertIsoDate(date);
  let d = addDays(date, 1);
  while (!sessionUnchecked(d)) d = addDays(d, 1);
  return d;
}

/** Sessions from `from` to `to`, both included, ascending; empty when `from > to`. */
export function sessionsBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  assertIsoDate(from);
  assertIsoDate(to);
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (sessionUnchecked(d)) out.push(d);
  return out;
}

/** The latest session whose close (16:00 or 13:00 New York time) is at or before `instant`. */
export function lastCompletedSession(instant: Date): IsoDate {
  const today = utcToZoned(instant, NYSE_TIME_ZONE).date;
  const close = sessionCloseUtc(today);
  return close && close.getTime() <= instant.getTime() ? today : previousSession(today);
}
