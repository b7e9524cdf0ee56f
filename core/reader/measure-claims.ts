import type { Basis, IsoDate } from '../market/types.ts';
import type { Comparison, LegInput } from '../market/compare.ts';
import type { Claim } from './claims.ts';
import { compareLegs } from '../market/compare.ts';
import { parsePeriod } from '../market/period.ts';

export type Verdict = 'holds' | 'roughly' | 'does-not-hold' | 'cannot-check';

/**
 * Tolerances, in percentage points between the stated and the measured figure. A hedged figure
 * ("about 8%", "약 8%") holds within 1 pp and roughly within 2.5 pp; an exact one holds within
 * 0.25 pp (rounding) and roughly within 1 pp. A figure of the wrong sign never holds. A lead
 * holds when the spread has the stated sign, is "roughly" within 0.5 pp of even, and a strong
 * lead ("well ahead", "크게") needs 3 pp to hold. A lead stated as a figure is checked like a
 * hedged one, in percentage points whatever unit the article wrote.
 */
export const TOLERANCE_PP = { hedged: { holds: 1, roughly: 2.5 }, exact: { holds: 0.25, roughly: 1 }, even: 0.5, strongLead: 3 } as const;

export type Why =
  | 'within' | 'off' | 'wrong-sign'
  | 'lead-holds' | 'lead-even' | 'lead-wrong' | 'lead-small'
  | 'no-period' | 'no-data' | 'earnings' | 'valuation' | 'macro' | 'forecast';

export type CheckedClaim = {
  readonly quote: string;
  readonly kind: Claim['kind'];
  readonly symbols: readonly string[];
  /** The period option (`ytd`, `2023`, `from:…`), or null when the sentence names none. */
  readonly period: string | null;
  /** Decimal: a return for a return claim, a small-minus-large spread for a lead (null when only the direction was stated; the size of the spread for a gap stated with no direction). */
  readonly stated: number | null;
  readonly measured: number | null;
  readonly verdict: Verdict;
  readonly why: Why;
  /** Stated minus measured, in percentage points. */
  readonly offPp?: number;
  readonly hedged?: boolean;
  readonly leads?: boolean;
  readonly strong?: boolean;
  /** The unit the article gave a lead in: percent where percentage points were meant. */
  readonly written?: 'percent' | 'pp';
  readonly baseDate?: IsoDate;
  readonly endDate?: IsoDate;
};

/**
 * Measures claims against loaded series with the /smallcaps engine (compareLegs), so a checked
 * figure and a slash-command figure never disagree: each return from the last close before the
 * period, at as-of.
 */
export function measureClaims(claims: readonly Claim[], legs: readonly LegInput[], asOf: IsoDate, basis: Basis = 'price'): CheckedClaim[] {
  const comparisons = new Map<string, Comparison | null>();
  const compare = (option: string) => {
    if (!comparisons.has(option)) {
      let c: Comparison | null = null;
      try {
        const [p, to] = option.replace(/^from:/, '').split(' to:');
        c = compareLegs(legs, parsePeriod(p!, to), asOf, basis);
      } catch {
        c = null;
      }
      comparisons.set(option, c);
    }
    return comparisons.get(option)!;
  };
  const returnOf = (c: Comparison, symbol: string) => c.legs.find((l) => l.instrument.symbol === symbol)?.return;

  return claims.map((claim): CheckedClaim => {
    if (claim.kind === 'unchecked') return { quote: claim.quote, kind: claim.kind, symbols: [], period: null, stated: null, measured: null, verdict: 'cannot-check', why: claim.reason };
    const symbols = claim.kind === 'return' ? [claim.symbol] : [claim.small, claim.large];
    const stated = claim.kind === 'return' ? claim.stated : claim.statedPp !== undefined ? (claim.leads === false ? -1 : 1) * Math.abs(claim.statedPp) / 100 : null;
    const head = { quote: claim.quote, kind: claim.kind, symbols, period: claim.period ?? null, stated, ...(claim.kind === 'return' ? { hedged: claim.hedged } : { leads: claim.leads, strong: claim.strong, written: claim.written }) };
    if (!claim.period) return { ...head, measured: null, verdict: 'cannot-check', why: 'no-period' };
    const c = compare(claim.period);
    const dates = c ? { baseDate: c.baseDate, endDate: c.endDate } : {};
    if (claim.kind === 'return') {
      const m = c && returnOf(c, claim.symbol);
      if (m === undefined || m === null) return { ...head, measured: null, verdict: 'cannot-check', why: 'no-data', ...dates };
      return { ...head, measured: m, ...dates, ...figureVerdict(claim.stated, m, claim.hedged) };
    }
    const s = c && returnOf(c, claim.small);
    const l = c && returnOf(c, claim.large);
    if (s === undefined || l === undefined || s === null || l === null) return { ...head, measured: null, verdict: 'cannot-check', why: 'no-data', ...dates };
    const spread = s - l;
    // A gap with no direction is checked on its size.
    if (stated !== null) return { ...head, measured: spread, ...dates, ...figureVerdict(stated, claim.leads === undefined ? Math.abs(spread) : spread, true) };
    const pp = spread * 100;
    const signed = claim.leads ? pp : -pp;
    const verdict: Pick<CheckedClaim, 'verdict' | 'why'> =
      Math.abs(pp) < TOLERANCE_PP.even ? { verdict: 'roughly', why: 'lead-even' }
      : signed < 0 ? { verdict: 'does-not-hold', why: 'lead-wrong' }
      : claim.strong && signed < TOLERANCE_PP.strongLead ? { verdict: 'roughly', why: 'lead-small' }
      : { verdict: 'holds', why: 'lead-holds' };
    return { ...head, measured: spread, ...dates, ...verdict };
  });
}

function figureVerdict(stated: number, measured: number, hedged: boolean): Pick<CheckedClaim, 'verdict' | 'why' | 'offPp'> {
  const offPp = (stated - measured) * 100;
  const tol = hedged ? TOLERANCE_PP.hedged : TOLERANCE_PP.exact;
  if (Math.sign(stated) !== Math.sign(measured) && Math.abs(measured * 100) >= tol.holds) return { verdict: 'does-not-hold', why: 'wrong-sign', offPp };
  if (Math.abs(offPp) <= tol.holds) return { verdict: 'holds', why: 'within', offPp };
  if (Math.abs(offPp) <= tol.roughly) return { verdict: 'roughly', why: 'within', offPp };
  return { verdict: 'does-not-hold', why: 'off', offPp };
}
