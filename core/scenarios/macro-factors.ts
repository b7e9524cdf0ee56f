import type { IsoDate } from '../market/types.ts';
import type { Observation } from '../data/macro.ts';
import type { Factor, StateOf } from './factors.ts';
import { addDays, ismReleaseInMonth } from '../calendar/index.ts';
import { addCalendarMonths, lastIndexAtOrBefore } from '../market/sessions-index.ts';
import { classifyActivity, classifyIsm, classifyMonetary, THRESHOLDS } from './rules.ts';
import { knownFactor, unknownFactor } from './make-factor.ts';

/**
 * When a reading becomes public, so that an answer "as of" a date never uses a number nobody had
 * yet. Dates in the files are the period's date (FRED: the first of the month; ISM: the month's
 * last business day), not the release date.
 * - daily: FRED posts a day's value the next business day.
 * - monthly-after: published on day `day` of the following month (approximations: FEDFUNDS the 1st,
 *   auto sales (BEA) by the 10th, housing starts (Census, 12th business day) by the 20th).
 * - ism: the ISM report, first business day of the following month (second session in January).
 * - EPU categorical indexes: FRED posts a month's value early in the month after next (February's
 *   on 1 April 2024, for example): by the 5th, two months later.
 * - Regional Fed surveys come out within the survey month: Empire State on the 15th (or the next
 *   business day: by the 17th), Philadelphia on the third Thursday, Dallas on the last Monday.
 */
export type Publication =
  | { readonly kind: 'daily' }
  | { readonly kind: 'monthly-after'; readonly day: number; readonly monthsLater?: number }
  | { readonly kind: 'ism' }
  /** A survey released within its own month: by day `day` (clamped to the month's end) or on the month's `nth` `weekday` (0 = Sunday). */
  | { readonly kind: 'in-month'; readonly day: number }
  | { readonly kind: 'weekday-in-month'; readonly weekday: number; readonly nth: number | 'last' }
  /** A file whose dates are the dates the figures became known (RELATIVE_PE.csv). */
  | { readonly kind: 'as-dated' };

export const PUBLICATION = {
  DFF: { kind: 'daily' },
  FEDFUNDS: { kind: 'monthly-after', day: 1 },
  ISM_MANUFACTURING_PMI: { kind: 'ism' },
  HOUST: { kind: 'monthly-after', day: 20 },
  TOTALSA: { kind: 'monthly-after', day: 10 },
  EPUTRADE: { kind: 'monthly-after', day: 5, monthsLater: 2 },
  EPUFISCAL: { kind: 'monthly-after', day: 5, monthsLater: 2 },
  BAMLH0A0HYM2: { kind: 'daily' },
  NOCDISA066MSFRBNY: { kind: 'in-month', day: 17 },
  NOCDFSA066MSFRBPHI: { kind: 'weekday-in-month', weekday: 4, nth: 3 },
  VNWOSAMFRBDAL: { kind: 'weekday-in-month', weekday: 1, nth: 'last' },
  RELATIVE_PE: { kind: 'as-dated' },
} as const satisfies Record<string, Publication>;

const monthOf = (date: IsoDate) => date.slice(0, 7);
const nextMonth = (date: IsoDate) => addCalendarMonths(`${monthOf(date)}-01`, 1);

const daysInMonth = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
const dayOf = (month: string, day: number): IsoDate => `${month}-${String(day).padStart(2, '0')}`;

function weekdayInMonth(month: string, weekday: number, nth: number | 'last'): IsoDate {
  const firstWeekday = new Date(`${month}-01T00:00:00Z`).getUTCDay();
  const first = 1 + ((weekday - firstWeekday + 7) % 7);
  if (nth !== 'last') return dayOf(month, first + 7 * (nth - 1));
  let day = first;
  while (day + 7 <= daysInMonth(month)) day += 7;
  return dayOf(month, day);
}

export function publishedOn(date: IsoDate, publication: Publication): IsoDate {
  switch (publication.kind) {
    case 'daily': return addDays(date, 1);
    case 'monthly-after': return `${addCalendarMonths(`${monthOf(date)}-01`, publication.monthsLater ?? 1).slice(0, 8)}${String(publication.day).padStart(2, '0')}`;
    case 'in-month': return dayOf(monthOf(date), Math.min(publication.day, daysInMonth(monthOf(date))));
    case 'weekday-in-month': return weekdayInMonth(monthOf(date), publication.weekday, publication.nth);
    case 'as-dated': return date;
    case 'ism': {
      const m = nextMonth(date);
      return ismReleaseInMonth(Number(m.slice(0, 4)), Number(m.slice(5, 7))).date;
    }
  }
}

/**
 * A reading older than this at the as-of date no longer describes "now" (a file that stopped
 * updating): monthly releases run one to two months behind, and 120 days leaves room for delays
 * such as the autumn 2025 government shutdown.
 */
export const MAX_AGE_DAYS = { daily: 10, monthly: 120 } as const;

