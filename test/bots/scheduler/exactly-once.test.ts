import { describe, expect, it } from 'vitest';
import { spawnTsWorker } from '../../../core/charts/spawn-ts-worker.ts';
import type { ComposePost } from '../../../bots/scheduler/compose-post.ts';
import { createSubscriptionStore } from '../../../core/store/subscription-store.ts';
import { createPostLedger } from '../../../core/store/post-ledger.ts';
import { createRecordingPoster } from '../../../bots/scheduler/recording-poster.ts';
import { PermanentPostError } from '../../../bots/scheduler/poster.ts';
import { fakeReply, instantCompose, MINUTE, memoryDb, schedulerOn, sharedDatabaseFiles, simClock, subscription } from './harness.ts';

const SLOT = Date.parse('2026-01-21T13:30:00Z'); // 08:30 New York, reporting the 2026-01-20 session
const KEY = { platform: 'slack' as const, channelId: 'ny', reportDate: '2026-01-20' };
const NY = subscription({ channelId: 'ny' });
const never = () => new Promise<never>(() => {});

async function ticks(scheduler: { tick(at: Date): Promise<unknown> }, clock: { set(ms: number): void }, from: number, minutes: number) {
  for (let k = 0; k < minutes; k++) {
    clock.set(from + k * MINUTE);
    await scheduler.tick(new Date(from + k * MINUTE));
  }
}

describe('a restart in the middle of a post', () => {
  it('while the post was being built: no post within the claim timeout, then the new instance posts it once', async () => {
    const db = memoryDb([NY]);
    const clock = simClock('2026-01-21T13:30:00Z');
    const dead = createRecordingPoster('slack');
    let resumeDeadInstance!: () => void;
    const stuck: ComposePost = (request) => new Promise((resolve) => (resumeDeadInstance = () => resolve({ status: 'ready', replies: [fakeReply(request)], result: null })));
    void schedulerOn(db, [dead], clock, { compose: stuck, instanceId: 'dead' }).tick(new Date(SLOT));
    // The tick awaits the (maybe asynchronous) store before claiming: let its promise hops run.
    await new Promise((resolve) => setImmediate(resolve));
    expect(createPostLedger(db).get(KEY)?.status).toBe('claimed');

    const fresh = createRecordingPoster('slack');
    const restarted = schedulerOn(db, [fresh], clock, { instanceId: 'restarted' });
    await ticks(restarted, clock, SLOT + MINUTE, 9);
    expect(fresh.sent).toHaveLength(0);
    await ticks(restarted, clock, SLOT + 10 * MINUTE, 1);
    expect(fresh.sent).toHaveLength(1);

    // The first instance wakes up after all: its claim is gone, so it sends nothing.
    resumeDeadInstance();
    await new Promise((r) => setImmediate(r));
    expect(dead.calls).toHaveLength(0);
    expect(createPostLedger(db).get(KEY)).toMatchObject({ status: 'posted', claimedBy: 'restarted' });
  });

  it('after the platform took the post but before it was marked: never sent again (at most once), recorded as failed with the reason', async () => {
    const db = memoryDb([NY]);
    const clock = simClock('2026-01-21T13:30:00Z');
    const dead = createRecordingPoster('slack');
    dead.afterDelivery = never;
    void schedulerOn(db, [dead], clock, { instanceId: 'dead' }).tick(new Date(SLOT));
    await new Promise((r) => setImmediate(r));
    expect(dead.sent).toHaveLength(1);
    expect(createPostLedger(db).get(KEY)?.status).toBe('sending');

    const fresh = createRecordingPoster('slack');
    await ticks(schedulerOn(db, [fresh], clock, { instanceId: 'restarted' }), clock, SLOT + MINUTE, 180);
    expect(fresh.calls).toHaveLength(0);
    expect(createPostLedger(db).get(KEY)).toMatchObject({ status: 'failed', error: expect.stringContaining('delivery unknown') });
  });
});

