import type { Bar, IsoDate } from '../../core/market/types.ts';
import { instrument } from '../../core/market/universe.ts';
import type { LegInput } from '../../core/market/compare.ts';

/** Weekdays from `from` to `to` inclusive (a synthetic session calendar). */
export function weekdays(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

export function bars(dates: readonly IsoDate[], close: (i: number, date: IsoDate) => number, adj?: (i: number) => number): Bar[] {
  return dates.map((date, i) => (adj ? { date, close: close(i, date), adjClose: adj(i) } : { date, close: close(i, date) }));
}

export function leg(symbol: string, role: 'small' | 'large', series: Bar[]): LegInput {
  return { instrument: instrument(symbol, role), bars: series };
}
