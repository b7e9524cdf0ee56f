import { isRetryableStatus, parseRetryAfter } from './retry-policy.ts';
import { withRetries } from './resilience.ts';
import type { Attempt, ResilienceOptions } from './resilience.ts';

export type ResilientFetchOptions = ResilienceOptions & {
  readonly name: string;
  /** What a request is about, for the retry log (a series id, a symbol); empty when not given. */
  readonly subjectOf?: (url: URL) => string;
};

/** The circuit is open: the request was not sent. */
export class CircuitOpenError extends Error {
  override readonly name = 'CircuitOpenError';
}

const target = (input: string | URL | Request) => new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);

/**
 * `fetch` in the retry policy: network errors, 408/425/429 and 5xx are asked again. The last answer
 * is returned as it came, so the caller still maps statuses to its own errors. For GET requests:
 * bodies are not replayed.
 */
export function resilientFetch(inner: typeof fetch, options: ResilientFetchOptions): typeof fetch {
  return ((input: string | URL | Request, init?: RequestInit) => {
    const signal = init?.signal ?? undefined;
    const whenOpen = (seconds: number, failures: number) => new CircuitOpenError(`${options.name} is not being asked: it failed ${failures} times in a row; trying again in ${seconds} s`);
    const symbol = options.subjectOf?.(target(input)) ?? '';
    return withRetries(options, { provider: options.name, symbol, signal, whenOpen }, async (): Promise<Attempt<Response>> => {
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await inner(input, init);
      } catch (error) {
        failure = error;
      }
      if (signal?.aborted) {
        // The caller's own time limit: the service was too slow, which counts against it.
        const health = signal.reason instanceof Error && signal.reason.name === 'TimeoutError' ? 'failure' : 'neutral';
        return response ? { end: 'return', value: response, health } : { end: 'throw', error: failure, health };
      }
      if (response && !isRetryableStatus(response.status)) return { end: 'return', value: response, health: 'success' };
      const last = response;
      return {
        end: 'retry',
        reason: last ? `HTTP ${last.status}` : failure instanceof Error ? failure.message : String(failure),
        retryAfterMs: last ? parseRetryAfter(last.headers.get('retry-after'), Date.now()) : undefined,
        giveUp: () => {
          if (last) return last;
          throw failure;
        },
        discard: async () => {
          await last?.body?.cancel().catch(() => undefined);
        },
      };
    });
  }) as typeof fetch;
}
