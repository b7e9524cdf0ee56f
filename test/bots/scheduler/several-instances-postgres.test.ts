import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { ComposePost } from '../../../bots/scheduler/compose-post.ts';
import { openPostgresStore } from '../../../core/store/postgres/postgres-store.ts';
import { createRecordingPoster } from '../../../bots/scheduler/recording-poster.ts';
import { createScheduler } from '../../../bots/scheduler/scheduler.ts';
import { spawnTsWorker } from '../../../core/charts/spawn-ts-worker.ts';
import { startTestPostgres } from '../../helpers/postgres.ts';
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import type { BotProcessAnswer, BotProcessMessage } from './pg-bot-process.ts';
import { startFakeSlack } from '../../fakes/fake-slack.ts';
import { MARKET_DATA_DIR } from '../../helpers/market-data.ts';
import { instantCompose, instantSettlement, MINUTE, silentLog, simClock, subscription } from './harness.ts';

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

/** A bot instance in a child process, driven one message at a time. */
function botProcess() {
  const child = fork(new URL('./pg-bot-process.ts', import.meta.url), { execArgv: ['--import', createRequire(import.meta.url).resolve('tsx')], stdio: 'inherit' });
  return {
    pid: child.pid,
    ask: (message: BotProcessMessage) =>
      new Promise<BotProcessAnswer>((resolve, reject) => {
        child.once('message', (reply: BotProcessAnswer) => (reply.type === 'error' ? reject(new Error(reply.error)) : resolve(reply)));
        child.send(message);
      }),
    kill: () => child.exitCode === null && child.kill(),
  };
}

