import type { CircuitBreaker } from './circuit-breaker.ts';
import type { RetryPolicy } from './retry-policy.ts';
import { retryDelay } from './retry-policy.ts';

export type RetryEvent = { readonly provider: string; readonly symbol: string; readonly attempt: number; readonly delayMs: number; readonly reason: string };

/** How an attempt counts for the breaker: against the service, for it, or not at all (the caller gave up). */
export type Health = 'success' | 'failure' | 'neutral';

export type ResilienceOptions = {
  readonly policy: RetryPolicy;
  readonly breaker: CircuitBreaker;
  readonly now: () => number;
  /** Resolves after `ms`, or rejects when `signal` aborts. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random: () => number;
  readonly onRetry?: (event: RetryEvent) => void;
};

/** What one attempt came to: an answer to return, an error to throw, or a failure worth asking again. */
export type Attempt<T> =
  | { readonly end: 'return'; readonly value: T; readonly health: Health }
  | { readonly end: 'throw'; readonly error: unknown; readonly health: Health }
  | {
      readonly end: 'retry';
      readonly reason: string;
      readonly retryAfterMs?: number | undefined;
      /** What the caller gets when no retry is left: the last answer, or its error thrown. */
      readonly giveUp: () => T;
      /** Releases what the failed attempt holds (a response body) before waiting. */
      readonly discard?: () => Promise<void>;
    };

/**
 * The one retry policy: bounded retries with exponential backoff and full jitter, Retry-After
 * honoured up to the policy's cap, an overall time budget, and a circuit breaker that is asked
 * before the first attempt and told how the last one went.
 */
export async function withRetries<T>(
  options: ResilienceOptions,
  what: { readonly provider: string; readonly symbol: string; readonly signal?: AbortSignal | undefined; readonly whenOpen: (retryInSeconds: number, failures: number) => Error },
  attempt: () => Promise<Attempt<T>>,
): Promise<T> {
  const { policy, breaker, now, sleep, random, onRetry } = options;
  const permit = breaker.acquire();
  if (!permit) throw what.whenOpen(Math.ceil(breaker.retryInMs() / 1000), breaker.consecutiveFailures);
  const started = now();
  for (let n = 0; ; n++) {
    const result = await attempt();
    if (result.end === 'return') {
      permit.record(result.health);
      return result.value;
    }
    if (result.end === 'throw') {
      permit.record(result.health);
      throw result.error;
    }
    const delay = n < policy.retries ? retryDelay(policy, n, result.retryAfterMs, random) : undefined;
    if (delay === undefined || now() - started + delay > policy.budgetMs) {
      permit.record('failure');
      return result.giveUp();
    }
    await result.discard?.();
    onRetry?.({ provider: what.provider, symbol: what.symbol, attempt: n + 1, delayMs: delay, reason: result.reason });
    try {
      await sleep(delay, what.signal);
    } catch {
      permit.record('neutral');
      return result.giveUp();
    }
  }
}
