/**
 * The scenario rules in one place: how each factor's reading is classified, which way each state
 * leans, how the verdict is chosen, and how confident it is. "Brief" below is
 * /work/shared/brief.md, the restatement of Wolfe Research's January 2026 reading (20 January
 * 2026): numbered points refer to its "analysts' reading" list.
 */
import type { FactorId, Lean, Source, StateOf, States } from './factors.ts';
import { FACTOR_IDS } from './factors.ts';

export const VERDICTS = ['durable-rerating', 'short-term-trade', 'large-cap-leadership', 'mixed'] as const;
export type Verdict = (typeof VERDICTS)[number];

// ── Reading the data ───────────────────────────────────────────────────────────────────────────

export const THRESHOLDS = {
  /**
   * A small/large spread under 2 pp is within ordinary noise: the IWM−SPY daily spread moves
   * about 0.8 pp a day, so over a dozen sessions ±2 pp is well inside one standard deviation.
   */
  momentumLeadPp: 2,
  /** YTD needs this many sessions to say anything; before that (early January) the 3-month spread is used. */
  momentumMinYtdSessions: 10,
  /** The 200-session average is the usual line between a trend and a bounce. */
  momentumAverageSessions: 200,
  /** One quarter-point move is the Fed's step: a 6-month change of a full step either way is a policy direction. */
  monetaryStepPp: 0.25,
  monetaryLookbackMonths: 6,
  /** ISM's own convention: 50 separates expansion from contraction. */
  ismExpansion: 50,
  /** "Rising" compares with the reading three months earlier. */
  ismTrendMonths: 3,
  /** Regional Fed diffusion indexes are the share reporting more orders minus the share reporting fewer: 0 is their 50. */
  regionalExpansion: 0,
  /**
   * Housing starts and auto sales are noisy month to month (±10% is common), so the last three
   * months' average is compared with the three months ending six months earlier; ±5% is a trend.
   */
  activityChangePct: 5,
  /**
   * High-yield OAS (percent): a 3-month change of half a point is a move of about one standard
   * deviation of 3-month changes outside crises; above 6% spreads price in stress (they were above
   * it in 2001–02, 2008–09, 2011, 2015–16, 2020 and briefly 2022), and at or below 3.5% they are
   * tight by the series' own history since 1996 (its 20th percentile is about 3.3%).
   */
  creditChangePp: 0.5,
  creditLookbackMonths: 3,
  creditStressPct: 6,
  creditCalmPct: 3.5,
  /**
   * Policy uncertainty (EPU categorical indexes, monthly, very noisy): the last 3 months' average is
   * placed against the 10 years of months before them (at least 5 years), and compared with the 3
   * months before. A fifth higher or lower is a change; the top and bottom quarters of its own
   * history are high and low.
   */
  policyAverageMonths: 3,
  policyHistoryMonths: 120,
  policyMinHistoryMonths: 60,
  policyChangePct: 20,
  policyHighPercentile: 75,
  policyLowPercentile: 25,
  /**
   * Valuation, from the small/large ratio's percentile against its own history: the cheapest or
   * dearest fifth of both the 10- and the 20-year history (the 10-year one alone when 20 years
   * are not there).
   */
  valuationYears: [10, 20],
  valuationCheapPercentile: 20,
  valuationDearPercentile: 80,
} as const;

/** Small caps lead when the spread and the ratio's trend agree; large caps likewise; otherwise no clear leader. */
export function classifyMomentum(spreadPp: number, ratioVsAveragePct: number): StateOf<'momentum'> {
  if (spreadPp >= THRESHOLDS.momentumLeadPp && ratioVsAveragePct >= 0) return 'small-leading';
  if (spreadPp <= -THRESHOLDS.momentumLeadPp && ratioVsAveragePct <= 0) return 'large-leading';
  return 'no-clear-leader';
}

/** From the change in the effective fed funds rate over six months, in percentage points. */
export function classifyMonetary(changePp: number): StateOf<'monetary'> {
  // Rounded to basis points so that 4.33 → 4.08 (a float −0.2499…) still reads as a full step.
  const bp = Math.round(changePp * 100);
  if (bp <= -THRESHOLDS.monetaryStepPp * 100) return 'easing';
  if (bp >= THRESHOLDS.monetaryStepPp * 100) return 'tightening';
  return 'on-hold';
}

