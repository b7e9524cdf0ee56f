import type { IsoDate } from '../market/types.ts';

/**
 * Every factor the scenario engine weighs, with the states it can be in, in display order.
 * Some states come only from data (`stalling`, `steady`, `no-clear-leader`); users set the others.
 */
export const FACTOR_STATES = {
  seasonality: ['in-window', 'outside-window'],
  momentum: ['small-leading', 'no-clear-leader', 'large-leading'],
  monetary: ['easing', 'on-hold', 'tightening'],
  fiscal: ['stimulus', 'no-stimulus'],
  tariffs: ['easing', 'unchanged', 'worsening'],
  ism: ['expanding', 'stalling', 'contracting'],
  housing: ['strong', 'steady', 'weak'],
  autos: ['strong', 'steady', 'weak'],
  credit: ['calm', 'normal', 'stressed'],
  revisions: ['small', 'neutral', 'large'],
  valuation: ['small', 'neutral', 'large'],
} as const;

export type FactorId = keyof typeof FACTOR_STATES;
export type StateOf<K extends FactorId> = (typeof FACTOR_STATES)[K][number];
export const FACTOR_IDS = Object.keys(FACTOR_STATES) as readonly FactorId[];

export type Lean = 'small' | 'large' | 'neutral';

/**
 * data: read from prices, macro series or the calendar; proxy: read from data that stands in for
 * the factor (regional Fed surveys for ISM, news-based policy uncertainty for tariffs and fiscal
 * policy); user: a command option; config: fixed by a preset scenario.
 */
export type KnownSource = 'data' | 'proxy' | 'user' | 'config';
export type Source = KnownSource | 'unknown';

/** The numbers behind a data reading (for the reply's checklist and `--json`); empty otherwise. */
export type FactorDetail = Readonly<Record<string, string | number>>;

type KnownFactor<K extends FactorId> = {
  readonly id: K;
  readonly state: StateOf<K>;
  readonly lean: Lean;
  readonly source: KnownSource;
  /** The date of the reading (data), or null when a person set it. */
  readonly asOf: IsoDate | null;
  readonly detail: FactorDetail;
};

type UnknownFactor<K extends FactorId> = {
  readonly id: K;
  readonly state: 'unknown';
  readonly lean: 'neutral';
  readonly source: 'unknown';
  readonly asOf: null;
  /** Why it is unknown, e.g. `{ reason: 'no-data' }`. */
  readonly detail: FactorDetail;
};

export type Factor<K extends FactorId = FactorId> = K extends FactorId ? KnownFactor<K> | UnknownFactor<K> : never;

export type FactorSet = { readonly [K in FactorId]: Factor<K> };

/** Only the states, which is all the verdict rules look at. */
export type States = { readonly [K in FactorId]: StateOf<K> | 'unknown' };

export function statesOf(factors: FactorSet): States {
  const out = {} as Record<FactorId, string>;
  for (const id of FACTOR_IDS) out[id] = factors[id].state;
  return out as unknown as States;
}

export function isState<K extends FactorId>(id: K, value: string): value is StateOf<K> {
  return (FACTOR_STATES[id] as readonly string[]).includes(value);
}
