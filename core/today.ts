import type { IsoDate } from './market/types.ts';

/** Today's date on Wall Street, or the fixed date demos and tests ask for. */
export function todayFn(fixed: IsoDate | undefined, now: () => Date = () => new Date()): () => IsoDate {
  if (fixed) return () => fixed;
  const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' });
  return () => format.format(now());
}

/** The Wall Street date of an instant, such as the time a message was written. */
export const wallStreetDateOf = (instant: Date): IsoDate => todayFn(undefined, () => instant)();
