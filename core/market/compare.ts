import type { Basis, Bar, IsoDate } from './types.ts';
import type { Instrument } from './universe.ts';
import type { Period } from './period.ts';
import type { PeriodNote } from './resolve-period.ts';
import { alignOnCommonSessions, unionOfSessions, valueOf } from './align.ts';
import type { Aligned } from './align.ts';
import { createInputMemo } from './memo-by-inputs.ts';
import { resolvePeriod } from './resolve-period.ts';
import { lastIndexAtOrBefore } from './sessions-index.ts';
import { maxDrawdown, percentileRank, simpleReturn } from './stats.ts';
import { UserError } from '../user-error.ts';
import { addDays } from '../calendar/iso-date.ts';

export type LegInput = { readonly instrument: Instrument; readonly bars: readonly Bar[] };

export type OmittedLeg = {
  readonly instrument: Instrument;
  readonly reason: 'not-covered' | 'no-total-return' | 'unavailable';
  readonly first?: IsoDate;
  readonly last?: IsoDate;
  readonly detail?: string;
};

export type LegResult = {
  readonly instrument: Instrument;
  readonly baseClose: number;
  readonly endClose: number;
  /** Decimal: 0.067 is +6.7%. */
  readonly return: number;
  /** Deepest fall within the period, negative decimal. */
  readonly maxDrawdown: number;
};

export type Comparison = {
  readonly basis: Basis;
  readonly period: Period;
  readonly baseDate: IsoDate;
  readonly endDate: IsoDate;
  readonly sessions: number;
  readonly legs: readonly LegResult[];
  readonly omitted: readonly OmittedLeg[];
  readonly primary: { readonly small: LegResult; readonly large: LegResult };
  /** Primary small minus primary large, in percentage points. */
  readonly spreadPp: number;
  /** Small / large rebased to 100 at the base; changePct is the ratio's own % change. */
  readonly ratio: { readonly end: number; readonly changePct: number };
  /** Where today's spread ranks among every past window of the same number of sessions. */
  readonly percentile: { readonly rank: number; readonly windows: number; readonly since: IsoDate } | null;
  readonly ratio52w: { readonly sessionsSinceHigh: number; readonly sessionsSinceLow: number; readonly highDate: IsoDate; readonly lowDate: IsoDate } | null;
  readonly notes: readonly PeriodNote[];
  /** Every leg rebased to 100 at the base, on the period's sessions. */
  readonly path: { readonly dates: readonly IsoDate[]; readonly rebased: readonly (readonly number[])[] };
};

const YEAR_SESSIONS = 252;
const END_OF_TIME = '9999-12-31';
// The shared calendar and the primary pair's full alignment depend only on the input series.
const sessionsMemo = createInputMemo<IsoDate[]>();
const pairMemo = createInputMemo<Aligned>();

