import { describe, expect, it } from 'vitest';
import { FACTOR_IDS, FACTOR_STATES } from '../../../core/scenarios/factors.ts';
import {
  classifyActivity,
  classifyIsm,
  classifyMomentum,
  classifyMonetary,
  confidence,
  decideVerdict,
  fundamentalBalance,
  largeCapCase,
  LEAN,
  smallCapCase,
} from '../../../core/scenarios/rules.ts';
import { JANUARY_2026, states } from './states.ts';

describe('reading the data', () => {
  it('calls momentum small-led only when the spread and the ratio trend agree', () => {
    expect(classifyMomentum(7.3, 7.9)).toBe('small-leading');
    expect(classifyMomentum(7.3, -1)).toBe('no-clear-leader');
    expect(classifyMomentum(1.9, 5)).toBe('no-clear-leader');
    expect(classifyMomentum(-2, -0.1)).toBe('large-leading');
    expect(classifyMomentum(-5, 3)).toBe('no-clear-leader');
  });

  it('calls a quarter-point move in six months a policy direction, rounding float noise', () => {
    expect(classifyMonetary(-0.69)).toBe('easing');
    expect(classifyMonetary(4.08 - 4.33)).toBe('easing');
    expect(classifyMonetary(-0.24)).toBe('on-hold');
    expect(classifyMonetary(0.01)).toBe('on-hold');
    expect(classifyMonetary(0.25)).toBe('tightening');
  });

  it('reads the PMI: below 50 contracting, above 50 expanding only while rising', () => {
    expect(classifyIsm(47.9, 49.1)).toBe('contracting');
    expect(classifyIsm(55.6, 52.7)).toBe('expanding');
    expect(classifyIsm(51, 53)).toBe('stalling');
    expect(classifyIsm(50, undefined)).toBe('expanding');
  });

  it('reads housing and autos as weak or strong beyond ±5%', () => {
    expect(classifyActivity(-9.4)).toBe('weak');
    expect(classifyActivity(4.9)).toBe('steady');
    expect(classifyActivity(5)).toBe('strong');
  });
});

describe('leans', () => {
  it('gives every state of every factor a lean', () => {
    for (const id of FACTOR_IDS) {
      expect(Object.keys(LEAN[id]).sort()).toEqual([...FACTOR_STATES[id]].sort());
    }
  });

  it('counts only the earnings factors in the fundamental balance, not the "hopes" of policy', () => {
    expect(fundamentalBalance(states({ monetary: 'easing', fiscal: 'stimulus', tariffs: 'easing' }))).toBe(0);
    expect(fundamentalBalance(states({ ism: 'contracting', housing: 'weak', revisions: 'small' }))).toBe(-1);
  });
});

describe('the two scenarios', () => {
  it('needs all three of easing, stimulus and tariff relief for the small-cap case', () => {
    expect(smallCapCase(states({ monetary: 'easing', fiscal: 'stimulus', tariffs: 'easing' }))).toBe(true);
    expect(smallCapCase(states({ monetary: 'easing', fiscal: 'stimulus' }))).toBe(false);
    expect(smallCapCase(states({ monetary: 'on-hold', fiscal: 'stimulus', tariffs: 'easing' }))).toBe(false);
  });

  it('needs contracting manufacturing and soft housing or autos for the large-cap case', () => {
    expect(largeCapCase(states({ ism: 'contracting', housing: 'weak' }))).toBe(true);
    expect(largeCapCase(states({ ism: 'contracting', autos: 'weak' }))).toBe(true);
    expect(largeCapCase(states({ ism: 'contracting', housing: 'steady' }))).toBe(false);
    expect(largeCapCase(states({ ism: 'stalling', housing: 'weak', autos: 'weak' }))).toBe(false);
  });
});

