import { describe, expect, it } from 'vitest';
import { FACTOR_IDS } from '../../../core/scenarios/factors.ts';
import { decideVerdict } from '../../../core/scenarios/rules.ts';
import { SCENARIOS } from '../../../core/scenarios/presets.ts';
import { applyScenario, overridesFrom } from '../../../core/scenarios/overrides.ts';
import { assess } from '../../../core/scenarios/assess.ts';
import { pickReasons } from '../../../core/scenarios/reasons.ts';
import { VERDICTS } from '../../../core/scenarios/rules.ts';
import { factorSet, JANUARY_2026, states } from './states.ts';

describe('presets', () => {
  it('turns the small-cap case into a durable re-rating', () => {
    expect(decideVerdict(SCENARIOS['small-cap-case'])).toBe('durable-rerating');
  });

  it('turns the large-cap case into large-cap leadership', () => {
    expect(decideVerdict(SCENARIOS['large-cap-case'])).toBe('large-cap-leadership');
  });

  it('fixes every factor, marking them as set by the preset, whatever the data says', () => {
    const applied = applyScenario(factorSet(JANUARY_2026), 'large-cap-case', {});
    for (const id of FACTOR_IDS) expect(applied[id]).toMatchObject({ state: SCENARIOS['large-cap-case'][id], source: 'config', asOf: null });
  });

  it('lets the user override the preset, and the preset only where the user is silent', () => {
    const applied = applyScenario(factorSet(JANUARY_2026), 'small-cap-case', overridesFrom({ revisions: 'large', stimulus: 'no' }));
    expect(applied.revisions).toMatchObject({ state: 'large', lean: 'large', source: 'user' });
    expect(applied.fiscal).toMatchObject({ state: 'no-stimulus', lean: 'neutral', source: 'user' });
    expect(applied.monetary).toMatchObject({ state: 'easing', source: 'config' });
  });

  it('keeps the data in auto, except what the user sets', () => {
    const data = factorSet(JANUARY_2026);
    const applied = applyScenario(data, 'auto', overridesFrom({ ism: 'expanding' }));
    expect(applied.housing).toBe(data.housing);
    expect(applied.ism).toMatchObject({ state: 'expanding', source: 'user' });
    expect(applied.revisions.state).toBe('unknown');
  });
});

describe('reasons', () => {
  it('gives 3 to 5 reasons for every verdict, whatever is known', () => {
    const cases = [states(), states(JANUARY_2026), SCENARIOS['small-cap-case'], SCENARIOS['large-cap-case'], states({ momentum: 'small-leading' })];
    for (const s of cases) {
      for (const verdict of VERDICTS) {
        const reasons = pickReasons(verdict, s);
        expect(reasons.length).toBeLessThanOrEqual(5);
        const available = FACTOR_IDS.filter((id) => s[id] !== 'unknown').length + (FACTOR_IDS.some((id) => s[id] === 'unknown') ? 1 : 0);
        expect(reasons.length).toBeGreaterThanOrEqual(Math.min(3, available));
      }
    }
  });

  it('cites the seasonal window, the weak cycle, calm credit against it and the unknowns for January 2026', () => {
    expect(pickReasons('short-term-trade', states(JANUARY_2026))).toEqual([
      { kind: 'factor', id: 'seasonality', state: 'in-window', stance: 'for' },
      { kind: 'factor', id: 'ism', state: 'contracting', stance: 'for' },
      { kind: 'factor', id: 'housing', state: 'weak', stance: 'for' },
      { kind: 'factor', id: 'credit', state: 'calm', stance: 'against' },
      { kind: 'unknown', ids: ['fiscal', 'tariffs', 'autos', 'revisions'] },
    ]);
  });
});

describe('assess', () => {
  it('puts the verdict, its confidence, reasons and flips together', () => {
    const a = assess(factorSet(JANUARY_2026));
    expect(a.verdict).toBe('short-term-trade');
    expect(a.confidence).toBe(0.35);
    expect(a.reasons.length).toBe(5);
    expect(a.flips.shown.length).toBe(3);
  });

  it('stays a short-term trade when the user adds the analysts\' own views on revisions and valuation', () => {
    const a = assess(applyScenario(factorSet(JANUARY_2026), 'auto', overridesFrom({ revisions: 'large', valuation: 'large' })));
    expect(a.verdict).toBe('short-term-trade');
    expect(a.confidence).toBeGreaterThan(assess(factorSet(JANUARY_2026)).confidence);
  });
});
