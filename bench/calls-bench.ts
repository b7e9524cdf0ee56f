import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Call } from '../core/calls/call.ts';
import { addDays } from '../core/calendar/index.ts';
import { openDatabase } from '../core/store/open-database.ts';
import { createCallStore } from '../core/store/call-store.ts';
import { createPostLedger } from '../core/store/post-ledger.ts';
import { createSubscriptionStore } from '../core/store/subscription-store.ts';
import { promised } from '../core/store/sqlite-store.ts';
import { createScheduler } from '../bots/scheduler/scheduler.ts';
import { createRecordingPoster } from '../bots/scheduler/recording-poster.ts';
import { buildSettlementPost } from '../commands/call-settlement-post.ts';
import { realServices } from '../test/helpers/services.ts';
import { summarize, timeMany } from './stats.ts';
import type { Summary } from './stats.ts';

export type CallsBench = { readonly calls: number; readonly postsPerDueTick: number; readonly dueTick: Summary; readonly quietTick: Summary; readonly settlementPost: Summary };

const quiet = { info() {}, warn() {}, error() {} };

/**
 * The scheduler's settlement work on a SQLite file holding `count` calls with deadlines spread over two
 * years (CSV data): a tick that settles and posts the calls due at one close, a tick with nothing due, and
 * building one settlement post (the series warm in the cache, as in a running bot).
 */
export async function benchCalls(count = 10_000): Promise<CallsBench> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rotation-calls-bench-'));
  const db = openDatabase(path.join(dir, 'bot.db'));
  const running = realServices('2026-08-21');
  try {
    const store = createCallStore(db);
    const insert = db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const call: Call = {
          id: `b${i.toString(16)}`, platform: 'slack', channelId: `C${i % 200}`, locale: i % 3 ? 'en' : 'ko', userId: `U${i % 1000}`, madeAt: i, madeOn: '2025-12-31',
          side: i % 2 ? 'small' : 'large', smallSymbol: 'IWM', largeSymbol: 'SPY', deadline: addDays('2026-01-05', i % 730), marginPp: 0, start: { date: '2025-12-31', small: 240, large: 680 },
        };
        store.add(call);
      }
    });
    insert();
    const services = { ...running.services, today: () => '2026-08-21' };
    const poster = createRecordingPoster('slack');
    const scheduler = createScheduler({
      subscriptions: promised(createSubscriptionStore(db)),
      ledger: promised(createPostLedger(db)),
      posters: [poster],
      compose: async () => ({ status: 'not-ready', dataAsOf: '2026-01-01' }),
      settlements: { calls: promised(store), compose: (call) => buildSettlementPost(services, call) },
      log: quiet,
      graceMs: 120 * 60_000,
      dataWaitMs: 30 * 60_000,
    });
    await buildSettlementPost(services, store.listSettling('2026-01-05')[0]!);
    const dueTicks: number[] = [];
    const closes = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'];
    for (const day of closes) {
      const t0 = performance.now();
      await scheduler.tick(new Date(`${day}T21:01:00Z`));
      dueTicks.push(performance.now() - t0);
    }
    const quietTick = await timeMany(50, () => scheduler.tick(new Date('2026-03-13T21:30:00Z')));
    const [sample] = store.listSettling('2026-08-21');
    const settlementPost = await timeMany(200, () => buildSettlementPost(services, sample!));
    return { calls: count, postsPerDueTick: poster.sent.length / closes.length, dueTick: summarize(dueTicks), quietTick, settlementPost };
  } finally {
    db.close();
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
