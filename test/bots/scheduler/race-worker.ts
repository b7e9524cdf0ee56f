import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../../core/store/open-database.ts';
import { createRecordingPoster } from '../../../bots/scheduler/recording-poster.ts';
import { createCallStore } from '../../../core/store/call-store.ts';
import { promised } from '../../../core/store/sqlite-store.ts';
import { instantSettlement, schedulerOn, simClock } from './harness.ts';

/** One bot instance in its own thread: ticks through `ticks` on the shared database file and reports what it posted (morning posts and call settlements). */
const { file, instanceId, ticks } = workerData as { file: string; instanceId: string; ticks: number[] };
const db = openDatabase(file);
const poster = createRecordingPoster('slack');
const clock = simClock('2026-01-12T00:00:00Z');
const settlements = { calls: promised(createCallStore(db)), compose: instantSettlement() };
const scheduler = schedulerOn(db, [poster], clock, { instanceId, settlements });
for (const t of ticks) {
  clock.set(t);
  await scheduler.tick(new Date(t));
}
db.close();
parentPort!.postMessage(poster.sent.map((p) => `${p.channelId} ${p.replies[0]!.title}`));
