import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfter, retryDelay } from '../../../core/data/retry-policy.ts';

describe('retry policy', () => {
  it('retries timeouts, rate limits and server errors, not other client errors', () => {
    expect([408, 425, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410].some(isRetryableStatus)).toBe(false);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3_000);
    expect(parseRetryAfter('0.5', 0)).toBe(500);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });

  it('backs off exponentially with full jitter, within the ceiling', () => {
    const p = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect([0, 1, 2, 3, 4].map((n) => retryDelay(p, n, undefined, () => 0.999))).toEqual([99, 199, 399, 799, 999]);
    expect(retryDelay(p, 3, undefined, () => 0)).toBe(0);
  });

  it('waits at least Retry-After, and not at all when it is beyond the cap', () => {
    const p = { ...DEFAULT_RETRY_POLICY, maxRetryAfterMs: 5_000 };
    expect(retryDelay(p, 0, 4_000, () => 0.5)).toBe(4_000);
    expect(retryDelay(p, 0, 5_001, () => 0.5)).toBeUndefined();
  });
});
