import type { LedgerEntry } from './ledger-entry.ts';

/**
 * What an instance may do with a post whose ledger entry is `entry`:
 * - claim: nobody has it, a retry is due, or a claim went stale before anything was sent (its holder
 *   died while building the post, so posting again cannot duplicate it);
 * - abandon: a send went stale; the post may or may not have arrived, so it is never sent again;
 * - busy: another instance is on it; wait: a retry is not due yet; done: final.
 *
 * The trade-off: building a post (data, chart) is redone after a crash, because nothing has left the
 * process yet (at-least-once up to the platform call). The platform call itself is at-most-once: an
 * instance that dies between the platform accepting the message and the ledger saying so leaves the
 * entry in `sending`, and after the claim timeout it is recorded as failed ("delivery unknown") and
 * logged, never resent. A duplicate morning post is worse than a missing one, and the window where
 * this can happen is the few seconds of one HTTP call.
 */
export type ClaimDecision = 'claim' | 'abandon' | 'busy' | 'wait' | 'done';

export function claimDecision(entry: LedgerEntry | undefined, now: number, claimTimeoutMs: number): ClaimDecision {
  if (!entry) return 'claim';
  switch (entry.status) {
    case 'posted':
    case 'failed':
    case 'skipped':
      return 'done';
    case 'retry':
      return (entry.nextAttemptAt ?? 0) <= now ? 'claim' : 'wait';
    case 'claimed':
      return entry.updatedAt + claimTimeoutMs <= now ? 'claim' : 'busy';
    case 'sending':
      return entry.updatedAt + claimTimeoutMs <= now ? 'abandon' : 'busy';
  }
}

export type StaleCheck = { readonly now: number; readonly claimTimeoutMs: number; readonly deadline: number };

/** Why an entry nobody will finish is settled as failed, or undefined when it is not stale. Both store engines apply it under a row lock. */
export function staleSettlement(entry: LedgerEntry, check: StaleCheck): string | undefined {
  const decision = claimDecision(entry, check.now, check.claimTimeoutMs);
  if (decision === 'abandon') return `delivery unknown: ${entry.claimedBy ?? 'an instance'} stopped while sending; not resent`;
  if (decision === 'claim' && check.now > check.deadline) return `gave up after the grace period${entry.error ? ` (last error: ${entry.error})` : ''}`;
  return undefined;
}

const MINUTE = 60_000;

export type RetryPolicy = {
  /** Deliveries tried before giving up, the first one included. */
  readonly maxAttempts: number;
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, firstDelayMs: MINUTE, maxDelayMs: 15 * MINUTE };

/** Rounds down to the minute, so a retry set for "in one minute" is due at the next once-a-minute tick. */
export const floorToMinute = (ms: number): number => Math.floor(ms / MINUTE) * MINUTE;

/**
 * When to try again after the `attempts`-th failed delivery (1, 2, 4, 8, 15, 15 … minutes), or
 * undefined to give up: too many attempts, or the next one would fall after `deadline` (the grace period's end).
 */
export function nextRetryAt(attempts: number, now: number, deadline: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number | undefined {
  if (attempts >= policy.maxAttempts) return undefined;
  const delay = Math.min(policy.firstDelayMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs);
  const at = floorToMinute(now + delay);
  return at <= deadline ? at : undefined;
}
