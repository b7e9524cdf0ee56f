import type { Basis, Bar, IsoDate } from '../market/types.ts';
import { valueOf } from '../market/align.ts';

/** One year of sessions: the usual "52-week" window. */
export const YEAR_SESSIONS = 252;

export type DrawdownFromHigh = {
  /** The last session at or before as-of, and its close. */
  readonly date: IsoDate;
  readonly close: number;
  /** The highest close of the window and the last session it was reached. */
  readonly high: number;
  readonly highDate: IsoDate;
  /** close / high − 1: 0 at a new high, negative below it. */
  readonly drawdown: number;
  /** How many sessions the window holds (fewer than asked when the series is younger). */
  readonly sessions: number;
};

/** How far the last close sits below the highest close of the last `sessions` sessions, as of `asOf`. */
export function drawdownFromHigh(bars: readonly Bar[], asOf: IsoDate, sessions: number = YEAR_SESSIONS, basis: Basis = 'price'): DrawdownFromHigh | null {
  const points: { date: IsoDate; value: number }[] = [];
  for (const bar of bars) {
    if (bar.date > asOf) break;
    const value = valueOf(bar, basis);
    if (value !== undefined) points.push({ date: bar.date, value });
  }
  const window = points.slice(-Math.max(1, Math.floor(sessions)));
  const last = window.at(-1);
  if (!last) return null;
  let peak = window[0]!;
  for (const point of window) if (point.value >= peak.value) peak = point;
  return { date: last.date, close: last.value, high: peak.value, highDate: peak.date, drawdown: last.value / peak.value - 1, sessions: window.length };
}
