import type { IsoDate } from '../market/types.ts';
import type { MarketHoliday } from '../calendar/index.ts';
import { holidayOn, isSession, NYSE_TIME_ZONE, sessionCloseUtc, weekdayOf, zonedDateTimeToUtc } from '../calendar/index.ts';

/** How an NYSE weekday ended: its close, or for a holiday the close it would have had. */
export type TradingDayEnd = { readonly date: IsoDate; readonly at: number; readonly holiday?: MarketHoliday };

/** The calendar questions the scheduler asks, answered from core/calendar and memoized (they run every minute). */
export type PostCalendar = {
  /** The date the clocks in `timeZone` read at `instant` (epoch ms). */
  localDate(instant: number, timeZone: string): IsoDate;
  /** When the clocks in `timeZone` read `date` `time` (a time skipped by DST resolves to the first instant after the gap). */
  slotAt(date: IsoDate, time: string, timeZone: string): number;
  /** When the NYSE day `date` ended; undefined for Saturdays and Sundays. */
  dayEnd(date: IsoDate): TradingDayEnd | undefined;
};

const HOLIDAY_CLOSE_ET = '16:00';
const CACHE_LIMIT = 50_000;

function memo<V>(compute: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined && !cache.has(key)) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      v = compute(key);
      cache.set(key, v);
    }
    return v as V;
  };
}

const slotMemo = memo((key) => {
  const [date, time, timeZone] = key.split('|') as [string, string, string];
  return zonedDateTimeToUtc(date, time, timeZone).getTime();
});

const dayEndMemo = memo<TradingDayEnd | undefined>((date) => {
  const wd = weekdayOf(date);
  if (wd === 0 || wd === 6) return undefined;
  if (isSession(date)) return { date, at: sessionCloseUtc(date)!.getTime() };
  const holiday = holidayOn(date);
  return { date, at: zonedDateTimeToUtc(date, HOLIDAY_CLOSE_ET, NYSE_TIME_ZONE).getTime(), ...(holiday ? { holiday } : {}) };
});

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** `utcToZoned(…).date` without re-validating the zone on every call (the tick asks once a minute per subscription). */
function localDate(instant: number, timeZone: string): IsoDate {
  let f = dateFormats.get(timeZone);
  if (!f) {
    // en-CA writes dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, f);
  }
  return f.format(instant);
}

export const nysePostCalendar: PostCalendar = {
  localDate,
  slotAt: (date, time, timeZone) => slotMemo(`${date}|${time}|${timeZone}`),
  dayEnd: (date) => dayEndMemo(date),
};