describe('verdict rules', () => {
  it('calls a durable re-rating when the small-cap case holds and earnings lean small', () => {
    expect(decideVerdict(states({ monetary: 'easing', fiscal: 'stimulus', tariffs: 'easing', ism: 'expanding' }))).toBe('durable-rerating');
  });

  it('does not call a durable re-rating on the small-cap case alone, without earnings behind it', () => {
    expect(decideVerdict(states({ monetary: 'easing', fiscal: 'stimulus', tariffs: 'easing' }))).toBe('mixed');
  });

  it('does not call a durable re-rating while revisions favour large caps', () => {
    const s = states({ monetary: 'easing', fiscal: 'stimulus', tariffs: 'easing', ism: 'expanding', housing: 'strong', revisions: 'large' });
    expect(decideVerdict(s)).not.toBe('durable-rerating');
  });

  it('does not call a durable re-rating in the large-cap case', () => {
    const s = states({ monetary: 'easing', fiscal: 'stimulus', tariffs: 'easing', ism: 'contracting', housing: 'weak', revisions: 'small', valuation: 'small', autos: 'strong' });
    expect(fundamentalBalance(s)).toBeGreaterThan(0);
    expect(decideVerdict(s)).not.toBe('durable-rerating');
  });

  it('calls large-cap leadership in the large-cap case when small caps are not leading', () => {
    expect(decideVerdict(states({ momentum: 'no-clear-leader', ism: 'contracting', housing: 'weak' }))).toBe('large-cap-leadership');
    expect(decideVerdict(states({ momentum: 'large-leading', revisions: 'large' }))).toBe('large-cap-leadership');
  });

  it('does not call large-cap leadership while small caps lead: that is the trade', () => {
    expect(decideVerdict(states({ momentum: 'small-leading', ism: 'contracting', housing: 'weak' }))).toBe('short-term-trade');
  });

  it('calls a short-term trade when small caps lead inside the tax-loss window, whatever the rest', () => {
    expect(decideVerdict(states({ momentum: 'small-leading', seasonality: 'in-window' }))).toBe('short-term-trade');
    expect(decideVerdict(states({ momentum: 'small-leading', seasonality: 'in-window', ism: 'expanding', housing: 'strong' }))).toBe('short-term-trade');
  });

  it('calls a short-term trade when small caps lead after January but revisions favour large caps', () => {
    expect(decideVerdict(states({ momentum: 'small-leading', seasonality: 'outside-window', revisions: 'large' }))).toBe('short-term-trade');
  });

  it('calls it mixed when small caps lead after January with nothing against them', () => {
    expect(decideVerdict(states({ momentum: 'small-leading', seasonality: 'outside-window', ism: 'expanding' }))).toBe('mixed');
  });

  it('calls it mixed when nothing is known', () => {
    expect(decideVerdict(states())).toBe('mixed');
  });

  it('agrees with the analysts on the January 2026 reading: a short-term trade', () => {
    expect(decideVerdict(states(JANUARY_2026))).toBe('short-term-trade');
  });
});

describe('confidence', () => {
  it('stays between 0 and 0.9', () => {
    expect(confidence('durable-rerating', states({ monetary: 'easing', fiscal: 'stimulus', tariffs: 'easing', ism: 'expanding', housing: 'strong', autos: 'strong', credit: 'calm', revisions: 'small', valuation: 'small', momentum: 'small-leading', seasonality: 'outside-window' }))).toBe(0.9);
    expect(confidence('mixed', states())).toBeGreaterThan(0);
  });

  it('falls as factors become unknown, the evidence being the same', () => {
    const known = states({ ...JANUARY_2026, fiscal: 'no-stimulus', tariffs: 'unchanged', autos: 'steady', revisions: 'neutral' });
    expect(confidence('short-term-trade', states(JANUARY_2026))).toBeLessThan(confidence('short-term-trade', known));
  });

  it('treats a lone agreeing factor as thin evidence', () => {
    // Only the window and the lead known: 1/(1+0+1) agreement × (0.5 + 0.5 × 2/11) coverage = 0.295.
    expect(confidence('short-term-trade', states({ seasonality: 'in-window', momentum: 'small-leading' }))).toBe(0.3);
  });

  it('falls when a factor argues against the verdict', () => {
    const withEasing = states(JANUARY_2026);
    const withHold = states({ ...JANUARY_2026, monetary: 'on-hold' });
    expect(confidence('short-term-trade', withEasing)).toBeLessThan(confidence('short-term-trade', withHold));
  });

  it('gives 0.35 to the January 2026 trade: 3 of 6 leaning factors agree (3/7 with the imaginary one against), 7 of 11 known (×0.82)', () => {
    expect(confidence('short-term-trade', states(JANUARY_2026))).toBe(0.35);
  });

  it('counts a proxy as half a known factor', () => {
    const s = states({ ...JANUARY_2026, tariffs: 'easing', fiscal: 'stimulus' });
    const asData = confidence('short-term-trade', s);
    const asProxies = confidence('short-term-trade', s, { tariffs: 'proxy', fiscal: 'proxy' });
    // 3/(3+5+1) agreement; coverage 0.5 + 0.5 × 9/11 as data, 0.5 + 0.5 × 8/11 with the two policy proxies at half weight.
    expect(asData).toBe(Math.round((3 / 9) * (0.5 + 0.5 * (9 / 11)) * 100) / 100);
    expect(asProxies).toBe(Math.round((3 / 9) * (0.5 + 0.5 * (8 / 11)) * 100) / 100);
    expect(asProxies).toBeLessThan(asData);
  });
});
