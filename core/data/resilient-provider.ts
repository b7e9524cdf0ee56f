import type { PriceProvider } from './provider.ts';
import { ProviderError, UnknownSymbolError } from './provider.ts';
import type { CircuitBreaker } from './circuit-breaker.ts';
import type { RetryPolicy } from './retry-policy.ts';
import { isRetryableStatus, retryDelay } from './retry-policy.ts';

export type RetryEvent = { readonly provider: string; readonly symbol: string; readonly attempt: number; readonly delayMs: number; readonly reason: string };

export type ResilienceOptions = {
  readonly policy: RetryPolicy;
  readonly breaker: CircuitBreaker;
  readonly now: () => number;
  /** Resolves after `ms`, or rejects when `signal` aborts. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random: () => number;
  readonly onRetry?: (event: RetryEvent) => void;
};

/** A failure worth asking again: the provider's side (network, timeout, 429, 5xx, an unreadable or wrong answer), not the question. */
function retryable(error: unknown): error is ProviderError {
  if (!(error instanceof ProviderError)) return false;
  const status = error.failure.status;
  return status === undefined || isRetryableStatus(status);
}

/**
 * Wraps a provider with bounded retries (exponential backoff, full jitter, Retry-After honoured up
 * to the policy's cap) and a circuit breaker. Whatever still fails goes up as a ProviderError, so
 * the cache above can answer with its last data and say "as of".
 */
export function resilientProvider(inner: PriceProvider, options: ResilienceOptions): PriceProvider {
  const { policy, breaker, now, sleep, random, onRetry } = options;
  return {
    id: inner.id,
    label: inner.label,
    async fetchDaily(symbol, request = {}) {
      const permit = breaker.acquire();
      if (!permit) {
        const seconds = Math.ceil(breaker.retryInMs() / 1000);
        throw new ProviderError(inner.id, symbol, `not asked: it failed ${breaker.consecutiveFailures} times in a row; trying again in ${seconds} s`);
      }
      const started = now();
      for (let attempt = 0; ; attempt++) {
        try {
          const bars = await inner.fetchDaily(symbol, request);
          permit.record('success');
          return bars;
        } catch (error) {
          if (request.signal?.aborted) {
            permit.record('neutral');
            throw error;
          }
          // The provider answered, just not with prices: it is healthy.
          if (error instanceof UnknownSymbolError) {
            permit.record('success');
            throw error;
          }
          const delay = retryable(error) && attempt < policy.retries ? retryDelay(policy, attempt, error.failure.retryAfterMs, random) : undefined;
          if (delay === undefined || now() - started + delay > policy.budgetMs) {
            permit.record(error instanceof ProviderError ? 'failure' : 'neutral');
            throw error;
          }
          onRetry?.({ provider: inner.id, symbol, attempt: attempt + 1, delayMs: delay, reason: (error as ProviderError).reason });
          try {
            await sleep(delay, request.signal);
          } catch {
            permit.record('neutral');
            throw error;
          }
        }
      }
    },
  };
}
