import type { FactorId, FactorSet, StateOf, States } from '../../../core/scenarios/factors.ts';
import { FACTOR_IDS } from '../../../core/scenarios/factors.ts';
import { knownFactor, unknownFactor } from '../../../core/scenarios/make-factor.ts';

export type GivenStates = { [K in FactorId]?: StateOf<K> | 'unknown' };

/** Every factor unknown except those given. */
export function states(given: GivenStates = {}): States {
  const out = {} as Record<FactorId, string>;
  for (const id of FACTOR_IDS) out[id] = given[id] ?? 'unknown';
  return out as unknown as States;
}

/** The same as a FactorSet, every known factor as if the user had set it. */
export function factorSet(given: GivenStates = {}): FactorSet {
  const s = states(given);
  const out = {} as Record<FactorId, unknown>;
  for (const id of FACTOR_IDS) out[id] = s[id] === 'unknown' ? unknownFactor(id) : knownFactor(id, s[id] as never, 'user', null);
  return out as FactorSet;
}

/** The brief's situation on 20 January 2026 as ../shared/market-data reads it (7 of 11 factors). */
export const JANUARY_2026: GivenStates = {
  seasonality: 'in-window',
  momentum: 'small-leading',
  monetary: 'easing',
  ism: 'contracting',
  housing: 'weak',
  credit: 'calm',
  valuation: 'small',
};
