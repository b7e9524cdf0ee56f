import type { Bar, IsoDate } from '../market/types.ts';
import { alignOnCommonSessions } from '../market/align.ts';
import { lastIndexAtOrBefore } from '../market/sessions-index.ts';
import { median } from '../market/stats.ts';

export type StudyLeg = { readonly symbol: string; readonly bars: readonly Bar[] };
export type StudyPair = { readonly small: StudyLeg; readonly large: StudyLeg };

/** All figures in percentage points of the YTD spread (small minus large, price returns). */
export type StudyYear = {
  readonly year: number;
  readonly referenceDate: IsoDate;
  readonly leadAtReference: number;
  /** Change of the YTD spread from the reference close to the close 10 sessions later. */
  readonly change10Sessions: number | null;
  /** … to the last session of February. */
  readonly changeToEndFeb: number | null;
  /** … to the last session of the year. */
  readonly changeToYearEnd: number | null;
};

export type JanuaryStudy = {
  readonly small: string;
  readonly large: string;
  /** `MM-DD` looked at in every year. */
  readonly referenceDay: string;
  /** `as-of`: the as-of date is in January and its day is used; `january-20`: outside January, the brief's date. */
  readonly reference: 'as-of' | 'january-20';
  readonly minLeadPp: number;
  /** Years whose YTD spread at the reference day could be measured, before the as-of year. */
  readonly examined: { readonly count: number; readonly first: number | null; readonly last: number | null };
  /** The examined years where small caps led by at least `minLeadPp`, oldest first. */
  readonly years: readonly StudyYear[];
  /** The as-of year at the same reference day, for comparison (later figures only when known by as-of). */
  readonly current: StudyYear | null;
  readonly summary: {
    readonly count: number;
    readonly shrankWithin10: number;
    readonly median10: number;
    readonly medianEndFeb: number;
    readonly medianYearEnd: number;
  } | null;
};

/** The study looks at January: the as-of day when it is in January, otherwise 20 January (the brief's date). */
export function referenceDayFor(asOf: IsoDate): { readonly day: string; readonly reference: JanuaryStudy['reference'] } {
  return asOf.slice(5, 7) === '01' ? { day: asOf.slice(5), reference: 'as-of' } : { day: '01-20', reference: 'january-20' };
}

/** The pair with the longest common history that still reaches the as-of year. */
export function pickStudyPair(pairs: readonly StudyPair[], asOf: IsoDate): StudyPair | undefined {
  let best: { pair: StudyPair; first: IsoDate } | undefined;
  for (const pair of pairs) {
    const { dates } = alignOnCommonSessions([pair.small.bars, pair.large.bars], 'price', asOf);
    const first = dates[0];
    const last = dates.at(-1);
    if (first === undefined || last === undefined || last.slice(0, 4) !== asOf.slice(0, 4)) continue;
    if (!best || first < best.first) best = { pair, first };
  }
  return best?.pair;
}

/**
 * For every year in which small caps led large caps by at least `minLeadPp` year to date at the
 * same point of January, how the lead changed over the next 10 sessions, to the end of February
 * and to the end of the year. Uses closes up to `asOf` only. `lastYears` keeps the most recent years.
 */
export function januaryLeadStudy(pair: StudyPair, asOf: IsoDate, minLeadPp: number, lastYears?: number): JanuaryStudy {
  const { dates, values } = alignOnCommonSessions([pair.small.bars, pair.large.bars], 'price', asOf);
  const [small, large] = [values[0]!, values[1]!];
  const { day, reference } = referenceDayFor(asOf);
  const asOfYear = Number(asOf.slice(0, 4));
  const last = dates.length - 1;

  const measure = (year: number): StudyYear | null => {
    const b = lastIndexAtOrBefore(dates, `${year - 1}-12-31`);
    const r = lastIndexAtOrBefore(dates, `${year}-${day}`);
    if (b < 0 || !dates[b]!.startsWith(`${year - 1}-12`) || r <= b) return null;
    const spread = (i: number) => (small[i]! / small[b]! - large[i]! / large[b]!) * 100;
    const lead = spread(r);
    // Lexicographic, so `-02-29` finds the last February session in any year.
    const endFeb = lastIndexAtOrBefore(dates, `${year}-02-29`);
    const yearEnd = lastIndexAtOrBefore(dates, `${year}-12-31`);
    const reached = (i: number, from: string) => i > r && dates[i]! >= from;
    return {
      year,
      referenceDate: dates[r]!,
      leadAtReference: lead,
      change10Sessions: r + 10 <= last ? spread(r + 10) - lead : null,
      changeToEndFeb: reached(endFeb, `${year}-02-01`) ? spread(endFeb) - lead : null,
      changeToYearEnd: reached(yearEnd, `${year}-12-24`) ? spread(yearEnd) - lead : null,
    };
  };

  const firstYear = dates.length ? Number(dates[0]!.slice(0, 4)) + 1 : asOfYear;
  const fromYear = lastYears === undefined ? firstYear : Math.max(firstYear, asOfYear - lastYears);
  const examined: StudyYear[] = [];
  for (let year = fromYear; year < asOfYear; year++) {
    const y = measure(year);
    if (y) examined.push(y);
  }
  const years = examined.filter((y) => y.leadAtReference >= minLeadPp);
  const current = measure(asOfYear);
  const known = (pick: (y: StudyYear) => number | null) => years.map(pick).filter((v): v is number => v !== null);
  const ten = known((y) => y.change10Sessions);
  return {
    small: pair.small.symbol,
    large: pair.large.symbol,
    referenceDay: day,
    reference,
    minLeadPp,
    examined: { count: examined.length, first: examined[0]?.year ?? null, last: examined.at(-1)?.year ?? null },
    years,
    current,
    summary: ten.length
      ? {
          count: ten.length,
          shrankWithin10: ten.filter((v) => v < 0).length,
          median10: median(ten),
          medianEndFeb: median(known((y) => y.changeToEndFeb)),
          medianYearEnd: median(known((y) => y.changeToYearEnd)),
        }
      : null,
  };
}
