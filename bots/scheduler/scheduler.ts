import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Poster } from './poster.ts';
import type { ComposePost } from './compose-post.ts';
import type { PostLedger, Claim } from '../../core/store/post-ledger.ts';
import type { SubscriptionStore } from '../../core/store/subscription-store.ts';
import type { DuePost } from '../../core/posts/due.ts';
import type { LedgerKey } from '../../core/posts/ledger-entry.ts';
import type { PostCalendar } from '../../core/posts/post-calendar.ts';
import type { RetryPolicy } from '../../core/posts/claim-policy.ts';
import type { Async } from '../../core/store/store.ts';
import { ledgerSnapshot } from '../../core/store/ledger-snapshot.ts';
import { PermanentPostError } from './poster.ts';
import { findDuePosts } from '../../core/posts/due.ts';
import { nysePostCalendar } from '../../core/posts/post-calendar.ts';
import { DEFAULT_RETRY_POLICY, floorToMinute, nextRetryAt } from '../../core/posts/claim-policy.ts';

const MINUTE = 60_000;

/** The part of a pino logger the scheduler writes to. */
export type SchedulerLog = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type SchedulerOptions = {
  /** SQLite's synchronous stores or PostgreSQL's asynchronous ones. */
  readonly subscriptions: Pick<Async<SubscriptionStore>, 'list' | 'recordTermShown'>;
  readonly ledger: Async<PostLedger>;
  /** One per platform this instance can post to; other platforms' subscriptions are left to other instances. */
  readonly posters: readonly Poster[];
  readonly compose: ComposePost;
  readonly log: SchedulerLog;
  /** ROTATION_POST_GRACE_MINUTES: a post later than this is skipped. */
  readonly graceMs: number;
  /** ROTATION_POST_RETRY_MINUTES: how long to wait for the report session's prices. */
  readonly dataWaitMs: number;
  /** A claim or send older than this belongs to a dead instance. */
  readonly claimTimeoutMs?: number;
  /** How often to look again for late prices while waiting. */
  readonly dataRecheckMs?: number;
  readonly retryPolicy?: RetryPolicy;
  readonly calendar?: PostCalendar;
  /** Posts handled at once within a tick. */
  readonly concurrency?: number;
  readonly instanceId?: string;
  /** The clock for ledger timestamps (ticks carry their own instant). */
  readonly now?: () => Date;
};

export type PostResult = 'posted' | 'waiting' | 'retry' | 'failed' | 'lost' | 'busy' | 'skipped' | 'expired' | 'abandoned';

export type PostOutcome = {
  readonly platform: string;
  readonly channelId: string;
  readonly kind: DuePost['kind'];
  readonly reportDate: string;
  readonly result: PostResult;
  readonly error?: string;
};

export type Scheduler = {
  readonly instanceId: string;
  /** Does everything due at `at`: the once-a-minute job, and what tests drive with a simulated clock. */
  tick(at?: Date): Promise<PostOutcome[]>;
  /** Resolves when no tick is running. */
  idle(): Promise<void>;
};

