import type { PriceProvider } from './provider.ts';
import { ProviderError, UnknownSymbolError } from './provider.ts';
import { isRetryableStatus } from './retry-policy.ts';
import { withRetries } from './resilience.ts';
import type { Attempt, ResilienceOptions } from './resilience.ts';

export type { ResilienceOptions, RetryEvent } from './resilience.ts';

/** A failure worth asking again: the provider's side (network, timeout, 429, 5xx, an unreadable or wrong answer), not the question. */
function retryable(error: unknown): error is ProviderError {
  if (!(error instanceof ProviderError)) return false;
  const status = error.failure.status;
  return status === undefined || isRetryableStatus(status);
}

/**
 * Wraps a provider in the retry policy and its circuit breaker. Whatever still fails goes up as a
 * ProviderError, so the cache above can answer with its last data and say "as of".
 */
export function resilientProvider(inner: PriceProvider, options: ResilienceOptions): PriceProvider {
  return {
    id: inner.id,
    label: inner.label,
    fetchDaily(symbol, request = {}) {
      const whenOpen = (seconds: number, failures: number) => new ProviderError(inner.id, symbol, `not asked: it failed ${failures} times in a row; trying again in ${seconds} s`);
      return withRetries(options, { provider: inner.id, symbol, signal: request.signal, whenOpen }, async (): Promise<Attempt<Awaited<ReturnType<PriceProvider['fetchDaily']>>>> => {
        try {
          return { end: 'return', value: await inner.fetchDaily(symbol, request), health: 'success' };
        } catch (error) {
          if (request.signal?.aborted) return { end: 'throw', error, health: 'neutral' };
          // The provider answered, just not with prices: it is healthy.
          if (error instanceof UnknownSymbolError) return { end: 'throw', error, health: 'success' };
          if (!retryable(error)) return { end: 'throw', error, health: error instanceof ProviderError ? 'failure' : 'neutral' };
          return { end: 'retry', reason: error.reason, retryAfterMs: error.failure.retryAfterMs, giveUp: () => { throw error; } };
        }
      });
    },
  };
}
