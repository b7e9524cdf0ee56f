import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Poster } from './poster.ts';
import type { ComposePost } from './compose-post.ts';
import type { PostLedger, Claim } from '../../core/store/post-ledger.ts';
import type { SubscriptionStore } from '../../core/store/subscription-store.ts';
import type { DueAction, DuePost } from '../../core/posts/due.ts';
import type { PostCalendar } from '../../core/posts/post-calendar.ts';
import type { RetryPolicy } from '../../core/posts/claim-policy.ts';
import type { Async } from '../../core/store/store.ts';
import type { CallStore } from '../../core/store/call-store.ts';
import type { Call } from '../../core/calls/call.ts';
import type { BuiltPost } from '../../commands/rotation-post.ts';
import type { IsoDate } from '../../core/market/types.ts';
import type { LedgerKey, PostKind } from '../../core/posts/ledger-entry.ts';
import { ledgerSnapshot, snapshotOf } from '../../core/store/ledger-snapshot.ts';
import { PermanentPostError } from './poster.ts';
import { findDuePosts } from '../../core/posts/due.ts';
import { nysePostCalendar } from '../../core/posts/post-calendar.ts';
import { NYSE_TIME_ZONE } from '../../core/calendar/index.ts';
import { findDueSettlements, settlementKey } from '../../core/calls/settlement-due.ts';
import { DEFAULT_RETRY_POLICY, floorToMinute, nextRetryAt } from '../../core/posts/claim-policy.ts';

const MINUTE = 60_000;

/** The part of a pino logger the scheduler writes to. */
export type SchedulerLog = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

/** Builds a call's settlement post; `not-ready` while the settlement close is missing from the data. */
export type ComposeSettlement = (call: Call) => Promise<BuiltPost>;

export type SettlementOptions = {
  readonly calls: Pick<Async<CallStore>, 'listSettling'>;
  readonly compose: ComposeSettlement;
  /** How long after the settlement close the post may still go out; default 3 days, so a weekend outage still posts it. */
  readonly graceMs?: number;
};

export const DEFAULT_SETTLEMENT_GRACE_MS = 3 * 24 * 60 * MINUTE;