export const DEFAULT_CLAIM_TIMEOUT_MS = 10 * MINUTE;
const DEFAULT_DATA_RECHECK_MS = 5 * MINUTE;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const k = next++;
      out[k] = await fn(items[k]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { ledger, compose, log, graceMs, dataWaitMs } = options;
  const claimTimeoutMs = options.claimTimeoutMs ?? DEFAULT_CLAIM_TIMEOUT_MS;
  const dataRecheckMs = options.dataRecheckMs ?? DEFAULT_DATA_RECHECK_MS;
  const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const calendar = options.calendar ?? nysePostCalendar;
  const clock = options.now ?? (() => new Date());
  const instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const posters = new Map(options.posters.map((p) => [p.platform, p]));
  const running = new Set<Promise<unknown>>();

  const keyOf = (d: DuePost): LedgerKey => ({ platform: d.subscription.platform, channelId: d.subscription.channelId, reportDate: d.reportDate });
  const outcome = (d: DuePost, result: PostResult, error?: string): PostOutcome => ({
    platform: d.subscription.platform,
    channelId: d.subscription.channelId,
    kind: d.kind,
    reportDate: d.reportDate,
    result,
    ...(error !== undefined ? { error } : {}),
  });

  async function failAttempt(d: DuePost, claim: Claim, error: unknown): Promise<PostOutcome> {
    const now = clock().getTime();
    const attempts = claim.attempts + 1;
    const text = message(error);
    const retryAt = error instanceof PermanentPostError ? undefined : nextRetryAt(attempts, now, claim.slotAt + graceMs, policy);
    if (retryAt !== undefined) {
      await ledger.release(claim, { now, nextAttemptAt: retryAt, error: text, failedAttempt: true });
      log.warn({ ...keyOf(d), attempts, retryAt: new Date(retryAt).toISOString(), err: text }, 'morning post failed; will retry');
      return outcome(d, 'retry', text);
    }
    await ledger.markFailed(claim, { now, error: text, failedAttempt: true });
    log.error({ ...keyOf(d), attempts, err: text }, 'morning post failed; giving up');
    return outcome(d, 'failed', text);
  }

  async function post(d: DuePost, at: number): Promise<PostOutcome> {
    const key = keyOf(d);
    const poster = posters.get(d.subscription.platform)!;
    const claim = await ledger.claim(key, { kind: d.kind, slotAt: d.slotAt, instanceId, now: at, claimTimeoutMs });
    if (!claim) return outcome(d, 'busy');
    let built;
    try {
      const acceptStale = at >= claim.slotAt + Math.min(dataWaitMs, graceMs);
      built = await compose({ subscription: d.subscription, kind: d.kind, reportDate: d.reportDate, ...(d.holiday ? { holiday: d.holiday } : {}), acceptStale });
    } catch (error) {
      return failAttempt(d, claim, error);
    }
    if (built.status === 'not-ready') {
      const now = clock().getTime();
      const retryAt = Math.max(floorToMinute(Math.min(now + dataRecheckMs, claim.slotAt + dataWaitMs)), floorToMinute(now) + MINUTE);
      const why = `waiting for the ${d.reportDate} session's prices (data ends ${built.dataAsOf})`;
      await ledger.release(claim, { now, nextAttemptAt: retryAt, error: why, failedAttempt: false });
      log.info({ ...key, retryAt: new Date(retryAt).toISOString() }, why);
      return outcome(d, 'waiting', why);
    }
    if (!(await ledger.markSending(claim, clock().getTime()))) {
      log.warn({ ...key }, 'lost the claim on a morning post before sending; another instance has it');
      return outcome(d, 'lost');
    }
    try {
      await poster.post(d.subscription.channelId, built.replies, d.subscription.workspaceId);
    } catch (error) {
      return failAttempt(d, claim, error);
    }
    const now = clock().getTime();
    await ledger.markPosted(claim, { now, ...(built.dataAsOf ? { dataAsOf: built.dataAsOf } : {}), ...(built.term ? { termId: built.term.id } : {}) });
    if (built.term) await options.subscriptions.recordTermShown(key.platform, key.channelId, built.term.id, now, built.term.startsNewRound);
    log.info({ ...key, kind: d.kind, dataAsOf: built.dataAsOf, lateMs: at - claim.slotAt }, 'morning post sent');
    return outcome(d, 'posted');
  }

  async function settle(d: DuePost, at: number): Promise<PostOutcome> {
    const key = keyOf(d);
    if (d.action === 'missed') {
      const reason = `missed: no scheduler ran within ${Math.round(graceMs / MINUTE)} min of ${new Date(d.slotAt).toISOString()}`;
      if (await ledger.recordSkipped(key, { kind: d.kind, slotAt: d.slotAt, now: at, reason })) log.warn({ ...key }, reason);
      return outcome(d, 'skipped', reason);
    }
    const settled = await ledger.settleStale(key, { now: at, claimTimeoutMs, deadline: d.slotAt + graceMs });
    if (settled) log.error({ ...key, err: settled.error }, 'morning post given up');
    return outcome(d, d.action === 'abandon' ? 'abandoned' : 'expired', settled?.error);
  }

  async function handle(d: DuePost, at: number): Promise<PostOutcome> {
    try {
      return d.action === 'post' ? await post(d, at) : await settle(d, at);
    } catch (error) {
      log.error({ ...keyOf(d), err: message(error) }, 'scheduler error');
      return outcome(d, 'failed', message(error));
    }
  }

  return {
    instanceId,
    tick(at = clock()) {
      const run = (async () => {
        const t = at.getTime();
        const subscriptions = (await options.subscriptions.list()).filter((s) => posters.has(s.platform));
        const due = findDuePosts(subscriptions, at, await ledgerSnapshot(ledger, subscriptions, at, calendar), calendar, {
          graceMs,
          claimTimeoutMs,
          onError: (s, error) => log.error({ platform: s.platform, channelId: s.channelId, timeZone: s.timeZone, err: message(error) }, 'subscription cannot be scheduled'),
        });
        return mapLimit(due, options.concurrency ?? 4, (d) => handle(d, t));
      })();
      running.add(run);
      void run.finally(() => running.delete(run)).catch(() => {});
      return run;
    },
    async idle() {
      await Promise.allSettled([...running]);
    },
  };
}
