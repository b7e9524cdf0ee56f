import type { IsoDate } from '../market/types.ts';
import type { Instrument } from '../market/universe.ts';
import type { Comparison, LegInput } from '../market/compare.ts';
import type { MedianSpread, MonthSpread } from '../market/seasonal-spread.ts';
import type { LiveMetric } from './types.ts';
import type { DrawdownFromHigh } from './live-drawdown.ts';
import { compareLegs } from '../market/compare.ts';
import { januarySpreads, latestDecemberJanuary, latestJanuary, medianSpread, yearsBefore } from '../market/seasonal-spread.ts';
import { drawdownFromHigh } from './live-drawdown.ts';

/** How many past Januaries the typical January spread is taken over. */
export const JANUARY_HISTORY_YEARS = 20;

/** The measured counterpart of a glossary term, with the date of the data behind it (`asOf`). */
export type LiveFigure =
  | {
      readonly kind: 'january-effect';
      readonly asOf: IsoDate;
      readonly small: Instrument;
      readonly large: Instrument;
      readonly january: MonthSpread;
      /** The Januaries before it with complete data; null when there are none. */
      readonly history: MedianSpread | null;
    }
  | {
      readonly kind: 'tax-loss';
      readonly asOf: IsoDate;
      readonly small: Instrument;
      readonly large: Instrument;
      readonly december: MonthSpread;
      readonly january: MonthSpread;
    }
  | { readonly kind: 'spread' | 'ratio' | 'ytd' | 'percentile'; readonly asOf: IsoDate; readonly comparison: Comparison }
  | { readonly kind: 'drawdown'; readonly asOf: IsoDate; readonly legs: readonly ({ readonly instrument: Instrument } & DrawdownFromHigh)[] };

const YTD = { kind: 'relative', code: 'ytd' } as const;

/**
 * Computes the figure a term's `live` field names from the legs' daily closes (price basis), as
 * of `asOf`. Null when the data cannot give it; `compareLegs` may throw for legs that do not
 * cover the year, which callers treat the same way.
 */
export function liveFigure(metric: LiveMetric, legs: readonly LegInput[], asOf: IsoDate): LiveFigure | null {
  switch (metric) {
    case 'january-effect':
    case 'tax-loss':
      return seasonalFigure(metric, legs, asOf);
    case 'spread':
    case 'ratio':
    case 'ytd':
    case 'percentile': {
      const comparison = compareLegs(legs, YTD, asOf, 'price');
      if (metric === 'percentile' && comparison.percentile === null) return null;
      return { kind: metric, asOf: comparison.endDate, comparison };
    }
    case 'drawdown': {
      const out = legs.flatMap((leg) => {
        const dd = drawdownFromHigh(leg.bars, asOf);
        return dd ? [{ instrument: leg.instrument, ...dd }] : [];
      });
      if (out.length === 0) return null;
      return { kind: 'drawdown', asOf: out.reduce((latest, l) => (l.date > latest ? l.date : latest), out[0]!.date), legs: out };
    }
  }
}

/** The first small and the first large leg with data: the universe's primary pair. */
function primaryPair(legs: readonly LegInput[]) {
  const small = legs.find((l) => l.instrument.role === 'small' && l.bars.length > 0);
  const large = legs.find((l) => l.instrument.role === 'large' && l.bars.length > 0);
  return small && large ? { small, large } : null;
}

function seasonalFigure(metric: 'january-effect' | 'tax-loss', legs: readonly LegInput[], asOf: IsoDate): LiveFigure | null {
  const pair = primaryPair(legs);
  if (!pair) return null;
  const names = { small: pair.small.instrument, large: pair.large.instrument };
  if (metric === 'tax-loss') {
    const months = latestDecemberJanuary(pair.small.bars, pair.large.bars, asOf);
    return months && { kind: 'tax-loss', asOf: months.january.endDate, ...names, ...months };
  }
  const january = latestJanuary(pair.small.bars, pair.large.bars, asOf);
  if (!january) return null;
  const past = januarySpreads(pair.small.bars, pair.large.bars, yearsBefore(january.year, JANUARY_HISTORY_YEARS), { asOf });
  return { kind: 'january-effect', asOf: january.endDate, ...names, january, history: medianSpread(past) };
}
