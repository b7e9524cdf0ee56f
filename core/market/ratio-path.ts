import type { Basis, Bar, IsoDate } from './types.ts';
import { alignOnCommonSessions } from './align.ts';
import { lastIndexAtOrBefore } from './sessions-index.ts';
import { movingAverage } from './stats.ts';

export type RatioPath = {
  readonly dates: readonly IsoDate[];
  /** Small / large, rebased to 100 at `dates[0]`. */
  readonly values: readonly number[];
  /** The ratio's trailing average over `window` sessions, on the same scale; null until defined. */
  readonly average: readonly (number | null)[];
};

/**
 * The small/large ratio from `baseDate` to `endDate`, with its moving average computed on the
 * whole shared history so that it is defined from the first day of a short period.
 */
export function ratioPath(small: readonly Bar[], large: readonly Bar[], basis: Basis, baseDate: IsoDate, endDate: IsoDate, window = 200): RatioPath {
  const pair = alignOnCommonSessions([small, large], basis, endDate);
  const raw = pair.dates.map((_, i) => pair.values[0]![i]! / pair.values[1]![i]!);
  const avg = movingAverage(raw, window);
  const b = Math.max(0, lastIndexAtOrBefore(pair.dates, baseDate));
  const scale = 100 / raw[b]!;
  return {
    dates: pair.dates.slice(b),
    values: raw.slice(b).map((r) => r * scale),
    average: avg.slice(b).map((a) => (a === null ? null : a * scale)),
  };
}