export type SchedulerOptions = {
  /** SQLite's synchronous stores or PostgreSQL's asynchronous ones. */
  readonly subscriptions: Pick<Async<SubscriptionStore>, 'list' | 'recordTermShown'>;
  readonly ledger: Async<PostLedger>;
  /** One per platform this instance can post to; other platforms' subscriptions are left to other instances. */
  readonly posters: readonly Poster[];
  readonly compose: ComposePost;
  /** Team calls: each settlement is posted in its channel once, through the same ledger. */
  readonly settlements?: SettlementOptions;
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
  readonly kind: PostKind;
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

/** One post to claim and make, or give up: a subscription's morning post or closed notice, or a call's settlement. */
type Job = {
  readonly action: DueAction;
  readonly key: LedgerKey;
  readonly kind: PostKind;
  readonly slotAt: number;
  readonly workspaceId: string | undefined;
  readonly graceMs: number;
  /** How long past the slot to wait for the report session's prices: then post with what there is, or (calls) keep waiting. */
  readonly dataWaitMs: number;
  readonly waitingFor: IsoDate;
  build(acceptStale: boolean): Promise<BuiltPost>;
};

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
  const settlementGraceMs = options.settlements?.graceMs ?? DEFAULT_SETTLEMENT_GRACE_MS;

  const outcome = (j: Job, result: PostResult, error?: string): PostOutcome => ({
    platform: j.key.platform,
    channelId: j.key.channelId,
    kind: j.kind,
    reportDate: j.key.reportDate,
    result,
    ...(error !== undefined ? { error } : {}),
  });
  const what = (j: Job) => (j.kind === 'call' ? 'call settlement post' : 'morning post');

  const morningJob = (d: DuePost): Job => ({
    action: d.action,
    key: { platform: d.subscription.platform, channelId: d.subscription.channelId, reportDate: d.reportDate },
    kind: d.kind,
    slotAt: d.slotAt,
    workspaceId: d.subscription.workspaceId,
    graceMs,
    dataWaitMs: Math.min(dataWaitMs, graceMs),
    waitingFor: d.reportDate,
    build: (acceptStale) => compose({ subscription: d.subscription, kind: d.kind, reportDate: d.reportDate, ...(d.holiday ? { holiday: d.holiday } : {}), acceptStale }),
  });

  async function failAttempt(j: Job, claim: Claim, error: unknown): Promise<PostOutcome> {
    const now = clock().getTime();
    const attempts = claim.attempts + 1;
    const text = message(error);
    const retryAt = error instanceof PermanentPostError ? undefined : nextRetryAt(attempts, now, claim.slotAt + j.graceMs, policy);
    if (retryAt !== undefined) {
      await ledger.release(claim, { now, nextAttemptAt: retryAt, error: text, failedAttempt: true });
      log.warn({ ...j.key, attempts, retryAt: new Date(retryAt).toISOString(), err: text }, `${what(j)} failed; will retry`);
      return outcome(j, 'retry', text);
    }
    await ledger.markFailed(claim, { now, error: text, failedAttempt: true });
    log.error({ ...j.key, attempts, err: text }, `${what(j)} failed; giving up`);
    return outcome(j, 'failed', text);
  }

  async function post(j: Job, at: number): Promise<PostOutcome> {
    const poster = posters.get(j.key.platform)!;
    const claim = await ledger.claim(j.key, { kind: j.kind, slotAt: j.slotAt, instanceId, now: at, claimTimeoutMs });
    if (!claim) return outcome(j, 'busy');
    let built;
    try {
      built = await j.build(at >= claim.slotAt + j.dataWaitMs);
    } catch (error) {
      return failAttempt(j, claim, error);
    }
    if (built.status === 'not-ready') {
      const now = clock().getTime();
      const retryAt = Math.max(floorToMinute(Math.min(now + dataRecheckMs, claim.slotAt + j.dataWaitMs)), floorToMinute(now) + MINUTE);
      const why = `waiting for the ${j.waitingFor} session's prices (data ends ${built.dataAsOf})`;
      await ledger.release(claim, { now, nextAttemptAt: retryAt, error: why, failedAttempt: false });
      log.info({ ...j.key, retryAt: new Date(retryAt).toISOString() }, why);
      return outcome(j, 'waiting', why);
    }
    if (!(await ledger.markSending(claim, clock().getTime()))) {
      log.warn({ ...j.key }, `lost the claim on a ${what(j)} before sending; another instance has it`);
      return outcome(j, 'lost');
    }
    try {
      await poster.post(j.key.channelId, built.replies, j.workspaceId);
    } catch (error) {
      return failAttempt(j, claim, error);
    }
    const now = clock().getTime();
    await ledger.markPosted(claim, { now, ...(built.dataAsOf ? { dataAsOf: built.dataAsOf } : {}), ...(built.term ? { termId: built.term.id } : {}) });
    if (built.term) await options.subscriptions.recordTermShown(j.key.platform, j.key.channelId, built.term.id, now, built.term.startsNewRound);
    log.info({ ...j.key, kind: j.kind, dataAsOf: built.dataAsOf, lateMs: at - claim.slotAt }, `${what(j)} sent`);
    return outcome(j, 'posted');
  }

  async function settle(j: Job, at: number): Promise<PostOutcome> {
    if (j.action === 'missed') {
      const reason = `missed: no scheduler ran within ${Math.round(j.graceMs / MINUTE)} min of ${new Date(j.slotAt).toISOString()}`;
      if (await ledger.recordSkipped(j.key, { kind: j.kind, slotAt: j.slotAt, now: at, reason })) log.warn({ ...j.key }, reason);
      return outcome(j, 'skipped', reason);
    }
    const settled = await ledger.settleStale(j.key, { now: at, claimTimeoutMs, deadline: j.slotAt + j.graceMs });
    if (settled) log.error({ ...j.key, err: settled.error }, `${what(j)} given up`);
    return outcome(j, j.action === 'abandon' ? 'abandoned' : 'expired', settled?.error);
  }

  async function handle(j: Job, at: number): Promise<PostOutcome> {
    try {
      return j.action === 'post' ? await post(j, at) : await settle(j, at);
    } catch (error) {
      log.error({ ...j.key, err: message(error) }, 'scheduler error');
      return outcome(j, 'failed', message(error));
    }
  }

  async function morningJobs(at: Date): Promise<Job[]> {
    const subscriptions = (await options.subscriptions.list()).filter((s) => posters.has(s.platform));
    const due = findDuePosts(subscriptions, at, await ledgerSnapshot(ledger, subscriptions, at, calendar), calendar, {
      graceMs,
      claimTimeoutMs,
      onError: (s, error) => log.error({ platform: s.platform, channelId: s.channelId, timeZone: s.timeZone, err: message(error) }, 'subscription cannot be scheduled'),
    });
    return due.map(morningJob);
  }

  async function settlementJobs(at: Date): Promise<Job[]> {
    const settlements = options.settlements;
    if (!settlements) return [];
    const calls = (await settlements.calls.listSettling(calendar.localDate(at.getTime(), NYSE_TIME_ZONE))).filter((c) => posters.has(c.platform));
    const view = await snapshotOf(ledger, calls.map(settlementKey));
    return findDueSettlements(calls, at.getTime(), view, calendar, { graceMs: settlementGraceMs, claimTimeoutMs }).map((d) => ({
      action: d.action,
      key: d.key,
      kind: 'call',
      slotAt: d.slotAt,
      workspaceId: d.call.workspaceId,
      graceMs: settlementGraceMs,
      dataWaitMs: settlementGraceMs,
      waitingFor: d.settlesOn,
      build: () => settlements.compose(d.call),
    }));
  }

  return {
    instanceId,
    tick(at = clock()) {
      const run = (async () => {
        const jobs = [...(await morningJobs(at)), ...(await settlementJobs(at))];
        return mapLimit(jobs, options.concurrency ?? 4, (j) => handle(j, at.getTime()));
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
