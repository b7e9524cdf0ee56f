import { parentPort, workerData } from 'node:worker_threads';
import { openPostgresStore } from '../../../core/store/postgres/postgres-store.ts';
import { createRecordingPoster } from '../../../bots/scheduler/recording-poster.ts';
import { createScheduler } from '../../../bots/scheduler/scheduler.ts';
import { instantCompose, MINUTE, silentLog, simClock } from './harness.ts';

/** One bot instance in its own thread with its own pool: ticks through `ticks` on the shared PostgreSQL and reports what it posted. */
const { url, instanceId, ticks } = workerData as { url: string; instanceId: string; ticks: number[] };
const store = await openPostgresStore(url, { poolSize: 4 });
const poster = createRecordingPoster('slack');
const clock = simClock('2026-01-12T00:00:00Z');
const scheduler = createScheduler({
  subscriptions: store.subscriptions,
  ledger: store.ledger,
  posters: [poster],
  compose: instantCompose,
  log: silentLog,
  graceMs: 120 * MINUTE,
  dataWaitMs: 30 * MINUTE,
  now: clock.now,
  instanceId,
});
for (const t of ticks) {
  clock.set(t);
  await scheduler.tick(new Date(t));
}
await store.close();
parentPort!.postMessage(poster.sent.map((p) => `${p.channelId} ${p.replies[0]!.title}`));
