import type { IsoDate } from '../market/types.ts';
import type { PostPlatform } from './subscription.ts';

/** A morning post, a closed-market notice, or a team call's settlement post (keyed `call:<id>`). */
export type PostKind = 'morning' | 'closed' | 'call';

/**
 * - claimed: an instance is building the post (nothing sent yet).
 * - sending: the platform call is in flight; whether it arrived is unknown until marked.
 * - retry: waiting for fresh data or after a platform error, until `nextAttemptAt`.
 * - posted / failed / skipped: final.
 */
export type LedgerStatus = 'claimed' | 'sending' | 'retry' | 'posted' | 'failed' | 'skipped';

/** One post to one channel: a morning post keyed by its report session, or a closed notice keyed by the holiday. */
export type LedgerEntry = {
  readonly platform: PostPlatform;
  readonly channelId: string;
  readonly reportDate: IsoDate;
  readonly kind: PostKind;
  /** Epoch ms of the scheduled post time. */
  readonly slotAt: number;
  readonly status: LedgerStatus;
  readonly claimedBy: string | undefined;
  readonly claimToken: string | undefined;
  readonly claimedAt: number | undefined;
  /** Failed deliveries so far. */
  readonly attempts: number;
  readonly nextAttemptAt: number | undefined;
  readonly postedAt: number | undefined;
  /** The last session in the data the post used (older than `reportDate` when the provider lagged). */
  readonly dataAsOf: IsoDate | undefined;
  readonly termId: string | undefined;
  readonly error: string | undefined;
  /** Epoch ms of the last change; for claimed/sending, when that phase began. */
  readonly updatedAt: number;
};

export type LedgerKey = { readonly platform: PostPlatform; readonly channelId: string; readonly reportDate: IsoDate };

export type LedgerView = { get(key: LedgerKey): LedgerEntry | undefined };
