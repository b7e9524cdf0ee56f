import type { Bar, IsoDate } from '../market/types.ts';

/** A source of daily closes. `from` lets a refresh ask only for recent sessions. */
export type PriceProvider = {
  readonly id: 'yahoo' | 'csv' | 'fred' | (string & {});
  /** Shown to users as the source, e.g. "Yahoo Finance". */
  readonly label: string;
  fetchDaily(symbol: string, options?: { from?: IsoDate; signal?: AbortSignal }): Promise<Bar[]>;
};

export type SeriesResult = {
  readonly symbol: string;
  readonly bars: readonly Bar[];
  readonly source: string;
  /** Set when the provider failed and the answer comes from the cache. */
  readonly stale?: { readonly reason: string };
};

export type MarketData = {
  readonly sourceLabel: string;
  getDaily(symbol: string): Promise<SeriesResult>;
};

/** The symbol does not exist at the provider: a user mistake when the user typed it. */
export class UnknownSymbolError extends Error {
  constructor(readonly provider: string, readonly symbol: string) {
    super(`${provider} has no data for ${symbol}`);
    this.name = 'UnknownSymbolError';
  }
}

/** What a retry needs to know about a failed request: its HTTP status and the server's Retry-After. */
export type ProviderFailure = { readonly status?: number; readonly retryAfterMs?: number };

/** The provider could not answer (network, timeout, bad payload). */
export class ProviderError extends Error {
  constructor(readonly provider: string, readonly symbol: string, readonly reason: string, readonly failure: ProviderFailure = {}) {
    super(`${provider} failed for ${symbol}: ${reason}`);
    this.name = 'ProviderError';
  }
}
