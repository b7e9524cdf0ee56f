export type RetryPolicy = {
  /** Attempts after the first. */
  readonly retries: number;
  /** Backoff before retry n (0-based) is a random share of min(maxDelayMs, baseDelayMs × 2ⁿ): "full jitter". */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the caller falls back (e.g. to the cache) at once. */
  readonly maxRetryAfterMs: number;
  /** No retry starts once this much time has gone by since the first attempt. */
  readonly budgetMs: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 2, baseDelayMs: 300, maxDelayMs: 3_000, maxRetryAfterMs: 5_000, budgetMs: 20_000 };

/** Statuses worth asking again: timeouts, rate limits and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || (status >= 500 && status <= 599);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * How long to wait before retry `attempt` (0 = the first retry), or undefined when the server
 * asked for a longer pause than the policy waits. Retry-After, when given, is a floor.
 */
export function retryDelay(policy: RetryPolicy, attempt: number, retryAfterMs: number | undefined, random: () => number): number | undefined {
  if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) return undefined;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  const backoff = Math.floor(random() * ceiling);
  return Math.max(backoff, retryAfterMs ?? 0);
}
