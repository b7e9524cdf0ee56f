import type { IsoDate } from '../market/types.ts';
import { nextSession, sessionCloseUtc } from '../calendar/index.ts';

/**
 * Hours since the first session after `lastDate` closed, or 0 while that session is still to
 * close: how late the data is, never counting weekends and holidays, when no close can be missing.
 */
export function overdueHours(lastDate: IsoDate, now: Date): number {
  const due = sessionCloseUtc(nextSession(lastDate));
  if (!due) return 0;
  return Math.max(0, (now.getTime() - due.getTime()) / 3_600_000);
}