export function isStale(date: IsoDate, publication: Publication, asOf: IsoDate): boolean {
  const ageDays = (Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000;
  return ageDays > (publication.kind === 'daily' ? MAX_AGE_DAYS.daily : MAX_AGE_DAYS.monthly);
}

/** The readings public on `asOf` (ascending input, ascending output). */
export function knownAt(observations: readonly Observation[], publication: Publication, asOf: IsoDate): Observation[] {
  let end = observations.length;
  while (end > 0 && publishedOn(observations[end - 1]!.date, publication) > asOf) end--;
  return observations.slice(0, end);
}

/** Fed funds: DFF (daily) when present, else FEDFUNDS (monthly average). */
export function monetaryFactor(series: { readonly id: 'DFF' | 'FEDFUNDS'; readonly observations: readonly Observation[] } | undefined, asOf: IsoDate): Factor<'monetary'> {
  if (!series) return unknownFactor('monetary', { reason: 'no-data', series: 'DFF/FEDFUNDS' });
  const known = knownAt(series.observations, PUBLICATION[series.id], asOf);
  const latest = known.at(-1);
  if (!latest) return unknownFactor('monetary', { reason: 'not-published', series: series.id });
  if (isStale(latest.date, PUBLICATION[series.id], asOf)) return unknownFactor('monetary', { reason: 'stale', series: series.id, last: latest.date });
  const i = lastIndexAtOrBefore(known.map((o) => o.date), addCalendarMonths(latest.date, -THRESHOLDS.monetaryLookbackMonths));
  const earlier = known[i];
  if (!earlier) return unknownFactor('monetary', { reason: 'short-history', series: series.id });
  const changePp = latest.value - earlier.value;
  return knownFactor('monetary', classifyMonetary(changePp), 'data', latest.date, {
    series: series.id,
    rate: latest.value,
    earlierRate: earlier.value,
    earlierDate: earlier.date,
    changePp,
  });
}

/** The readings public on `asOf`, with the reason when there is none fit to use. */
export function latestKnown(observations: readonly Observation[] | undefined, publication: Publication, asOf: IsoDate):
  | { readonly ok: true; readonly known: Observation[]; readonly latest: Observation }
  | { readonly ok: false; readonly reason: 'no-data' | 'not-published' | 'stale'; readonly last?: IsoDate } {
  if (!observations) return { ok: false, reason: 'no-data' };
  const known = knownAt(observations, publication, asOf);
  const latest = known.at(-1);
  if (!latest) return { ok: false, reason: 'not-published' };
  if (isStale(latest.date, publication, asOf)) return { ok: false, reason: 'stale', last: latest.date };
  return { ok: true, known, latest };
}

export function ismFactor(observations: readonly Observation[] | undefined, asOf: IsoDate): Factor<'ism'> {
  if (!observations) return unknownFactor('ism', { reason: 'no-data', series: 'ISM_MANUFACTURING_PMI' });
  const known = knownAt(observations, PUBLICATION.ISM_MANUFACTURING_PMI, asOf);
  const latest = known.at(-1);
  if (!latest) return unknownFactor('ism', { reason: 'not-published', series: 'ISM_MANUFACTURING_PMI' });
  if (isStale(latest.date, PUBLICATION.ISM_MANUFACTURING_PMI, asOf)) return unknownFactor('ism', { reason: 'stale', series: 'ISM_MANUFACTURING_PMI', last: latest.date });
  const earlierMonth = monthOf(addCalendarMonths(`${monthOf(latest.date)}-01`, -THRESHOLDS.ismTrendMonths));
  const earlier = known.find((o) => monthOf(o.date) === earlierMonth);
  return knownFactor('ism', classifyIsm(latest.value, earlier?.value), 'data', latest.date, {
    series: 'ISM_MANUFACTURING_PMI',
    pmi: latest.value,
    month: monthOf(latest.date),
    released: publishedOn(latest.date, PUBLICATION.ISM_MANUFACTURING_PMI),
    ...(earlier ? { earlierPmi: earlier.value, earlierMonth } : {}),
  });
}

/** Housing starts (HOUST) or auto sales (TOTALSA): the last 3 months' average against the 3 months ending six months earlier. */
export function activityFactor<K extends 'housing' | 'autos'>(id: K, series: 'HOUST' | 'TOTALSA', observations: readonly Observation[] | undefined, asOf: IsoDate): Factor<K> {
  if (!observations) return unknownFactor(id, { reason: 'no-data', series });
  const known = knownAt(observations, PUBLICATION[series], asOf);
  const latest = known.at(-1);
  if (!latest) return unknownFactor(id, { reason: 'not-published', series });
  if (isStale(latest.date, PUBLICATION[series], asOf)) return unknownFactor(id, { reason: 'stale', series, last: latest.date });
  const byMonth = new Map(known.map((o) => [monthOf(o.date), o.value]));
  const average = (monthsBack: number): number | undefined => {
    let sum = 0;
    for (let k = monthsBack; k < monthsBack + 3; k++) {
      const v = byMonth.get(monthOf(addCalendarMonths(`${monthOf(latest.date)}-01`, -k)));
      if (v === undefined) return undefined;
      sum += v;
    }
    return sum / 3;
  };
  const recent = average(0);
  const earlier = average(6);
  if (recent === undefined || earlier === undefined) return unknownFactor(id, { reason: 'short-history', series });
  const changePct = (recent / earlier - 1) * 100;
  return knownFactor(id, classifyActivity(changePct) as StateOf<K>, 'data', latest.date, {
    series,
    latest: latest.value,
    month: monthOf(latest.date),
    recentAverage: recent,
    earlierAverage: earlier,
    changePct,
  });
}
