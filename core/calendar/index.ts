export type { IsoDate, Weekday } from './iso-date.ts';
export { addDays, isoDate, weekdayOf } from './iso-date.ts';
export type { EarlyClose, EarlyCloseId, HolidayId, LocalizedName, MarketHoliday } from './nyse-holidays.ts';
export { easterSunday, nyseEarlyCloses, nyseHolidays, SPECIAL_CLOSURES } from './nyse-holidays.ts';
export type { CloseTimeET } from './sessions.ts';
export {
  closeTimeET,
  earlyCloseOn,
  holidayOn,
  isSession,
  lastCompletedSession,
  nextSession,
  NYSE_TIME_ZONE,
  OPEN_TIME_ET,
  previousSession,
  sessionCloseUtc,
  sessionsBetween,
} from './sessions.ts';
export type { HhMm, ZonedDateTime } from './zoned-time.ts';
export { canonicalTimeZone, formatHhMm, isValidTimeZone, parseHhMm, utcToZoned, zonedDateTimeToUtc } from './zoned-time.ts';
export type { EarningsSeason, IsmRelease } from './watch-dates.ts';
export { earningsSeasonWindow, ismReleaseInMonth, nextIsmRelease } from './watch-dates.ts';
