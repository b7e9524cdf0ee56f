import { randomUUID } from 'node:crypto';
import type { Db } from './open-database.ts';
import type { IsoDate } from '../market/types.ts';
import type { LedgerEntry, LedgerKey, LedgerView, PostKind } from '../posts/ledger-entry.ts';
import type { PostPlatform } from '../posts/subscription.ts';
import { claimDecision, staleSettlement } from '../posts/claim-policy.ts';
import type { StaleCheck } from '../posts/claim-policy.ts';
import { clip, fromRow, LAST_POSTED } from './ledger-row.ts';
import type { LedgerRow as Row } from './ledger-row.ts';

/** The right to post one ledger entry, held by one instance until it settles the entry or loses it to a timeout. */
export type Claim = {
  readonly key: LedgerKey;
  readonly kind: PostKind;
  readonly slotAt: number;
  readonly token: string;
  /** Failed deliveries before this claim. */
  readonly attempts: number;
};

export type ClaimRequest = {
  readonly kind: PostKind;
  readonly slotAt: number;
  readonly instanceId: string;
  readonly now: number;
  readonly claimTimeoutMs: number;
};

/**
 * Exactly-once bookkeeping for posts, shared by every instance through one SQLite file. Each change
 * to a claimed entry is fenced by its claim token: an instance that lost its claim changes nothing.
 */
export type PostLedger = LedgerView & {
  /** Takes the entry when `claimDecision` allows it, atomically (BEGIN IMMEDIATE); undefined when another instance has it. */
  claim(key: LedgerKey, request: ClaimRequest): Claim | undefined;
  /** Marks the platform call as started. False: the claim was lost, so do not send. */
  markSending(claim: Claim, now: number): boolean;
  markPosted(claim: Claim, outcome: { readonly now: number; readonly dataAsOf?: IsoDate; readonly termId?: string }): boolean;
  /** Gives the entry back until `nextAttemptAt`; `failedAttempt` counts a failed delivery. */
  release(claim: Claim, retry: { readonly now: number; readonly nextAttemptAt: number; readonly error: string; readonly failedAttempt: boolean }): boolean;
  markFailed(claim: Claim, failure: { readonly now: number; readonly error: string; readonly failedAttempt: boolean }): boolean;
  /** Records a post nobody made in time (downtime); false when the entry already exists. */
  recordSkipped(key: LedgerKey, skip: { readonly kind: PostKind; readonly slotAt: number; readonly now: number; readonly reason: string }): boolean;
  /**
   * Settles an entry nobody will finish: a send that went stale (it may have arrived, so it is never
   * resent) or a claim or retry left past `deadline`. Re-checks atomically; returns the settled entry, or undefined when nothing changed.
   */
  settleStale(key: LedgerKey, check: StaleCheck): LedgerEntry | undefined;
  /** The channel's most recent morning post or closed notice by scheduled time (call settlements aside). */
  latest(platform: PostPlatform, channelId: string): LedgerEntry | undefined;
  /** The channel's last morning post that went out reporting a session before `before`: where "since the last post" starts. */
  lastPosted(platform: PostPlatform, channelId: string, before: IsoDate): LedgerEntry | undefined;
};


