import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, nextRetryAt } from '../../../core/posts/claim-policy.ts';

const MINUTE = 60_000;
const t0 = Date.parse('2026-01-21T13:30:00Z');

describe('nextRetryAt', () => {
  it('backs off 1, 2, 4, 8 then 15 minutes, on whole minutes', () => {
    const delays = [1, 2, 3, 4, 5].map((n) => (nextRetryAt(n, t0 + 5_000, t0 + 24 * 60 * MINUTE)! - t0) / MINUTE);
    expect(delays).toEqual([1, 2, 4, 8, 15]);
  });

  it('gives up after the last attempt or when the next would fall after the deadline', () => {
    expect(nextRetryAt(DEFAULT_RETRY_POLICY.maxAttempts, t0, t0 + 60 * MINUTE)).toBeUndefined();
    expect(nextRetryAt(4, t0, t0 + 5 * MINUTE)).toBeUndefined();
  });
});
