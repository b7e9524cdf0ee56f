import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { LedgerEntry, LedgerKey } from '../../posts/ledger-entry.ts';
import type { Claim, PostLedger } from '../post-ledger.ts';
import type { Async } from '../store.ts';
import { claimDecision, staleSettlement } from '../../posts/claim-policy.ts';
import { run, statement, transaction } from './pg-pool.ts';
import { clip, fromRow, LAST_POSTED } from '../ledger-row.ts';
import type { LedgerRow as Row } from '../ledger-row.ts';


const KEY = 'platform = $1 AND channel_id = $2 AND report_date = $3';
const FENCE = `${KEY} AND claim_token = $4`;
const SELECT_ONE = statement('ledger_get', `SELECT * FROM post_ledger WHERE ${KEY}`);
const LOCK_ONE = statement('ledger_lock', `SELECT * FROM post_ledger WHERE ${KEY} FOR UPDATE`);
const SELECT_LATEST = statement('ledger_latest', "SELECT * FROM post_ledger WHERE platform = $1 AND channel_id = $2 AND kind <> 'call' ORDER BY slot_at DESC, updated_at DESC LIMIT 1");
const SELECT_LAST_POSTED = statement('ledger_last_posted', `SELECT * FROM post_ledger WHERE ${LAST_POSTED} ORDER BY slot_at DESC LIMIT 1`);
const INSERT_CLAIM = statement(
  'ledger_insert_claim',
  `INSERT INTO post_ledger (platform, channel_id, report_date, kind, slot_at, status, claimed_by, claim_token, claimed_at, attempts, updated_at)
   VALUES ($1, $2, $3, $4, $5, 'claimed', $6, $7, $8, 0, $8)
   ON CONFLICT (platform, channel_id, report_date) DO NOTHING`,
);
const RECLAIM = statement(
  'ledger_reclaim',
  `UPDATE post_ledger SET status = 'claimed', claimed_by = $4, claim_token = $5, claimed_at = $6, next_attempt_at = NULL, updated_at = $6 WHERE ${KEY}`,
);
const TO_SENDING = statement('ledger_sending', `UPDATE post_ledger SET status = 'sending', updated_at = $5 WHERE ${FENCE} AND status = 'claimed'`);
const TO_POSTED = statement(
  'ledger_posted',
  `UPDATE post_ledger SET status = 'posted', posted_at = $5, data_as_of = $6, term_id = $7, error = NULL, next_attempt_at = NULL, updated_at = $5 WHERE ${FENCE}`,
);
const TO_RETRY = statement(
  'ledger_retry',
  `UPDATE post_ledger SET status = 'retry', next_attempt_at = $5, error = $6, attempts = attempts + $7, updated_at = $8 WHERE ${FENCE} AND status IN ('claimed', 'sending')`,
);
const TO_FAILED = statement(
  'ledger_failed',
  `UPDATE post_ledger SET status = 'failed', error = $5, attempts = attempts + $6, next_attempt_at = NULL, updated_at = $7 WHERE ${FENCE} AND status IN ('claimed', 'sending')`,
);
const INSERT_SKIPPED = statement(
  'ledger_skipped',
  `INSERT INTO post_ledger (platform, channel_id, report_date, kind, slot_at, status, error, updated_at) VALUES ($1, $2, $3, $4, $5, 'skipped', $6, $7)
   ON CONFLICT (platform, channel_id, report_date) DO NOTHING`,
);
const SETTLE = statement('ledger_settle', `UPDATE post_ledger SET status = 'failed', error = $4, next_attempt_at = NULL, updated_at = $5 WHERE ${KEY} RETURNING *`);

const keyValues = (key: LedgerKey) => [key.platform, key.channelId, key.reportDate];
const fenced = (claim: Claim) => [...keyValues(claim.key), claim.token];
const changedOne = (r: { rowCount: number | null }) => r.rowCount === 1;

/**
 * The post ledger on PostgreSQL, shared by every instance that points at the database. A claim locks
 * the entry's row (or inserts it, the unique key deciding between racing inserts) inside a transaction.
 */
export function createPgPostLedger(pool: Pool): Async<PostLedger> {
  const locked = async (client: PoolClient, key: LedgerKey) => {
    const row = (await run<Row>(client, LOCK_ONE, keyValues(key))).rows[0];
    return row && fromRow(row);
  };
  return {
    async get(key) {
      const row = (await run<Row>(pool, SELECT_ONE, keyValues(key))).rows[0];
      return row && fromRow(row);
    },
    claim(key, r) {
      return transaction(pool, async (client): Promise<Claim | undefined> => {
        const entry = await locked(client, key);
        if (claimDecision(entry, r.now, r.claimTimeoutMs) !== 'claim') return undefined;
        const token = randomUUID();
        if (entry) {
          await run(client, RECLAIM, [...keyValues(key), r.instanceId, token, r.now]);
          return { key, kind: entry.kind, slotAt: entry.slotAt, token, attempts: entry.attempts };
        }
        const inserted = await run(client, INSERT_CLAIM, [...keyValues(key), r.kind, r.slotAt, r.instanceId, token, r.now]);
        // Another instance inserted the entry first: it holds the claim.
        return changedOne(inserted) ? { key, kind: r.kind, slotAt: r.slotAt, token, attempts: 0 } : undefined;
      });
    },
    async markSending(c, now) {
      return changedOne(await run(pool, TO_SENDING, [...fenced(c), now]));
    },
    async markPosted(c, o) {
      return changedOne(await run(pool, TO_POSTED, [...fenced(c), o.now, o.dataAsOf ?? null, o.termId ?? null]));
    },
    async release(c, r) {
      return changedOne(await run(pool, TO_RETRY, [...fenced(c), r.nextAttemptAt, clip(r.error), r.failedAttempt ? 1 : 0, r.now]));
    },
    async markFailed(c, f) {
      return changedOne(await run(pool, TO_FAILED, [...fenced(c), clip(f.error), f.failedAttempt ? 1 : 0, f.now]));
    },
    async recordSkipped(key, s) {
      return changedOne(await run(pool, INSERT_SKIPPED, [...keyValues(key), s.kind, s.slotAt, clip(s.reason), s.now]));
    },
    settleStale(key, check) {
      return transaction(pool, async (client): Promise<LedgerEntry | undefined> => {
        const entry = await locked(client, key);
        const error = entry && staleSettlement(entry, check);
        if (error === undefined) return undefined;
        const row = (await run<Row>(client, SETTLE, [...keyValues(key), clip(error), check.now])).rows[0];
        return row && fromRow(row);
      });
    },
    async latest(platform, channelId) {
      const row = (await run<Row>(pool, SELECT_LATEST, [platform, channelId])).rows[0];
      return row && fromRow(row);
    },
    async lastPosted(platform, channelId, before) {
      const row = (await run<Row>(pool, SELECT_LAST_POSTED, [platform, channelId, before])).rows[0];
      return row && fromRow(row);
    },
  };
}