export function createPostLedger(db: Db): PostLedger {
  const KEY = 'platform = ? AND channel_id = ? AND report_date = ?';
  const FENCE = `${KEY} AND claim_token = ?`;
  const selectOne = db.prepare<[string, string, string], Row>(`SELECT * FROM post_ledger WHERE ${KEY}`);
  const selectLatest = db.prepare<[string, string], Row>("SELECT * FROM post_ledger WHERE platform = ? AND channel_id = ? AND kind <> 'call' ORDER BY slot_at DESC, updated_at DESC LIMIT 1");
  const selectLastPosted = db.prepare<[string, string, string], Row>(`SELECT * FROM post_ledger WHERE ${LAST_POSTED} ORDER BY slot_at DESC LIMIT 1`.replace(/\$\d/g, '?'));
  const insertClaim = db.prepare(
    `INSERT INTO post_ledger (platform, channel_id, report_date, kind, slot_at, status, claimed_by, claim_token, claimed_at, attempts, updated_at)
     VALUES (?, ?, ?, ?, ?, 'claimed', ?, ?, ?, 0, ?)`,
  );
  const reclaim = db.prepare(`UPDATE post_ledger SET status = 'claimed', claimed_by = ?, claim_token = ?, claimed_at = ?, next_attempt_at = NULL, updated_at = ? WHERE ${KEY}`);
  const toSending = db.prepare(`UPDATE post_ledger SET status = 'sending', updated_at = ? WHERE ${FENCE} AND status = 'claimed'`);
  const toPosted = db.prepare(
    `UPDATE post_ledger SET status = 'posted', posted_at = ?, data_as_of = ?, term_id = ?, error = NULL, next_attempt_at = NULL, updated_at = ? WHERE ${FENCE}`,
  );
  const toRetry = db.prepare(
    `UPDATE post_ledger SET status = 'retry', next_attempt_at = ?, error = ?, attempts = attempts + ?, updated_at = ? WHERE ${FENCE} AND status IN ('claimed', 'sending')`,
  );
  const toFailed = db.prepare(
    `UPDATE post_ledger SET status = 'failed', error = ?, attempts = attempts + ?, next_attempt_at = NULL, updated_at = ? WHERE ${FENCE} AND status IN ('claimed', 'sending')`,
  );
  const insertSkipped = db.prepare(
    `INSERT OR IGNORE INTO post_ledger (platform, channel_id, report_date, kind, slot_at, status, error, updated_at) VALUES (?, ?, ?, ?, ?, 'skipped', ?, ?)`,
  );
  const settle = db.prepare(`UPDATE post_ledger SET status = 'failed', error = ?, next_attempt_at = NULL, updated_at = ? WHERE ${KEY}`);

  const get = (key: LedgerKey) => {
    const row = selectOne.get(key.platform, key.channelId, key.reportDate);
    return row && fromRow(row);
  };

  const claim = db.transaction((key: LedgerKey, r: ClaimRequest): Claim | undefined => {
    const entry = get(key);
    if (claimDecision(entry, r.now, r.claimTimeoutMs) !== 'claim') return undefined;
    const token = randomUUID();
    if (entry) reclaim.run(r.instanceId, token, r.now, r.now, key.platform, key.channelId, key.reportDate);
    else insertClaim.run(key.platform, key.channelId, key.reportDate, r.kind, r.slotAt, r.instanceId, token, r.now, r.now);
    return { key, kind: entry?.kind ?? r.kind, slotAt: entry?.slotAt ?? r.slotAt, token, attempts: entry?.attempts ?? 0 };
  });

  const settleStale = db.transaction((key: LedgerKey, check: StaleCheck): LedgerEntry | undefined => {
    const entry = get(key);
    const error = entry && staleSettlement(entry, check);
    if (error === undefined) return undefined;
    settle.run(clip(error), check.now, key.platform, key.channelId, key.reportDate);
    return get(key);
  });

  const fenced = (claim: Claim) => [claim.key.platform, claim.key.channelId, claim.key.reportDate, claim.token] as const;

  return {
    get,
    claim: (key, request) => claim.immediate(key, request),
    markSending: (c, now) => toSending.run(now, ...fenced(c)).changes === 1,
    markPosted: (c, o) => toPosted.run(o.now, o.dataAsOf ?? null, o.termId ?? null, o.now, ...fenced(c)).changes === 1,
    release: (c, r) => toRetry.run(r.nextAttemptAt, clip(r.error), r.failedAttempt ? 1 : 0, r.now, ...fenced(c)).changes === 1,
    markFailed: (c, f) => toFailed.run(clip(f.error), f.failedAttempt ? 1 : 0, f.now, ...fenced(c)).changes === 1,
    recordSkipped: (key, s) => insertSkipped.run(key.platform, key.channelId, key.reportDate, s.kind, s.slotAt, clip(s.reason), s.now).changes === 1,
    settleStale: (key, check) => settleStale.immediate(key, check),
    latest: (platform, channelId) => {
      const row = selectLatest.get(platform, channelId);
      return row && fromRow(row);
    },
    lastPosted: (platform, channelId, before) => {
      const row = selectLastPosted.get(platform, channelId, before);
      return row && fromRow(row);
    },
  };
}
