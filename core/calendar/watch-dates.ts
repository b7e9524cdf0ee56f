import type { IsoDate } from './iso-date.ts';
import { addDays, assertIsoDate, isoDate, yearOf } from './iso-date.ts';
import { NYSE_TIME_ZONE, isSession, nextSession, previousSession } from './sessions.ts';
import { zonedDateTimeToUtc } from './zoned-time.ts';

export type IsmRelease = {
  readonly date: IsoDate;
  /** 10:00 New York time on `date`. */
  readonly releaseUtc: Date;
  /** The month the report covers, `YYYY-MM` (the month before the release). */
  readonly coversMonth: string;
};

const ISM_RELEASE_TIME_ET = '10:00';

function firstSessionOnOrAfter(date: IsoDate): IsoDate {
  return isSession(date) ? date : nextSession(date);
}

/**
 * The ISM Manufacturing PMI release in the given month: 10:00 ET on the first business day, taken to be
 * the first NYSE session. January is the exception: ISM takes an extra holiday after New Year's and has
 * released on the month's second session (January 3, 2024, "due to ISM holiday"; January 5, 2026), so
 * January uses the second session. ISM publishes its calendar ahead; this rule approximates it.
 */
export function ismReleaseInMonth(year: number, month: number): IsmRelease {
  const first = firstSessionOnOrAfter(isoDate(year, month, 1));
  const date = month === 1 ? nextSession(first) : first;
  return {
    date,
    releaseUtc: zonedDateTimeToUtc(date, ISM_RELEASE_TIME_ET, NYSE_TIME_ZONE),
    coversMonth: isoDate(year, month, 0).slice(0, 7),
  };
}

/** The first ISM Manufacturing release still to come at `from`: one released exactly at `from` counts as out. */
export function nextIsmRelease(from: Date): IsmRelease {
  // Every release falls inside its own UTC month, so the one for `from`'s UTC month is the earliest candidate.
  let year = from.getUTCFullYear();
  let month = from.getUTCMonth() + 1;
  for (;;) {
    const release = ismReleaseInMonth(year, month);
    if (release.releaseUtc.getTime() > from.getTime()) return release;
    if (++month > 12) { month = 1; year += 1; }
  }
}

export type EarningsSeason = {
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** The calendar quarter being reported. */
  readonly reports: { readonly year: number; readonly quarter: 1 | 2 | 3 | 4 };
  /** Whether the date asked about falls inside the window (otherwise the window is the next one). */
  readonly inProgress: boolean;
};

const SEASON_DAYS = 42;

/**
 * An approximation of a US earnings season, by convention: it starts on the first NYSE session on or
 * after the 10th of January, April, July and October (the big banks usually report between the 10th
 * and the 15th) and runs six weeks, ending on the last session before day 43. Real seasons have a long
 * tail of small caps and retailers reporting later; this window is the bulk of the S&P 500.
 */
export function earningsSeasonWindow(date: IsoDate): EarningsSeason {
  assertIsoDate(date);
  const year = yearOf(date);
  const quarterMonth = Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3 + 1;
  const current = seasonFrom(year, quarterMonth);
  const season = date <= current.end ? current : quarterMonth === 10 ? seasonFrom(year + 1, 1) : seasonFrom(year, quarterMonth + 3);
  return { ...season, inProgress: season.start <= date && date <= season.end };
}

function seasonFrom(year: number, month: number): Omit<EarningsSeason, 'inProgress'> {
  const start = firstSessionOnOrAfter(isoDate(year, month, 10));
  const end = previousSession(addDays(start, SEASON_DAYS));
  const reported = month === 1 ? { year: year - 1, quarter: 4 as const } : { year, quarter: ((month - 1) / 3) as 1 | 2 | 3 };
  return { start, end, reports: reported };
}