/**
 * Brief point 4: leading indicators such as ISM new orders "are still weak". The data has only the
 * headline PMI, so it stands in for new orders: below 50 is contraction; above 50 counts as
 * expanding only while rising, otherwise the recovery is stalling.
 */
export function classifyIsm(pmi: number, pmiThreeMonthsEarlier: number | undefined, expansionLine: number = THRESHOLDS.ismExpansion): StateOf<'ism'> {
  if (pmi < expansionLine) return 'contracting';
  if (pmiThreeMonthsEarlier !== undefined && pmi < pmiThreeMonthsEarlier) return 'stalling';
  return 'expanding';
}

/** Housing starts or auto sales: the % change of the 3-month average against six months earlier. */
export function classifyActivity(changePct: number): 'strong' | 'steady' | 'weak' {
  if (changePct <= -THRESHOLDS.activityChangePct) return 'weak';
  if (changePct >= THRESHOLDS.activityChangePct) return 'strong';
  return 'steady';
}

/** High-yield spreads: level and 3-month change, both in percentage points (see THRESHOLDS). */
export function classifyCredit(levelPct: number, changePp: number): StateOf<'credit'> {
  if (changePp >= THRESHOLDS.creditChangePp || levelPct >= THRESHOLDS.creditStressPct) return 'stressed';
  if (changePp <= -THRESHOLDS.creditChangePp || levelPct <= THRESHOLDS.creditCalmPct) return 'calm';
  return 'normal';
}

/** Where policy uncertainty stands: `rising`/`falling` by a fifth or more, else `high`/`low`/`usual` against its own history. */
export type UncertaintyReading = 'rising' | 'falling' | 'high' | 'low' | 'usual';

export function classifyUncertainty(percentile: number, changePct: number): UncertaintyReading {
  if (changePct >= THRESHOLDS.policyChangePct) return 'rising';
  if (changePct <= -THRESHOLDS.policyChangePct) return 'falling';
  if (percentile >= THRESHOLDS.policyHighPercentile) return 'high';
  if (percentile <= THRESHOLDS.policyLowPercentile) return 'low';
  return 'usual';
}

/**
 * Trade-policy uncertainty read as tariffs: falling or low uncertainty is the "easing tariff
 * worries" of brief point 3; rising or high is worsening.
 */
export function tariffsFromUncertainty(reading: UncertaintyReading): StateOf<'tariffs'> {
  return reading === 'falling' || reading === 'low' ? 'easing' : reading === 'rising' || reading === 'high' ? 'worsening' : 'unchanged';
}

/**
 * Fiscal-policy uncertainty read as fiscal support: the small-cap case needs *sustained*
 * stimulus, which a settled fiscal path (uncertainty falling, or low against its own history)
 * allows; while the fiscal outlook is contested (rising, high or merely usual) it is not counted on.
 */
export function fiscalFromUncertainty(reading: UncertaintyReading): StateOf<'fiscal'> {
  return reading === 'falling' || reading === 'low' ? 'stimulus' : 'no-stimulus';
}

/** A low relative price (cheap small caps) leans small; a high one leans large. Percentiles 0–100. */
export function classifyValuation(percentiles: readonly number[]): StateOf<'valuation'> {
  if (percentiles.length && percentiles.every((p) => p <= THRESHOLDS.valuationCheapPercentile)) return 'small';
  if (percentiles.length && percentiles.every((p) => p >= THRESHOLDS.valuationDearPercentile)) return 'large';
  return 'neutral';
}

// ── Which way each state leans ─────────────────────────────────────────────────────────────────

