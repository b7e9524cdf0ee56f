import type { IsoDate } from './types.ts';

/** Index of the last element `<= date` in an ascending array, or -1. */
export function lastIndexAtOrBefore(dates: readonly IsoDate[], date: IsoDate): number {
  let lo = 0;
  let hi = dates.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! <= date) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/** Index of the first element `>= date` in an ascending array, or `dates.length`. */
export function firstIndexAtOrAfter(dates: readonly IsoDate[], date: IsoDate): number {
  const i = lastIndexAtOrBefore(dates, date);
  return i >= 0 && dates[i] === date ? i : i + 1;
}

export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const target = new Date(Date.UTC(y, m, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
