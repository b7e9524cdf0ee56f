/**
 * The scenario rules in one place: how each factor's reading is classified, which way each state
 * leans, how the verdict is chosen, and how confident it is. "Brief" below is
 * /work/shared/brief.md, the restatement of Wolfe Research's January 2026 reading (20 January
 * 2026): numbered points refer to its "analysts' reading" list.
 */
import type { FactorId, Lean, StateOf, States } from './factors.ts';
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
  /**
   * Housing starts and auto sales are noisy month to month (±10% is common), so the last three
   * months' average is compared with the three months ending six months earlier; ±5% is a trend.
   */
  activityChangePct: 5,
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
export function classifyIsm(pmi: number, pmiThreeMonthsEarlier: number | undefined): StateOf<'ism'> {
  if (pmi < THRESHOLDS.ismExpansion) return 'contracting';
  if (pmiThreeMonthsEarlier !== undefined && pmi < pmiThreeMonthsEarlier) return 'stalling';
  return 'expanding';
}

/** Housing starts or auto sales: the % change of the 3-month average against six months earlier. */
export function classifyActivity(changePct: number): 'strong' | 'steady' | 'weak' {
  if (changePct <= -THRESHOLDS.activityChangePct) return 'weak';
  if (changePct >= THRESHOLDS.activityChangePct) return 'strong';
  return 'steady';
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
 * The factors that speak to earnings: the cycle (ISM, housing, autos) and earnings quality
 * (revisions, valuation). Monetary policy, fiscal stimulus and tariffs are left out on purpose:
 * brief point 3 calls them "hopes and dreams" the analysts doubt become lasting earnings momentum,
 * so they count only together, as the small-cap case.
 */
export const FUNDAMENTALS = ['ism', 'housing', 'autos', 'revisions', 'valuation'] as const satisfies readonly FactorId[];

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

/**
 * 0..1. For a directional verdict: the share of the leaning factors that support it, counted with
 * one imaginary factor against (so a lone agreeing factor is thin evidence, not certainty), then
 * scaled by coverage (half weight for knowing nothing, full weight for knowing every factor), so
 * unknown factors lower it. For `mixed`: how evenly the known factors split, scaled the same way;
 * it never goes above 0.75. Capped at 0.9: no factor checklist makes a market call certain.
 */
export function confidence(verdict: Verdict, s: States): number {
  const known = FACTOR_IDS.filter((id) => s[id] !== 'unknown').length;
  const coverage = 0.5 + 0.5 * (known / FACTOR_IDS.length);
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
  'durable-rerating': ['monetary', 'fiscal', 'tariffs', 'revisions', 'ism', 'housing', 'autos', 'valuation', 'momentum', 'seasonality'],
  'short-term-trade': ['seasonality', 'revisions', 'ism', 'housing', 'autos', 'valuation', 'monetary', 'fiscal', 'tariffs', 'momentum'],
  'large-cap-leadership': ['revisions', 'ism', 'housing', 'autos', 'momentum', 'valuation', 'monetary', 'tariffs', 'fiscal', 'seasonality'],
  mixed: ['momentum', 'revisions', 'ism', 'monetary', 'housing', 'autos', 'fiscal', 'tariffs', 'valuation', 'seasonality'],
};
