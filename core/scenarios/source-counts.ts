import type { FactorSet, Source } from './factors.ts';
import { FACTOR_IDS } from './factors.ts';

export type SourceCounts = { readonly [S in Source]: number } & { readonly total: number };

/** How many factors came from data, proxies, the user, a preset, and how many nobody knows. */
export function countSources(factors: FactorSet): SourceCounts {
  const counts: Record<Source, number> = { data: 0, proxy: 0, user: 0, config: 0, unknown: 0 };
  for (const id of FACTOR_IDS) counts[factors[id].source]++;
  return { ...counts, total: FACTOR_IDS.length };
}