export const LEAN: { readonly [K in FactorId]: Readonly<Record<StateOf<K>, Lean>> } = {
  // Brief point 1: the January reversal of tax-loss selling lifts small caps, but only for a while.
  // It leans small on the scorecard; in the verdict it explains a lead as technical (see below).
  seasonality: { 'in-window': 'small', 'outside-window': 'neutral' },
  momentum: { 'small-leading': 'small', 'no-clear-leader': 'neutral', 'large-leading': 'large' },
  // Brief point 3 and the small-cap case: easing, fiscal stimulus and tariff relief help small caps
  // (more floating-rate debt, more domestic revenue, thinner margins).
  monetary: { easing: 'small', 'on-hold': 'neutral', tightening: 'large' },
  fiscal: { stimulus: 'small', 'no-stimulus': 'neutral' },
  tariffs: { easing: 'small', unchanged: 'neutral', worsening: 'large' },
  // Brief point 4 and the large-cap case: a weak manufacturing cycle and soft housing and autos
  // keep small caps from out-growing large caps on EPS.
  ism: { expanding: 'small', stalling: 'neutral', contracting: 'large' },
  housing: { strong: 'small', steady: 'neutral', weak: 'large' },
  autos: { strong: 'small', steady: 'neutral', weak: 'large' },
  // Small caps carry more floating-rate and high-yield debt, so widening spreads hurt them first
  // and calm credit lets them refinance.
  credit: { calm: 'small', normal: 'neutral', stressed: 'large' },
  // Brief point 5: earnings revisions (EPS) decide who leads; the user says whom they favour.
  revisions: { small: 'small', neutral: 'neutral', large: 'large' },
  // Brief point 6: the valuation gap only helps small caps if it is an opportunity rather than a
  // fair price for large caps' quality and growth visibility; the user says whom it favours.
  valuation: { small: 'small', neutral: 'neutral', large: 'large' },
};

export function leanOf<K extends FactorId>(id: K, state: StateOf<K> | 'unknown'): Lean {
  return state === 'unknown' ? 'neutral' : (LEAN[id] as Record<string, Lean>)[state]!;
}

/**
 * The factors that speak to earnings: the cycle (ISM, housing, autos), the cost of small caps'
 * debt (credit) and earnings quality (revisions, valuation). Monetary policy, fiscal stimulus and tariffs are left out on purpose:
 * brief point 3 calls them "hopes and dreams" the analysts doubt become lasting earnings momentum,
 * so they count only together, as the small-cap case.
 */
export const FUNDAMENTALS = ['ism', 'housing', 'autos', 'credit', 'revisions', 'valuation'] as const satisfies readonly FactorId[];

/** Small-leaning minus large-leaning fundamentals; unknown ones count as neither. */
export function fundamentalBalance(s: States): number {
  let balance = 0;
  for (const id of FUNDAMENTALS) {
    const lean = leanOf(id, s[id]);
    balance += lean === 'small' ? 1 : lean === 'large' ? -1 : 0;
  }
  return balance;
}

/** The brief's small-cap case: easing + sustained fiscal stimulus + real tariff relief, all "together". */
export function smallCapCase(s: States): boolean {
  return s.monetary === 'easing' && s.fiscal === 'stimulus' && s.tariffs === 'easing';
}

/** The brief's large-cap case: manufacturing stays weak and housing or autos stay soft. */
export function largeCapCase(s: States): boolean {
  return s.ism === 'contracting' && (s.housing === 'weak' || s.autos === 'weak');
}

// ── The verdict: the first rule that holds ─────────────────────────────────────────────────────

export type RuleId = Verdict;

type Rule = { readonly verdict: Verdict; readonly holds: (s: States) => boolean };

export const RULES: readonly Rule[] = [
  {
    // The small-cap case holds and earnings back it: the cycle is not in the large-cap case,
    // revisions do not favour large caps (brief point 6: no durable re-rating "unless Big Tech's
    // dominance weakens"), and more fundamentals lean small than large. Price momentum is not
    // required: the conditions for a re-rating can be in place before prices show it.
    verdict: 'durable-rerating',
    holds: (s) => smallCapCase(s) && !largeCapCase(s) && s.revisions !== 'large' && fundamentalBalance(s) > 0,
  },
  {
    // The large-cap case (or revisions favouring large caps, brief point 5), fundamentals leaning
    // large, and small caps not leading: money has rotated back to large caps.
    verdict: 'large-cap-leadership',
    holds: (s) => s.momentum !== 'small-leading' && (largeCapCase(s) || s.revisions === 'large') && fundamentalBalance(s) < 0,
  },
  {
    // Wolfe Research's verdict (brief points 1, 2, 7): small caps lead, but the lead is explained
    // by the January tax-loss reversal, or earnings do not back it (weak cycle, revisions or
    // fundamentals favouring large caps). Expect it to fade.
    verdict: 'short-term-trade',
    holds: (s) =>
      s.momentum === 'small-leading' &&
      (s.seasonality === 'in-window' || largeCapCase(s) || s.revisions === 'large' || fundamentalBalance(s) < 0),
  },
];