describe('two schedulers sharing one database file', () => {
  const databaseFile = sharedDatabaseFiles();

  it('post each morning post exactly once between them', async () => {
    const shared = databaseFile();
    const a = shared.connect();
    const b = shared.connect();
    const channels = Array.from({ length: 12 }, (_, i) => subscription({ channelId: `C${i}`, timeZone: i % 2 ? 'Asia/Seoul' : 'America/New_York' }));
    for (const s of channels) createSubscriptionStore(a).upsert(s);
    const clock = simClock('2026-01-12T00:00:00Z');
    // Each send yields to the event loop, so the two instances' claims and sends interleave.
    const slowCompose: ComposePost = async (request) => {
      await new Promise((r) => setImmediate(r));
      return instantCompose(request);
    };
    const posterA = createRecordingPoster('slack');
    const posterB = createRecordingPoster('slack');
    posterA.afterDelivery = posterB.afterDelivery = () => new Promise((r) => setImmediate(r));
    const schedulerA = schedulerOn(a, [posterA], clock, { compose: slowCompose, instanceId: 'A' });
    const schedulerB = schedulerOn(b, [posterB], clock, { compose: slowCompose, instanceId: 'B' });
    const nearSlot = (t: number) => [13 * 60 + 30, 23 * 60 + 30].some((m) => Math.abs(((t % 86_400_000) / MINUTE) - m) <= 3);
    for (let t = Date.parse('2026-01-12T00:00:00Z'); t < Date.parse('2026-01-17T00:00:00Z'); t += MINUTE) {
      if (!nearSlot(t) && t % (30 * MINUTE) !== 0) continue;
      clock.set(t);
      await Promise.all([schedulerA.tick(new Date(t)), schedulerB.tick(new Date(t))]);
    }
    const sent = [...posterA.sent, ...posterB.sent].map((p) => `${p.channelId} ${p.replies[0]!.title}`);
    expect(sent).toHaveLength(new Set(sent).size);
    // 12 channels × the sessions of 12–16 January that each one's mornings reach by the 17th: New York 12–15, Seoul 12–16.
    expect(sent).toHaveLength(6 * 4 + 6 * 5);
    expect(posterA.sent.length).toBeGreaterThan(0);
    expect(posterB.sent.length).toBeGreaterThan(0);
  });
  it('post exactly once when two instances run in parallel threads', async () => {
    const { file, connect } = databaseFile();
    const setup = connect();
    for (let i = 0; i < 40; i++) createSubscriptionStore(setup).upsert(subscription({ channelId: `C${i}`, timeZone: i % 2 ? 'Asia/Seoul' : 'America/New_York' }));
    const nearSlot = (t: number) => [13 * 60 + 30, 23 * 60 + 30].some((m) => Math.abs(((t % 86_400_000) / MINUTE) - m) <= 2);
    const tickTimes: number[] = [];
    for (let t = Date.parse('2026-01-12T00:00:00Z'); t < Date.parse('2026-01-17T00:00:00Z'); t += MINUTE) if (nearSlot(t)) tickTimes.push(t);
    const run = (instanceId: string) =>
      new Promise<string[]>((resolve, reject) => {
        const worker = spawnTsWorker(new URL('./race-worker.ts', import.meta.url), { workerData: { file, instanceId, ticks: tickTimes } });
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    const [a, b] = await Promise.all([run('A'), run('B')]);
    const sent = [...a, ...b];
    expect(sent).toHaveLength(new Set(sent).size);
    expect(sent).toHaveLength(20 * 4 + 20 * 5);
  });
});

describe('platform failures', () => {
  it('retries with backoff and posts once the platform accepts', async () => {
    const db = memoryDb([NY]);
    const clock = simClock('2026-01-21T13:30:00Z');
    const poster = createRecordingPoster('slack');
    poster.failNext(new Error('503 Service Unavailable'), 2);
    const scheduler = schedulerOn(db, [poster], clock);
    const outcomes: string[] = [];
    for (let k = 0; k < 10; k++) {
      clock.set(SLOT + k * MINUTE);
      outcomes.push(...(await scheduler.tick(new Date(SLOT + k * MINUTE))).map((o) => `+${k} ${o.result}`));
    }
    expect(outcomes).toEqual(['+0 retry', '+1 retry', '+3 posted']);
    expect(poster.sent).toHaveLength(1);
    expect(createPostLedger(db).get(KEY)).toMatchObject({ status: 'posted', attempts: 2, error: undefined });
  });

  it('gives up at once on a permanent refusal', async () => {
    const db = memoryDb([NY]);
    const clock = simClock('2026-01-21T13:30:00Z');
    const poster = createRecordingPoster('slack');
    poster.failNext(new PermanentPostError('channel_not_found'));
    await ticks(schedulerOn(db, [poster], clock), clock, SLOT, 60);
    expect(poster.calls).toHaveLength(1);
    expect(createPostLedger(db).get(KEY)).toMatchObject({ status: 'failed', error: 'channel_not_found', attempts: 1 });
  });

  it('gives up after the last retry', async () => {
    const db = memoryDb([NY]);
    const clock = simClock('2026-01-21T13:30:00Z');
    const poster = createRecordingPoster('slack');
    poster.failNext(new Error('timeout'), 100);
    await ticks(schedulerOn(db, [poster], clock), clock, SLOT, 180);
    expect(poster.calls).toHaveLength(6);
    expect(createPostLedger(db).get(KEY)).toMatchObject({ status: 'failed', attempts: 6, error: 'timeout' });
  });
});

describe('late data and downtime', () => {
  it('waits for the report session, rechecking every 5 minutes, and posts when it arrives', async () => {
    const db = memoryDb([NY]);
    const clock = simClock('2026-01-21T13:30:00Z');
    const poster = createRecordingPoster('slack');
    const dataArrives = SLOT + 7 * MINUTE;
    const checks: number[] = [];
    const compose: ComposePost = async (request) => {
      checks.push((clock.ms - SLOT) / MINUTE);
      return clock.ms >= dataArrives ? instantCompose(request) : { status: 'not-ready', dataAsOf: '2026-01-16' };
    };
    await ticks(schedulerOn(db, [poster], clock, { compose }), clock, SLOT, 60);
    expect(checks).toEqual([0, 5, 10]);
    expect(poster.sent).toHaveLength(1);
  });

  it('posts with the older data once the wait is over, saying which session it has', async () => {
    const db = memoryDb([NY]);
    const clock = simClock('2026-01-21T13:30:00Z');
    const poster = createRecordingPoster('slack');
    const requests: { at: number; acceptStale: boolean }[] = [];
    const compose: ComposePost = async (request) => {
      requests.push({ at: (clock.ms - SLOT) / MINUTE, acceptStale: request.acceptStale });
      return request.acceptStale ? { ...(await instantCompose(request)), dataAsOf: '2026-01-16' } : { status: 'not-ready', dataAsOf: '2026-01-16' };
    };
    await ticks(schedulerOn(db, [poster], clock, { compose }), clock, SLOT, 60);
    expect(requests.map((r) => r.at)).toEqual([0, 5, 10, 15, 20, 25, 30]);
    expect(requests.at(-1)!.acceptStale).toBe(true);
    expect(createPostLedger(db).get(KEY)).toMatchObject({ status: 'posted', dataAsOf: '2026-01-16' });
  });

  it('sends a post missed by less than the grace period late, and skips and records an older one', async () => {
    const late = memoryDb([NY]);
    const clock = simClock('2026-01-21T15:29:00Z');
    const poster = createRecordingPoster('slack');
    await ticks(schedulerOn(late, [poster], clock), clock, SLOT + 119 * MINUTE, 1);
    expect(poster.sent).toHaveLength(1);

    const tooLate = memoryDb([NY]);
    const other = createRecordingPoster('slack');
    const scheduler = schedulerOn(tooLate, [other], clock);
    await ticks(scheduler, clock, SLOT + 121 * MINUTE, 30);
    expect(other.calls).toHaveLength(0);
    expect(createPostLedger(tooLate).get(KEY)).toMatchObject({ status: 'skipped', error: expect.stringContaining('missed') });
    await ticks(scheduler, clock, Date.parse('2026-01-22T13:30:00Z'), 1);
    expect(other.sent.map((p) => p.replies[0]!.title)).toEqual(['morning 2026-01-21']);
  });

  it('leaves subscriptions of platforms it cannot post to for other instances', async () => {
    const db = memoryDb([NY, subscription({ channelId: 'D1', platform: 'discord' })]);
    const clock = simClock('2026-01-21T13:30:00Z');
    const poster = createRecordingPoster('slack');
    await ticks(schedulerOn(db, [poster], clock), clock, SLOT, 1);
    expect(poster.sent.map((p) => p.channelId)).toEqual(['ny']);
    expect(createPostLedger(db).get({ platform: 'discord', channelId: 'D1', reportDate: '2026-01-20' })).toBeUndefined();
  });
});
