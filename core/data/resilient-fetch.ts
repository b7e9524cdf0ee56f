import type { CircuitBreaker } from './circuit-breaker.ts';
import type { RetryPolicy } from './retry-policy.ts';
import { isRetryableStatus, parseRetryAfter, retryDelay } from './retry-policy.ts';
import type { RetryEvent } from './resilient-provider.ts';

export type ResilientFetchOptions = {
  readonly name: string;
  readonly policy: RetryPolicy;
  readonly breaker: CircuitBreaker;
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random: () => number;
  readonly onRetry?: (event: RetryEvent) => void;
};

/** The circuit is open: the request was not sent. */
export class CircuitOpenError extends Error {
  override readonly name = 'CircuitOpenError';
}

const target = (input: string | URL | Request) => new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);

/**
 * `fetch` with bounded retries for network errors, 408/425/429 and 5xx (Retry-After honoured up to
 * the policy's cap) and a circuit breaker. The last answer is returned as it came, so the caller
 * still maps statuses to its own errors. For GET requests: bodies are not replayed.
 */
export function resilientFetch(inner: typeof fetch, options: ResilientFetchOptions): typeof fetch {
  const { policy, breaker, now, sleep, random, onRetry } = options;
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const permit = breaker.acquire();
    if (!permit) throw new CircuitOpenError(`${options.name} is not being asked: it failed ${breaker.consecutiveFailures} times in a row; trying again in ${Math.ceil(breaker.retryInMs() / 1000)} s`);
    const signal = init?.signal ?? undefined;
    const started = now();
    for (let attempt = 0; ; attempt++) {
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await inner(input, init);
      } catch (error) {
        failure = error;
      }
      if (signal?.aborted) {
        // The caller's own time limit: the service was too slow, which counts against it.
        permit.record(signal.reason instanceof Error && signal.reason.name === 'TimeoutError' ? 'failure' : 'neutral');
        if (failure !== undefined) throw failure;
        return response!;
      }
      if (response && !isRetryableStatus(response.status)) {
        permit.record('success');
        return response;
      }
      const retryAfterMs = response ? parseRetryAfter(response.headers.get('retry-after'), Date.now()) : undefined;
      const delay = attempt < policy.retries ? retryDelay(policy, attempt, retryAfterMs, random) : undefined;
      if (delay === undefined || now() - started + delay > policy.budgetMs) {
        permit.record('failure');
        if (response) return response;
        throw failure;
      }
      await response?.body?.cancel().catch(() => undefined);
      const reason = response ? `HTTP ${response.status}` : failure instanceof Error ? failure.message : String(failure);
      onRetry?.({ provider: options.name, symbol: target(input).searchParams.get('id') ?? target(input).searchParams.get('series_id') ?? '', attempt: attempt + 1, delayMs: delay, reason });
      try {
        await sleep(delay, signal);
      } catch {
        permit.record('neutral');
        if (response) return response;
        throw failure;
      }
    }
  }) as typeof fetch;
}
