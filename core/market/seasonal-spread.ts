import type { Basis, Bar, IsoDate } from './types.ts';
import { alignOnCommonSessions } from './align.ts';
import { lastIndexAtOrBefore } from './sessions-index.ts';
import { median, simpleReturn } from './stats.ts';
import { addDays, isoDate } from '../calendar/iso-date.ts';
import { previousSession } from '../calendar/sessions.ts';

/** Small-minus-large over one calendar month: from the last close before it to its last close (or the last one so far). */
export type MonthSpread = {
  readonly year: number;
  /** 1 = January … 12 = December. */
  readonly month: number;
  /** The last common close before the month (in the month before it). */
  readonly baseDate: IsoDate;
  /** The last common close in the month, at or before as-of. */
  readonly endDate: IsoDate;
  /** Decimals: 0.055 is +5.5%. */
  readonly smallReturn: number;
  readonly largeReturn: number;
  /** smallReturn − largeReturn, in percentage points. */
  readonly spreadPp: number;
  /** The end is the month's last NYSE session; false while the month is still running at as-of ("so far"). */
  readonly finished: boolean;
  /** Finished, and the base is the previous month's last NYSE session: no close missing at either end. */
  readonly complete: boolean;
};

export type SeasonalOptions = {
  /** Closes after this date are ignored. */
  readonly asOf?: IsoDate;
  /** Which close to use; `price` (the close) by default. */
  readonly basis?: Basis;
};

export type MedianSpread = {
  readonly medianPp: number;
  /** How many complete months the median is taken over. */
  readonly count: number;
  readonly firstYear: number;
  readonly lastYear: number;
};

type Pair = { readonly dates: readonly IsoDate[]; readonly small: readonly number[]; readonly large: readonly number[] };

const END_OF_TIME = '9999-12-31';

function pairOf(small: readonly Bar[], large: readonly Bar[], options: SeasonalOptions): Pair {
  const aligned = alignOnCommonSessions([small, large], options.basis ?? 'price', options.asOf ?? END_OF_TIME);
  return { dates: aligned.dates, small: aligned.values[0]!, large: aligned.values[1]! };
}

function spreadIn(pair: Pair, year: number, month: number): MonthSpread | null {
  const monthStart = isoDate(year, month, 1);
  const nextStart = isoDate(year, month + 1, 1);
  const b = lastIndexAtOrBefore(pair.dates, addDays(monthStart, -1));
  const e = lastIndexAtOrBefore(pair.dates, addDays(nextStart, -1));
  if (b < 0 || e <= b || pair.dates[b]! < isoDate(year, month - 1, 1)) return null;
  const smallReturn = simpleReturn(pair.small[b]!, pair.small[e]!);
  const largeReturn = simpleReturn(pair.large[b]!, pair.large[e]!);
  const baseDate = pair.dates[b]!;
  const endDate = pair.dates[e]!;
  const finished = endDate === previousSession(nextStart);
  return {
    year,
    month,
    baseDate,
    endDate,
    smallReturn,
    largeReturn,
    spreadPp: (smallReturn - largeReturn) * 100,
    finished,
    complete: finished && baseDate === previousSession(monthStart),
  };
}

/**
 * The spread over one month, on the sessions both series share; null when the data does not
 * reach into the month or lacks a close in the month before it.
 */
export function monthSpread(small: readonly Bar[], large: readonly Bar[], year: number, month: number, options: SeasonalOptions = {}): MonthSpread | null {
  return spreadIn(pairOf(small, large, options), year, month);
}

/** The January spread of each of `years` that has data, in the order given. Filter on `complete` for history. */
export function januarySpreads(small: readonly Bar[], large: readonly Bar[], years: readonly number[], options: SeasonalOptions = {}): MonthSpread[] {
  const pair = pairOf(small, large, options);
  return years.map((y) => spreadIn(pair, y, 1)).filter((s): s is MonthSpread => s !== null);
}

/** The median spread of the complete months among `spreads`; null when there are none. */
export function medianSpread(spreads: readonly MonthSpread[]): MedianSpread | null {
  const complete = spreads.filter((s) => s.complete);
  if (complete.length === 0) return null;
  return {
    medianPp: median(complete.map((s) => s.spreadPp)),
    count: complete.length,
    firstYear: Math.min(...complete.map((s) => s.year)),
    lastYear: Math.max(...complete.map((s) => s.year)),
  };
}

/** The `count` years before `year`, oldest first: `yearsBefore(2026, 3)` is 2023, 2024, 2025. */
export function yearsBefore(year: number, count: number): number[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => year - count + i);
}

/** The latest January with data at as-of: this year's (perhaps still running), else last year's. */
export function latestJanuary(small: readonly Bar[], large: readonly Bar[], asOf: IsoDate, options: Omit<SeasonalOptions, 'asOf'> = {}): MonthSpread | null {
  const pair = pairOf(small, large, { ...options, asOf });
  const year = Number(asOf.slice(0, 4));
  return spreadIn(pair, year, 1) ?? spreadIn(pair, year - 1, 1);
}

/**
 * The most recent December and the January after it, both with data at as-of: the tax-loss
 * selling month and the rebound month. The January may still be running.
 */
export function latestDecemberJanuary(
  small: readonly Bar[],
  large: readonly Bar[],
  asOf: IsoDate,
  options: Omit<SeasonalOptions, 'asOf'> = {},
): { readonly december: MonthSpread; readonly january: MonthSpread } | null {
  const pair = pairOf(small, large, { ...options, asOf });
  const year = Number(asOf.slice(0, 4));
  for (const y of [year, year - 1]) {
    const january = spreadIn(pair, y, 1);
    const december = spreadIn(pair, y - 1, 12);
    if (january && december) return { december, january };
  }
  return null;
}
