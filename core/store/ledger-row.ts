import type { LedgerEntry, LedgerStatus, PostKind } from '../posts/ledger-entry.ts';
import type { PostPlatform } from '../posts/subscription.ts';

/** A post_ledger row as both engines return it, and its conversion to a LedgerEntry. */
export type LedgerRow = {
  platform: PostPlatform;
  channel_id: string;
  report_date: string;
  kind: PostKind;
  slot_at: number;
  status: LedgerStatus;
  claimed_by: string | null;
  claim_token: string | null;
  claimed_at: number | null;
  attempts: number;
  next_attempt_at: number | null;
  posted_at: number | null;
  data_as_of: string | null;
  term_id: string | null;
  error: string | null;
  updated_at: number;
};

export const fromRow = (r: LedgerRow): LedgerEntry => ({
  platform: r.platform,
  channelId: r.channel_id,
  reportDate: r.report_date,
  kind: r.kind,
  slotAt: r.slot_at,
  status: r.status,
  claimedBy: r.claimed_by ?? undefined,
  claimToken: r.claim_token ?? undefined,
  claimedAt: r.claimed_at ?? undefined,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at ?? undefined,
  postedAt: r.posted_at ?? undefined,
  dataAsOf: r.data_as_of ?? undefined,
  termId: r.term_id ?? undefined,
  error: r.error ?? undefined,
  updatedAt: r.updated_at,
});

const MAX_ERROR_LENGTH = 500;
/** Error texts are kept short in the ledger. */
export const clip = (s: string) => (s.length > MAX_ERROR_LENGTH ? `${s.slice(0, MAX_ERROR_LENGTH - 1)}…` : s);

/** The channel's posted morning posts before a report date ($1 platform, $2 channel, $3 date). */
export const LAST_POSTED = "platform = $1 AND channel_id = $2 AND kind = 'morning' AND status = 'posted' AND report_date < $3";
