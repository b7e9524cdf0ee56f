import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { ComposePost } from '../../../bots/scheduler/compose-post.ts';
import { openPostgresStore } from '../../../core/store/postgres/postgres-store.ts';
import { createRecordingPoster } from '../../../bots/scheduler/recording-poster.ts';
import { createScheduler } from '../../../bots/scheduler/scheduler.ts';
import { spawnTsWorker } from '../../../core/charts/spawn-ts-worker.ts';
import { startTestPostgres } from '../../helpers/postgres.ts';
import { instantCompose, MINUTE, silentLog, simClock, subscription } from './harness.ts';

const { pg: server, reason } = await startTestPostgres();
afterAll(async () => server?.stop());

const CHANNELS = Array.from({ length: 20 }, (_, i) => subscription({ channelId: `C${i}`, timeZone: i % 2 ? 'Asia/Seoul' : 'America/New_York' }));
/** Ticks around the two slots (08:30 New York, 08:30 Seoul) from Monday 12 to Saturday 17 January 2026. */
const TICKS: number[] = [];
for (let t = Date.parse('2026-01-12T00:00:00Z'); t < Date.parse('2026-01-17T00:00:00Z'); t += MINUTE) {
  if ([13 * 60 + 30, 23 * 60 + 30].some((m) => Math.abs((t % 86_400_000) / MINUTE - m) <= 2)) TICKS.push(t);
}
// New York mornings reach the sessions of 12–15 January by the 17th, Seoul mornings those of 12–16.
const EXPECTED = 10 * 4 + 10 * 5;

describe.skipIf(!server)(`several instances on one PostgreSQL${server ? '' : `: ${reason}`}`, () => {
  const url = server?.url ?? '';

  beforeEach(async () => {
    const store = await openPostgresStore(url, { poolSize: 2 });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('TRUNCATE subscriptions, post_ledger, shown_terms');
    await admin.end();
    for (const s of CHANNELS) await store.subscriptions.upsert(s);
    await store.close();
  });

  it('posts each morning post exactly once per channel and report date between two instances in one process', async () => {
    const a = await openPostgresStore(url, { poolSize: 4 });
    const b = await openPostgresStore(url, { poolSize: 4 });
    const clock = simClock('2026-01-12T00:00:00Z');
    // Building a post yields, so the two instances' claims and sends interleave.
    const slowCompose: ComposePost = async (request) => {
      await new Promise((r) => setImmediate(r));
      return instantCompose(request);
    };
    const posters = [createRecordingPoster('slack'), createRecordingPoster('slack')] as const;
    const schedulers = [a, b].map((store, i) =>
      createScheduler({ subscriptions: store.subscriptions, ledger: store.ledger, posters: [posters[i]!], compose: slowCompose, log: silentLog, graceMs: 120 * MINUTE, dataWaitMs: 30 * MINUTE, now: clock.now, instanceId: `P${i}` }),
    );
    for (const t of TICKS) {
      clock.set(t);
      await Promise.all(schedulers.map((s) => s.tick(new Date(t))));
    }
    await a.close();
    await b.close();
    const sent = posters.flatMap((p) => p.sent.map((x) => `${x.channelId} ${x.replies[0]!.title}`));
    expect(sent).toHaveLength(new Set(sent).size);
    expect(sent).toHaveLength(EXPECTED);
    expect(posters[0].sent.length).toBeGreaterThan(0);
    expect(posters[1].sent.length).toBeGreaterThan(0);
  });

  it('posts each morning post exactly once when two instances run in parallel threads with their own pools', async () => {
    const run = (instanceId: string) =>
      new Promise<string[]>((resolve, reject) => {
        const worker = spawnTsWorker(new URL('./pg-scheduler-worker.ts', import.meta.url), { workerData: { url, instanceId, ticks: TICKS } });
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    const [a, b] = await Promise.all([run('A'), run('B')]);
    const sent = [...a, ...b];
    expect(sent).toHaveLength(new Set(sent).size);
    expect(sent).toHaveLength(EXPECTED);
    const check = await openPostgresStore(url, { poolSize: 1 });
    const ledger = await Promise.all(CHANNELS.map((c) => check.ledger.latest(c.platform, c.channelId)));
    await check.close();
    expect(ledger.every((e) => e?.status === 'posted')).toBe(true);
  });
});