export function decideVerdict(s: States): Verdict {
  return RULES.find((r) => r.holds(s))?.verdict ?? 'mixed';
}

// ── How strongly each factor supports a verdict, and the confidence ─────────────────────────────

/** +1 supports the verdict, −1 argues against it, 0 neither. Not used for `mixed`. */
export function support(verdict: Exclude<Verdict, 'mixed'>, id: FactorId, state: string): -1 | 0 | 1 {
  if (state === 'unknown') return 0;
  if (id === 'seasonality') {
    // Inside the window a lead is at least partly technical: evidence for "trade", against "durable".
    if (state !== 'in-window') return 0;
    return verdict === 'short-term-trade' ? 1 : verdict === 'durable-rerating' ? -1 : 0;
  }
  // A small-cap lead is the premise of a short-term trade, not evidence for or against it.
  if (id === 'momentum' && verdict === 'short-term-trade' && state === 'small-leading') return 0;
  const lean = leanOf(id, state as StateOf<typeof id>);
  if (lean === 'neutral') return 0;
  const favoured = verdict === 'durable-rerating' ? 'small' : 'large';
  return lean === favoured ? 1 : -1;
}

const CONFIDENCE_CAP = 0.9;

/** A proxy counts for half a factor: it stands in for the reading, it is not the reading. */
export const PROXY_WEIGHT = 0.5;

/** Each factor's source, when known (without it every known factor counts in full). */
export type Sources = { readonly [K in FactorId]?: Source };

function evidenceWeight(s: States, sources: Sources | undefined): number {
  let weight = 0;
  for (const id of FACTOR_IDS) {
    if (s[id] === 'unknown') continue;
    weight += sources?.[id] === 'proxy' ? PROXY_WEIGHT : 1;
  }
  return weight;
}

/**
 * 0..1. For a directional verdict: the share of the leaning factors that support it, counted with
 * one imaginary factor against (so a lone agreeing factor is thin evidence, not certainty), then
 * scaled by coverage (half weight for knowing nothing, full weight for knowing every factor; a
 * proxy counts half), so unknown factors and proxies lower it. For `mixed`: how evenly the known factors split, scaled the same way;
 * it never goes above 0.75. Capped at 0.9: no factor checklist makes a market call certain.
 */
export function confidence(verdict: Verdict, s: States, sources?: Sources): number {
  const coverage = 0.5 + 0.5 * (evidenceWeight(s, sources) / FACTOR_IDS.length);
  let score: number;
  if (verdict === 'mixed') {
    let small = 0;
    let large = 0;
    for (const id of FACTOR_IDS) {
      if (id === 'seasonality') continue;
      const lean = leanOf(id, s[id]);
      if (lean === 'small') small++;
      if (lean === 'large') large++;
    }
    const evenness = small + large === 0 ? 0.5 : 1 - Math.abs(small - large) / (small + large);
    score = 0.25 + 0.5 * evenness;
  } else {
    let pro = 0;
    let con = 0;
    for (const id of FACTOR_IDS) {
      const v = support(verdict, id, s[id]);
      if (v > 0) pro++;
      if (v < 0) con++;
    }
    score = pro / (pro + con + 1);
  }
  return Math.round(Math.min(CONFIDENCE_CAP, score * coverage) * 100) / 100;
}

/** The order in which factors are cited as reasons, most telling first, per verdict. */
export const REASON_PRIORITY: { readonly [V in Verdict]: readonly FactorId[] } = {
  'durable-rerating': ['monetary', 'fiscal', 'tariffs', 'revisions', 'ism', 'credit', 'housing', 'autos', 'valuation', 'momentum', 'seasonality'],
  'short-term-trade': ['seasonality', 'revisions', 'ism', 'housing', 'autos', 'credit', 'valuation', 'monetary', 'fiscal', 'tariffs', 'momentum'],
  'large-cap-leadership': ['revisions', 'ism', 'credit', 'housing', 'autos', 'momentum', 'valuation', 'monetary', 'tariffs', 'fiscal', 'seasonality'],
  mixed: ['momentum', 'revisions', 'ism', 'credit', 'monetary', 'housing', 'autos', 'fiscal', 'tariffs', 'valuation', 'seasonality'],
};
