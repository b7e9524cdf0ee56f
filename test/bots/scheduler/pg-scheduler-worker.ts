import { parentPort, workerData } from 'node:worker_threads';
import { openPostgresStore } from '../../../core/store/postgres/postgres-store.ts';
import { createRecordingPoster } from '../../../bots/scheduler/recording-poster.ts';
import { createScheduler } from '../../../bots/scheduler/scheduler.ts';
import { instantCompose, MINUTE, silentLog, simClock } from './harness.ts';

/**
 * One bot instance in its own thread with its own pool on the shared PostgreSQL. Its clock is the
 * parent's: each `{ at }` message sets the time and runs one tick, answered with `ticked`, so both
 * instances see the same minute; `{ stop: true }` answers with what it posted.
 */
const { url, instanceId } = workerData as { url: string; instanceId: string };
const port = parentPort!;
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
port.on('message', (message: { at: number } | { stop: true }) => {
  void (async () => {
    if ('at' in message) {
      clock.set(message.at);
      await scheduler.tick(new Date(message.at));
      port.postMessage('ticked');
      return;
    }
    await store.close();
    port.postMessage(poster.sent.map((p) => `${p.channelId} ${p.replies[0]!.title}`));
  })();
});
port.postMessage('ready');
