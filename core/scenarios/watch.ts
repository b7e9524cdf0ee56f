import type { IsoDate } from '../market/types.ts';
import { earningsSeasonWindow, nextIsmRelease, NYSE_TIME_ZONE, zonedDateTimeToUtc } from '../calendar/index.ts';
import { seasonalWindowAt } from './seasonal-window.ts';

/** The calendar quarter an earnings season reports. */
export type Quarter = { readonly year: number; readonly quarter: 1 | 2 | 3 | 4 };

export type WatchItem =
  | { readonly kind: 'ism-release'; readonly date: IsoDate; readonly timeEt: '10:00'; readonly coversMonth: string }
  | { readonly kind: 'earnings-season-end'; readonly date: IsoDate; readonly start: IsoDate; readonly reports: Quarter }
  | { readonly kind: 'earnings-season-start'; readonly date: IsoDate; readonly end: IsoDate; readonly reports: Quarter }
  | { readonly kind: 'seasonal-window-end'; readonly date: IsoDate; readonly start: IsoDate }
  | { readonly kind: 'seasonal-window-start'; readonly date: IsoDate; readonly end: IsoDate };

/**
 * The dates that can change the verdict, soonest first: the next ISM manufacturing report, the
 * earnings season (the brief expects it to show large caps' stronger revisions) and the end (or the
 * next start) of the tax-loss reversal window. The brief's advice is to rebalance after these.
 */
export function watchList(asOf: IsoDate): WatchItem[] {
  // After the close of the as-of day: a report released that morning is already out.
  const ism = nextIsmRelease(zonedDateTimeToUtc(asOf, '16:00', NYSE_TIME_ZONE));
  const season = earningsSeasonWindow(asOf);
  const reports = season.reports;
  const { window, inside } = seasonalWindowAt(asOf);
  const items: WatchItem[] = [
    { kind: 'ism-release', date: ism.date, timeEt: '10:00', coversMonth: ism.coversMonth },
    season.inProgress
      ? { kind: 'earnings-season-end', date: season.end, start: season.start, reports }
      : { kind: 'earnings-season-start', date: season.start, end: season.end, reports },
    inside
      ? { kind: 'seasonal-window-end', date: window.end, start: window.start }
      : { kind: 'seasonal-window-start', date: window.start, end: window.end },
  ];
  return items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
