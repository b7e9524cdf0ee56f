import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Reply } from '../../../core/reply.ts';
import type { Subscription } from '../../../core/posts/subscription.ts';
import type { Db } from '../../../core/store/open-database.ts';
import type { ComposePost, ComposeRequest } from '../../../bots/scheduler/compose-post.ts';
import type { Poster } from '../../../bots/scheduler/poster.ts';
import type { SchedulerOptions } from '../../../bots/scheduler/scheduler.ts';
import { openDatabase } from '../../../core/store/open-database.ts';
import { createSubscriptionStore } from '../../../core/store/subscription-store.ts';
import { createPostLedger } from '../../../core/store/post-ledger.ts';
import { createScheduler } from '../../../bots/scheduler/scheduler.ts';
import { promised } from '../../../core/store/sqlite-store.ts';

export const MINUTE = 60_000;

export function subscription(overrides: Partial<Subscription> & Pick<Subscription, 'channelId'>): Subscription {
  return {
    platform: 'slack',
    time: '08:30',
    timeZone: 'America/New_York',
    locale: 'en',
    closedNotice: false,
    createdBy: 'U1',
    createdAt: Date.parse('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}

export function fakeReply(request: ComposeRequest): Reply {
  const title = `${request.kind} ${request.reportDate}`;
  return { visibility: 'public', locale: request.subscription.locale, tone: 'neutral', title, text: title, fields: [], fallbackText: title };
}

/** Content built at once, with the report session always in the data. */
export const instantCompose: ComposePost = async (request) => ({ status: 'ready', replies: [fakeReply(request)], result: null, dataAsOf: request.reportDate });

/** A settlement post titled `call <id>`, built at once (after a yield when `yielding`, so instances interleave). */
export function instantSettlement(yielding = false) {
  return async (call: { id: string }) => {
    if (yielding) await new Promise((r) => setImmediate(r));
    const title = `call ${call.id}`;
    const reply: Reply = { visibility: 'public', locale: 'en', tone: 'neutral', title, text: call.id, fields: [], fallbackText: call.id };
    return { status: 'ready' as const, replies: [reply], result: null };
  };
}

/** A simulated clock the scheduler reads for its timestamps. */
export function simClock(startIso: string) {
  let now = Date.parse(startIso);
  return {
    get ms() {
      return now;
    },
    set(ms: number) {
      now = ms;
    },
    now: () => new Date(now),
  };
}

export const silentLog = { info() {}, warn() {}, error() {} };

/** A scheduler over `db` with the settings' defaults (2 h grace, 30 min data wait, 10 min claim timeout). */
export function schedulerOn(db: Db, posters: readonly Poster[], clock: { now: () => Date }, extra: Partial<SchedulerOptions> = {}) {
  return createScheduler({
    subscriptions: promised(createSubscriptionStore(db)),
    ledger: promised(createPostLedger(db)),
    posters,
    compose: instantCompose,
    log: silentLog,
    graceMs: 120 * MINUTE,
    dataWaitMs: 30 * MINUTE,
    now: clock.now,
    ...extra,
  });
}

export function memoryDb(subs: readonly Subscription[] = []): Db {
  const db = openDatabase(':memory:');
  const store = createSubscriptionStore(db);
  for (const s of subs) store.upsert(s);
  return db;
}

/**
 * Fresh database files shared by several instances: each `connect()` opens one more connection (one
 * per instance). Closed and deleted after each test of the describe block that called this.
 */
export function sharedDatabaseFiles() {
  const made: { dir: string; dbs: Db[] }[] = [];
  afterEach(() => {
    for (const { dir, dbs } of made.splice(0)) {
      for (const db of dbs) db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rotation-race-'));
    const file = path.join(dir, 'bot.db');
    const dbs: Db[] = [];
    made.push({ dir, dbs });
    return {
      file,
      connect(): Db {
        const db = openDatabase(file);
        dbs.push(db);
        return db;
      },
    };
  };
}
