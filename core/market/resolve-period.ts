import type { IsoDate } from './types.ts';
import type { Period } from './period.ts';
import { UserError } from '../user-error.ts';
import { addDays } from '../calendar/iso-date.ts';
import { addCalendarMonths, firstIndexAtOrAfter, lastIndexAtOrBefore } from './sessions-index.ts';

export type PeriodNote =
  | { readonly kind: 'snapped-from'; readonly requested: IsoDate; readonly session: IsoDate }
  | { readonly kind: 'snapped-to'; readonly requested: IsoDate; readonly session: IsoDate }
  | { readonly kind: 'partial-year'; readonly year: number; readonly through: IsoDate }
  | { readonly kind: 'max-from'; readonly session: IsoDate };

/** Positions in the session list: the return runs from the close at `baseIndex` to the close at `endIndex`. */
export type ResolvedPeriod = {
  readonly baseIndex: number;
  readonly endIndex: number;
  readonly notes: readonly PeriodNote[];
};

const MONTHS: Record<string, number> = { '1m': 1, '3m': 3, '6m': 6, '1y': 12, '3y': 36, '5y': 60, '10y': 120 };

/**
 * Finds the base (the last close before the period starts) and the end session of a period.
 * `sessions` are the trading dates available, ascending; `asOf` caps the end.
 */
export function resolvePeriod(period: Period, sessions: readonly IsoDate[], asOf: IsoDate): ResolvedPeriod {
  const lastAvailable = lastIndexAtOrBefore(sessions, asOf);
  if (lastAvailable < 1) throw new UserError('data.noSessions', { asOf });
  const endDate = sessions[lastAvailable]!;
  const notes: PeriodNote[] = [];

  const baseBefore = (firstDayOfPeriod: IsoDate): number => lastIndexAtOrBefore(sessions, addDays(firstDayOfPeriod, -1));
  let baseIndex: number;
  let endIndex = lastAvailable;

  switch (period.kind) {
    case 'relative': {
      const y = endDate.slice(0, 4);
      const m = Number(endDate.slice(5, 7));
      switch (period.code) {
        case '1d': baseIndex = lastAvailable - 1; break;
        case '1w': baseIndex = lastIndexAtOrBefore(sessions, addDays(endDate, -7)); break;
        case 'mtd': baseIndex = baseBefore(`${endDate.slice(0, 7)}-01`); break;
        case 'qtd': baseIndex = baseBefore(`${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`); break;
        case 'ytd': baseIndex = baseBefore(`${y}-01-01`); break;
        case 'max': baseIndex = 0; notes.push({ kind: 'max-from', session: sessions[0]! }); break;
        default: baseIndex = lastIndexAtOrBefore(sessions, addCalendarMonths(endDate, -MONTHS[period.code]!));
      }
      break;
    }
    case 'year': {
      const first = `${period.year}-01-01`;
      if (first > asOf) throw new UserError('period.future', { value: String(period.year), asOf });
      baseIndex = baseBefore(first);
      endIndex = lastIndexAtOrBefore(sessions, `${period.year}-12-31`);
      if (endIndex === lastAvailable && `${period.year}-12-31` > endDate) {
        notes.push({ kind: 'partial-year', year: period.year, through: endDate });
      }
      break;
    }
    case 'range': {
      if (period.from > asOf) throw new UserError('period.future', { value: period.from, asOf });
      if (period.to !== undefined && period.to > asOf) throw new UserError('period.future', { value: period.to, asOf });
      const startIndex = firstIndexAtOrAfter(sessions, period.from);
      baseIndex = startIndex - 1;
      if (startIndex < sessions.length && sessions[startIndex] !== period.from) {
        notes.push({ kind: 'snapped-from', requested: period.from, session: sessions[startIndex]! });
      }
      if (period.to !== undefined) {
        endIndex = lastIndexAtOrBefore(sessions, period.to);
        if (endIndex >= 0 && sessions[endIndex] !== period.to) {
          notes.push({ kind: 'snapped-to', requested: period.to, session: sessions[endIndex]! });
        }
        if (endIndex < startIndex) throw new UserError('period.noSessionInRange', { from: period.from, to: period.to });
      }
      break;
    }
  }
  if (baseIndex < 0) throw new UserError('period.beforeData', { first: sessions[0]! });
  if (endIndex <= baseIndex) throw new UserError('period.noSessionInRange', { from: sessions[baseIndex]!, to: sessions[endIndex] ?? endDate });
  return { baseIndex, endIndex, notes };
}
