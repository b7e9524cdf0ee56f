import type { IsoDate } from '../market/types.ts';
import type { Factor, FactorDetail, FactorId, KnownSource, StateOf } from './factors.ts';
import { LEAN } from './rules.ts';

export function knownFactor<K extends FactorId>(id: K, state: StateOf<K>, source: KnownSource, asOf: IsoDate | null, detail: FactorDetail = {}): Factor<K> {
  const lean = (LEAN[id] as Record<string, Factor['lean']>)[state]!;
  return { id, state, lean, source, asOf, detail } as Factor<K>;
}

export function unknownFactor<K extends FactorId>(id: K, detail: FactorDetail = {}): Factor<K> {
  return { id, state: 'unknown', lean: 'neutral', source: 'unknown', asOf: null, detail } as Factor<K>;
}
