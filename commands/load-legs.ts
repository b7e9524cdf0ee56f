import type { Instrument } from '../core/market/universe.ts';
import type { LegInput, OmittedLeg } from '../core/market/compare.ts';
import type { MarketData } from '../core/data/provider.ts';
import { ProviderError, UnknownSymbolError } from '../core/data/provider.ts';
import { DataError, UserError } from '../core/user-error.ts';

export type LoadedLegs = {
  readonly legs: LegInput[];
  readonly missing: OmittedLeg[];
  readonly stale: { symbol: string; reason: string; last: string | undefined }[];
  readonly source: string;
};

/**
 * Fetches every leg at once. A leg that fails is left out and reported, except a symbol the
 * user typed, whose absence is their mistake to hear about.
 */
export async function loadLegs(market: MarketData, instruments: readonly Instrument[], typedByUser: ReadonlySet<string>): Promise<LoadedLegs> {
  const settled = await Promise.allSettled(instruments.map((i) => market.getDaily(i.symbol)));
  const legs: LegInput[] = [];
  const missing: OmittedLeg[] = [];
  const stale: LoadedLegs['stale'] = [];
  const failures: string[] = [];
  settled.forEach((s, k) => {
    const instrument = instruments[k]!;
    if (s.status === 'fulfilled') {
      legs.push({ instrument, bars: s.value.bars });
      if (s.value.stale) stale.push({ symbol: instrument.symbol, reason: s.value.stale.reason, last: s.value.bars.at(-1)?.date });
      return;
    }
    const error = s.reason;
    if (error instanceof UserError) throw error;
    if (error instanceof UnknownSymbolError && typedByUser.has(instrument.symbol)) {
      throw new UserError('data.unknownSymbol', { symbol: instrument.symbol, source: market.sourceLabel });
    }
    const detail = error instanceof UnknownSymbolError ? 'no data' : error instanceof ProviderError ? error.reason : 'error';
    failures.push(`${instrument.symbol}: ${detail}`);
    missing.push({ instrument, reason: 'unavailable', detail });
  });
  for (const role of ['small', 'large'] as const) {
    if (!legs.some((l) => l.instrument.role === role)) {
      throw new DataError('data.providerFailed', { source: market.sourceLabel, details: failures.join('; ').slice(0, 300) }, true);
    }
  }
  return { legs, missing, stale, source: market.sourceLabel };
}
