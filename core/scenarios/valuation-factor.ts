import type { IsoDate } from '../market/types.ts';
import type { Observation } from '../data/macro.ts';
import type { Factor } from './factors.ts';
import type { MomentumLegs } from './market-factors.ts';
import { alignOnCommonSessions } from '../market/align.ts';
import { addCalendarMonths, lastIndexAtOrBefore } from '../market/sessions-index.ts';
import { percentileRank } from '../market/stats.ts';
import { classifyValuation, THRESHOLDS } from './rules.ts';
import { knownFactor, unknownFactor } from './make-factor.ts';
import { latestKnown, PUBLICATION } from './macro-factors.ts';

/** The latest value's percentile (0–100) within each trailing window of `years` that the history fully covers. */
export function percentilesAgainstHistory(dates: readonly IsoDate[], values: readonly number[], years: readonly number[]): { readonly years: number; readonly percentile: number; readonly from: IsoDate }[] {
  const last = dates.length - 1;
  if (last < 0) return [];
  return years.flatMap((y) => {
    const start = addCalendarMonths(dates[last]!, -12 * y);
    if (dates[0]! > start) return [];
    const from = lastIndexAtOrBefore(dates, start) + 1;
    return [{ years: y, percentile: percentileRank(values.slice(from), values[last]!), from: dates[from]! }];
  });
}

function valuationFrom(measure: 'relative-pe' | 'relative-price', series: string, dates: readonly IsoDate[], values: readonly number[]): Factor<'valuation'> {
  const windows = percentilesAgainstHistory(dates, values, THRESHOLDS.valuationYears);
  if (!windows.length) return unknownFactor('valuation', { reason: 'short-history', series });
  const detail: Record<string, string | number> = { measure, series, ratio: values.at(-1)! };
  for (const w of windows) {
    detail[`percentile${w.years}y`] = w.percentile;
    detail[`from${w.years}y`] = w.from;
  }
  return knownFactor('valuation', classifyValuation(windows.map((w) => w.percentile)), 'data', dates.at(-1)!, detail);
}

/**
 * Valuation: with `RELATIVE_PE` (small-cap forward P/E divided by large-cap forward P/E), that
 * ratio's percentile against its own 10- and 20-year history; without it, the same for the
 * small/large *price* ratio, a relative-price gauge that is not a P/E: cheap against its own
 * history leans small, dear leans large.
 */
export function valuationFactor(input: { readonly relativePe?: readonly Observation[] | undefined; readonly legs?: MomentumLegs | undefined }, asOf: IsoDate): Factor<'valuation'> {
  const pe = latestKnown(input.relativePe, PUBLICATION.RELATIVE_PE, asOf);
  if (pe.ok) {
    const fromPe = valuationFrom('relative-pe', 'RELATIVE_PE', pe.known.map((o) => o.date), pe.known.map((o) => o.value));
    if (fromPe.state !== 'unknown' || !input.legs) return fromPe;
  }
  if (!input.legs) return unknownFactor('valuation', { reason: 'no-prices' });
  const { dates, values } = alignOnCommonSessions([input.legs.small.bars, input.legs.large.bars], 'price', asOf);
  const ratio = values[0]!.map((v, i) => v / values[1]![i]!);
  return valuationFrom('relative-price', `${input.legs.small.symbol}/${input.legs.large.symbol}`, dates, ratio);
}
