import type { FactorId, States } from './factors.ts';
import type { Verdict } from './rules.ts';
import { FACTOR_IDS } from './factors.ts';
import { REASON_PRIORITY, support } from './rules.ts';

/** `for`/`against` the verdict; `context` for a known factor cited without taking a side (and in a mixed verdict). */
export type Stance = 'for' | 'against' | 'context';

export type Reason =
  | { readonly kind: 'factor'; readonly id: FactorId; readonly state: string; readonly stance: Stance }
  | { readonly kind: 'unknown'; readonly ids: readonly FactorId[] };

const MAX_FOR = 3;
const MIN_REASONS = 3;
const MAX_REASONS = 5;

/**
 * Three to five reasons, most telling first: the factors that support the verdict, the strongest
 * one against it, and the factors nobody knows. A mixed verdict cites the pulls in both directions.
 */
export function pickReasons(verdict: Verdict, s: States): Reason[] {
  const order = REASON_PRIORITY[verdict].filter((id) => s[id] !== 'unknown');
  const unknown = FACTOR_IDS.filter((id) => s[id] === 'unknown');
  const factor = (id: FactorId, stance: Stance): Reason => ({ kind: 'factor', id, state: s[id], stance });

  let cited: Reason[];
  if (verdict === 'mixed') {
    cited = order.filter((id) => !(id === 'seasonality' && s.seasonality === 'outside-window')).slice(0, MAX_REASONS - (unknown.length ? 1 : 0)).map((id) => factor(id, 'context'));
  } else {
    const pro = order.filter((id) => support(verdict, id, s[id]) > 0);
    const con = order.filter((id) => support(verdict, id, s[id]) < 0);
    cited = [...pro.slice(0, MAX_FOR).map((id) => factor(id, 'for')), ...con.slice(0, 1).map((id) => factor(id, 'against'))];
    const room = () => MIN_REASONS - cited.length - (unknown.length ? 1 : 0);
    for (const id of pro.slice(MAX_FOR)) if (room() > 0) cited.push(factor(id, 'for'));
    for (const id of con.slice(1)) if (room() > 0) cited.push(factor(id, 'against'));
    for (const id of order) if (room() > 0 && support(verdict, id, s[id]) === 0) cited.push(factor(id, 'context'));
  }
  const reasons = unknown.length ? [...cited.slice(0, MAX_REASONS - 1), { kind: 'unknown' as const, ids: unknown }] : cited.slice(0, MAX_REASONS);
  return reasons;
}