function lastBarAtOrBefore(bars: readonly Bar[], date: IsoDate): number {
  let lo = 0;
  let hi = bars.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (bars[mid]!.date <= date) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/** The first and last dates with a value up to as-of; bars are ascending, so only the ends are scanned. */
function coverage(bars: readonly Bar[], basis: Basis, asOf: IsoDate) {
  let i = 0;
  while (i < bars.length && valueOf(bars[i]!, basis) === undefined) i++;
  let j = lastBarAtOrBefore(bars, asOf);
  while (j >= 0 && valueOf(bars[j]!, basis) === undefined) j--;
  if (i >= bars.length || j < i) return { first: undefined, last: undefined };
  return { first: bars[i]!.date, last: bars[j]!.date };
}

/**
 * Compares small-cap legs with large-cap legs over a period. The base of every return is the
 * last close before the period starts. The first leg of each role that covers the period is
 * the primary one, used for the spread, the ratio and their history.
 */
export function compareLegs(legs: readonly LegInput[], period: Period, asOf: IsoDate, basis: Basis): Comparison {
  const omitted: OmittedLeg[] = [];
  const usable: (LegInput & { first: IsoDate; last: IsoDate })[] = [];
  for (const leg of legs) {
    const { first, last } = coverage(leg.bars, basis, asOf);
    if (first === undefined || last === undefined) {
      omitted.push({ instrument: leg.instrument, reason: basis === 'total' && leg.bars.length > 0 ? 'no-total-return' : 'not-covered' });
    } else usable.push({ ...leg, first, last });
  }

  const allSessions = sessionsMemo(usable.map((l) => l.bars), '', () => unionOfSessions(usable.map((l) => l.bars), END_OF_TIME));
  const union = allSessions.slice(0, lastIndexAtOrBefore(allSessions, asOf) + 1);
  // "max" means the longest history every leg shares, so it starts where the youngest leg starts.
  const commonStart = usable.reduce((latest, l) => (l.first > latest ? l.first : latest), '');
  const calendar = period.kind === 'relative' && period.code === 'max' ? union.filter((d) => d >= commonStart) : union;
  if (calendar.length < 2) throw new UserError('data.noSessions', { asOf });
  const resolved = resolvePeriod(period, calendar, asOf);
  const baseDate = calendar[resolved.baseIndex]!;
  const endDate = calendar[resolved.endIndex]!;

  const covering = usable.filter((l) => {
    const covers = l.first <= baseDate && l.last >= endDate;
    if (!covers) omitted.push({ instrument: l.instrument, reason: 'not-covered', first: l.first, last: l.last });
    return covers;
  });
  for (const role of ['small', 'large'] as const) {
    if (!covering.some((l) => l.instrument.role === role)) {
      const ofRole = legs.filter((l) => l.instrument.role === role).map((l) => l.instrument.symbol);
      const noTotal = omitted.filter((o) => o.instrument.role === role && o.reason === 'no-total-return').map((o) => o.instrument.symbol);
      if (noTotal.length === ofRole.length) throw new UserError('data.noTotalReturn', { legs: noTotal.join(', ') });
      throw new UserError(role === 'small' ? 'data.noSmallLegCovers' : 'data.noLargeLegCovers', {
        from: baseDate,
        to: endDate,
        legs: legs.filter((l) => l.instrument.role === role).map((l) => l.instrument.symbol).join(', '),
      });
    }
  }

  // A few weeks of slack before the base, in case a leg has no row on the base date itself.
  const aligned = alignOnCommonSessions(covering.map((l) => l.bars), basis, endDate, addDays(baseDate, -21));
  const b = lastIndexAtOrBefore(aligned.dates, baseDate);
  if (b < 0) throw new UserError('data.noCommonData', { from: baseDate, to: endDate });
  const e = aligned.dates.length - 1;
  const legResults: LegResult[] = covering.map((leg, k) => {
    const values = aligned.values[k]!;
    return {
      instrument: leg.instrument,
      baseClose: values[b]!,
      endClose: values[e]!,
      return: simpleReturn(values[b]!, values[e]!),
      maxDrawdown: maxDrawdown(values, b, e),
    };
  });

  const smallK = covering.findIndex((l) => l.instrument.role === 'small');
  const largeK = covering.findIndex((l) => l.instrument.role === 'large');
  const small = legResults[smallK]!;
  const large = legResults[largeK]!;
  const ratioEnd = ((1 + small.return) / (1 + large.return)) * 100;

  const pairInputs = [covering[smallK]!.bars, covering[largeK]!.bars];
  const pair = pairMemo(pairInputs, basis, () => alignOnCommonSessions(pairInputs, basis, END_OF_TIME));
  const pairEnd = lastIndexAtOrBefore(pair.dates, endDate);
  const windowLength = e - b;

  return {
    basis,
    period,
    baseDate: aligned.dates[b]!,
    endDate: aligned.dates[e]!,
    sessions: windowLength,
    legs: legResults,
    omitted,
    primary: { small, large },
    spreadPp: (small.return - large.return) * 100,
    ratio: { end: ratioEnd, changePct: ratioEnd - 100 },
    percentile: spreadPercentile(pair.values[0]!, pair.values[1]!, pair.dates, windowLength, pairEnd),
    ratio52w: ratioExtremes(pair.values[0]!, pair.values[1]!, pair.dates, pairEnd),
    notes: resolved.notes,
    path: {
      dates: aligned.dates.slice(b, e + 1),
      rebased: aligned.values.map((values) => values.slice(b, e + 1).map((v) => (v / values[b]!) * 100)),
    },
  };
}

function spreadPercentile(small: readonly number[], large: readonly number[], dates: readonly IsoDate[], n: number, last: number) {
  if (n < 1 || last - n < 0) return null;
  const spreads: number[] = [];
  for (let i = n; i <= last; i++) {
    spreads.push(small[i]! / small[i - n]! - large[i]! / large[i - n]!);
  }
  if (spreads.length < 2) return null;
  return { rank: percentileRank(spreads, spreads[spreads.length - 1]!), windows: spreads.length, since: dates[0]! };
}

function ratioExtremes(small: readonly number[], large: readonly number[], dates: readonly IsoDate[], last: number) {
  if (last < 1) return null;
  const from = Math.max(0, last - YEAR_SESSIONS + 1);
  let hi = from;
  let lo = from;
  for (let i = from; i <= last; i++) {
    const r = small[i]! / large[i]!;
    if (r >= small[hi]! / large[hi]!) hi = i;
    if (r <= small[lo]! / large[lo]!) lo = i;
  }
  return { sessionsSinceHigh: last - hi, sessionsSinceLow: last - lo, highDate: dates[hi]!, lowDate: dates[lo]! };
}
