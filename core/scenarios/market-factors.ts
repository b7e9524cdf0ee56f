import type { Bar, IsoDate } from '../market/types.ts';
import type { Factor } from './factors.ts';
import { alignOnCommonSessions } from '../market/align.ts';
import { addCalendarMonths, lastIndexAtOrBefore } from '../market/sessions-index.ts';
import { movingAverage } from '../market/stats.ts';
import { classifyMomentum, THRESHOLDS } from './rules.ts';
import { seasonalWindowAt } from './seasonal-window.ts';
import { knownFactor, unknownFactor } from './make-factor.ts';

export function seasonalityFactor(asOf: IsoDate): Factor<'seasonality'> {
  const { window, inside } = seasonalWindowAt(asOf);
  return knownFactor('seasonality', inside ? 'in-window' : 'outside-window', 'data', asOf, { from: window.start, to: window.end });
}

export type MomentumLegs = { readonly small: { readonly symbol: string; readonly bars: readonly Bar[] }; readonly large: { readonly symbol: string; readonly bars: readonly Bar[] } };

/**
 * The small/large spread over the year so far (or 3 months while January is too young) and where
 * the small/large price ratio stands against its 200-session average. Closes after `asOf` are ignored.
 */
export function momentumFactor(legs: MomentumLegs, asOf: IsoDate): Factor<'momentum'> {
  const { dates, values } = alignOnCommonSessions([legs.small.bars, legs.large.bars], 'price', asOf);
  const small = values[0]!;
  const large = values[1]!;
  const e = dates.length - 1;
  const window = THRESHOLDS.momentumAverageSessions;
  if (e < window) return unknownFactor('momentum', { reason: 'short-history', sessions: dates.length });
  const endDate = dates[e]!;
  const ytdBase = lastIndexAtOrBefore(dates, `${Number(endDate.slice(0, 4)) - 1}-12-31`);
  const useYtd = ytdBase >= 0 && e - ytdBase >= THRESHOLDS.momentumMinYtdSessions;
  const b = useYtd ? ytdBase : lastIndexAtOrBefore(dates, addCalendarMonths(endDate, -3));
  const spreadPp = (small[e]! / small[b]! - large[e]! / large[b]!) * 100;
  const ratio = small.map((v, i) => v / large[i]!);
  const average = movingAverage(ratio.slice(e - window + 1), window).at(-1)!;
  const ratioVsAveragePct = (ratio[e]! / average! - 1) * 100;
  return knownFactor('momentum', classifyMomentum(spreadPp, ratioVsAveragePct), 'data', endDate, {
    window: useYtd ? 'ytd' : '3m',
    small: legs.small.symbol,
    large: legs.large.symbol,
    from: dates[b]!,
    to: endDate,
    spreadPp,
    ratioVsAveragePct,
  });
}
