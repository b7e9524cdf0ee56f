import type { IsoDate } from '../market/types.ts';
import type { MarketData, PriceProvider, SeriesResult } from './provider.ts';
import { ProviderError, UnknownSymbolError } from './provider.ts';
import type { PriceStore } from '../store/price-store.ts';
import type { Async } from '../store/store.ts';
import { addDays } from '../calendar/iso-date.ts';

export type CacheOptions = {
  readonly provider: PriceProvider;
  /** SQLite's synchronous price store or PostgreSQL's asynchronous one. */
  readonly store: Async<PriceStore>;
  readonly ttlMs: number;
  readonly now?: () => number;
};

/** About ten sessions: a refresh re-fetches these and never touches older, closed sessions. */
const REFRESH_DAYS = 15;

/**
 * Serves prices from SQLite, refreshing from the provider when older than the TTL. Concurrent
 * requests for a symbol share one fetch. When the provider fails and a cache exists, answers
 * from the cache marked stale; with no cache, the provider's error goes up.
 */
export function createCachedMarketData({ provider, store, ttlMs, now = Date.now }: CacheOptions): MarketData {
  const memory = new Map<string, { at: number; result: SeriesResult }>();
  const inflight = new Map<string, Promise<SeriesResult>>();

  async function refresh(symbol: string): Promise<SeriesResult> {
    const state = await store.lastFetch(symbol, provider.id);
    if (state && now() - state.fetchedAt < ttlMs) {
      return { symbol, bars: await store.bars(symbol), source: provider.label };
    }
    const from: IsoDate | undefined = state?.lastDate ? addDays(state.lastDate, -REFRESH_DAYS) : undefined;
    try {
      const bars = await provider.fetchDaily(symbol, from ? { from } : {});
      await store.saveRefresh(symbol, provider.id, bars, from, now());
      return { symbol, bars: await store.bars(symbol), source: provider.label };
    } catch (error) {
      if (error instanceof UnknownSymbolError || !state) throw error;
      const reason = error instanceof ProviderError ? error.reason : error instanceof Error ? error.message : String(error);
      return { symbol, bars: await store.bars(symbol), source: provider.label, stale: { reason } };
    }
  }

  return {
    sourceLabel: provider.label,
    getDaily(symbol) {
      const key = symbol.toUpperCase();
      const hit = memory.get(key);
      if (hit && !hit.result.stale && now() - hit.at < ttlMs) return Promise.resolve(hit.result);
      let pending = inflight.get(key);
      if (!pending) {
        pending = refresh(key)
          .then((result) => {
            memory.set(key, { at: now(), result });
            return result;
          })
          .finally(() => inflight.delete(key));
        inflight.set(key, pending);
      }
      return pending;
    },
  };
}

/** A provider read directly, for a local CSV folder that is its own store. */
export function createDirectMarketData(provider: PriceProvider): MarketData {
  return {
    sourceLabel: provider.label,
    async getDaily(symbol) {
      return { symbol: symbol.toUpperCase(), bars: await provider.fetchDaily(symbol), source: provider.label };
    },
  };
}