describe.skipIf(!server)(`several instances on one PostgreSQL${server ? '' : `: ${reason}`}`, () => {
  const url = server?.url ?? '';

  beforeEach(async () => {
    const store = await openPostgresStore(url, { poolSize: 2 });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('TRUNCATE subscriptions, post_ledger, shown_terms, calls');
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

  it('posts each call settlement exactly once between two instances, across a weekend and a holiday', async () => {
    const a = await openPostgresStore(url, { poolSize: 4 });
    const b = await openPostgresStore(url, { poolSize: 4 });
    const deadlines = ['2026-01-13', '2026-01-14', '2026-01-17', '2026-01-19', '2026-01-21'];
    const ids = Array.from({ length: 30 }, (_, i) => `pg${i}`);
    for (const [i, id] of ids.entries()) {
      await a.calls.add({ id, platform: 'slack', channelId: `C${i % 7}`, locale: 'en', userId: `U${i}`, madeAt: i, madeOn: '2026-01-12', side: 'small', smallSymbol: 'IWM', largeSymbol: 'SPY', deadline: deadlines[i % deadlines.length]!, marginPp: 0, start: { date: '2026-01-09', small: 1, large: 1 } });
    }
    const clock = simClock('2026-01-12T00:00:00Z');
    const posters = [createRecordingPoster('slack'), createRecordingPoster('slack')] as const;
    for (const p of posters) p.afterDelivery = () => new Promise((r) => setImmediate(r));
    const schedulers = [a, b].map((store, i) =>
      createScheduler({
        subscriptions: store.subscriptions, ledger: store.ledger, posters: [posters[i]!], compose: instantCompose, log: silentLog, graceMs: 120 * MINUTE, dataWaitMs: 30 * MINUTE, now: clock.now, instanceId: `S${i}`,
        settlements: { calls: store.calls, compose: instantSettlement(true) },
      }),
    );
    for (let t = Date.parse('2026-01-12T00:00:00Z'); t < Date.parse('2026-01-23T00:00:00Z'); t += MINUTE) {
      if (Math.abs((t % 86_400_000) / MINUTE - 21 * 60) > 2) continue;
      clock.set(t);
      const pair = Math.floor(t / 86_400_000) % 2 ? schedulers : [...schedulers].reverse();
      await Promise.all(pair.map((s) => s.tick(new Date(t))));
    }
    const sent = posters.flatMap((p) => p.sent.filter((x) => x.replies[0]!.title.startsWith('call ')).map((x) => `${x.channelId} ${x.replies[0]!.title}`));
    expect(sent).toHaveLength(ids.length);
    expect(new Set(sent).size).toBe(ids.length);
    expect(posters.every((p) => p.sent.some((x) => x.replies[0]!.title.startsWith('call ')))).toBe(true);
    for (const [i, id] of ids.entries()) {
      expect(await a.ledger.get({ platform: 'slack', channelId: `C${i % 7}`, reportDate: `call:${id}` })).toMatchObject({ kind: 'call', status: 'posted' });
    }
    await a.close();
    await b.close();
  });

  it('posts each morning post exactly once when two instances run in parallel threads with their own pools', async () => {
    const workers = ['A', 'B'].map((instanceId) => spawnTsWorker(new URL('./pg-scheduler-worker.ts', import.meta.url), { workerData: { url, instanceId } }));
    const next = (worker: (typeof workers)[number]) =>
      new Promise<unknown>((resolve, reject) => {
        const onError = (error: Error) => {
          worker.off('message', onMessage);
          reject(error);
        };
        const onMessage = (message: unknown) => {
          worker.off('error', onError);
          resolve(message);
        };
        worker.once('message', onMessage);
        worker.once('error', onError);
      });
    try {
      await Promise.all(workers.map(next));
      // One clock for both, as machines with synchronized clocks have: every tick runs on both threads at once.
      for (const at of TICKS) {
        const ticked = workers.map(next);
        for (const w of workers) w.postMessage({ at });
        await Promise.all(ticked);
      }
    } catch (error) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw error;
    }
    const [a, b] = (await Promise.all(
      workers.map((w) => {
        const done = next(w);
        w.postMessage({ stop: true });
        return done;
      }),
    )) as string[][];
    await Promise.all(workers.map((w) => w.terminate()));
    const sent = [...a!, ...b!];
    expect(sent).toHaveLength(new Set(sent).size);
    expect(sent).toHaveLength(EXPECTED);
    const check = await openPostgresStore(url, { poolSize: 1 });
    const ledger = await Promise.all(CHANNELS.map((c) => check.ledger.latest(c.platform, c.channelId)));
    await check.close();
    expect(ledger.every((e) => e?.status === 'posted')).toBe(true);
  });

  it('posts each morning post exactly once when two bot processes with the real post content share the database', async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('TRUNCATE subscriptions, post_ledger, shown_terms');
    await admin.end();
    // Six New York channels over the week of 17 August 2026 (the sample data's last full week).
    const channels = Array.from({ length: 6 }, (_, i) => subscription({ channelId: `CP${i}` }));
    const store = await openPostgresStore(url, { poolSize: 2 });
    for (const s of channels) await store.subscriptions.upsert(s);
    await store.close();
    const ticks: number[] = [];
    for (let t = Date.parse('2026-08-17T00:00:00Z'); t < Date.parse('2026-08-22T00:00:00Z'); t += MINUTE) {
      if (Math.abs((t % 86_400_000) / MINUTE - (12 * 60 + 30)) <= 3) ticks.push(t);
    }
    const slack = await startFakeSlack();
    const processes = [botProcess(), botProcess()];
    try {
      await Promise.all(processes.map((p, i) => p.ask({ type: 'start', url, instanceId: `process-${i}`, slackApiUrl: slack.apiUrl, dataDir: MARKET_DATA_DIR })));
      for (const at of ticks) await Promise.all(processes.map((p) => p.ask({ type: 'tick', at })));
      const sent = await Promise.all(processes.map(async (p) => ((await p.ask({ type: 'stop' })) as { sent: number }).sent));
      expect(new Set(processes.map((p) => p.pid)).size).toBe(2);
      // Tuesday to Friday mornings report the sessions of 17–20 August; Monday's follows a weekend, so none.
      const posted = slack
        .callsTo('files.completeUploadExternal')
        .map((c) => `${String(c.params.channel_id)} ${/Aug \d+, 2026/.exec(JSON.stringify(c.params.blocks))?.[0]}`);
      expect(posted).toHaveLength(channels.length * 4);
      expect(new Set(posted).size).toBe(posted.length);
      for (const day of [17, 18, 19, 20]) expect(posted.filter((p) => p.endsWith(`Aug ${day}, 2026`))).toHaveLength(channels.length);
      expect(sent[0]! + sent[1]!).toBe(posted.length);
      expect(sent.every((n) => n > 0)).toBe(true);
    } finally {
      for (const p of processes) p.kill();
      await slack.close();
    }
  }, 120_000);
});
