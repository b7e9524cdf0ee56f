import type { FactorSet } from './factors.ts';
import type { Verdict } from './rules.ts';
import type { Reason } from './reasons.ts';
import type { FlipReport } from './flips.ts';
import { FACTOR_IDS, statesOf } from './factors.ts';
import { confidence, decideVerdict } from './rules.ts';
import { pickReasons } from './reasons.ts';
import { findFlips } from './flips.ts';

export type Assessment = {
  readonly verdict: Verdict;
  readonly confidence: number;
  readonly factors: FactorSet;
  readonly reasons: readonly Reason[];
  readonly flips: FlipReport;
};

export function assess(factors: FactorSet): Assessment {
  const states = statesOf(factors);
  const verdict = decideVerdict(states);
  const sources = Object.fromEntries(FACTOR_IDS.map((id) => [id, factors[id].source]));
  return { verdict, confidence: confidence(verdict, states, sources), factors, reasons: pickReasons(verdict, states), flips: findFlips(states) };
}
