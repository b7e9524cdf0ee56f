import type { IsoDate } from '../market/types.ts';
import type { Observation } from '../data/macro.ts';
import type { Factor } from './factors.ts';
import { addCalendarMonths, lastIndexAtOrBefore } from '../market/sessions-index.ts';
import { classifyCredit, THRESHOLDS } from './rules.ts';
import { knownFactor, unknownFactor } from './make-factor.ts';
import { latestKnown, PUBLICATION } from './macro-factors.ts';

/** Two copies of one series (an archive and a recent file): every date once, the later copy winning where they overlap. */
export function mergeObservations(...copies: readonly (readonly Observation[] | undefined)[]): Observation[] | undefined {
  const present = copies.filter((c): c is readonly Observation[] => c !== undefined && c.length > 0);
  if (!present.length) return undefined;
  const byDate = new Map<IsoDate, number>();
  for (const copy of present) for (const o of copy) byDate.set(o.date, o.value);
  return [...byDate].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, value]) => ({ date, value }));
}

/** The ICE BofA US High Yield option-adjusted spread (BAMLH0A0HYM2, percent): its level and its change over 3 months. */
export function creditFactor(observations: readonly Observation[] | undefined, asOf: IsoDate): Factor<'credit'> {
  const series = 'BAMLH0A0HYM2';
  const found = latestKnown(observations, PUBLICATION[series], asOf);
  if (!found.ok) return unknownFactor('credit', { reason: found.reason, series, ...(found.last ? { last: found.last } : {}) });
  const { known, latest } = found;
  const earlier = known[lastIndexAtOrBefore(known.map((o) => o.date), addCalendarMonths(latest.date, -THRESHOLDS.creditLookbackMonths))];
  if (!earlier) return unknownFactor('credit', { reason: 'short-history', series });
  const changePp = latest.value - earlier.value;
  return knownFactor('credit', classifyCredit(latest.value, changePp), 'data', latest.date, {
    series,
    levelPct: latest.value,
    earlierPct: earlier.value,
    earlierDate: earlier.date,
    changePp,
  });
}
