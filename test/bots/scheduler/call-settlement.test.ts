import { spawnTsWorker } from '../../../core/charts/spawn-ts-worker.ts';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandContext, Services } from '../../../commands/context.ts';
import type { Db } from '../../../core/store/open-database.ts';
import type { MarketData } from '../../../core/data/provider.ts';
import { COMMANDS } from '../../../commands/index.ts';
import { runText } from '../../../commands/dispatch.ts';
import { buildSettlementPost } from '../../../commands/call-settlement-post.ts';
import { createRecordingPoster } from '../../../bots/scheduler/recording-poster.ts';
import { createCallStore } from '../../../core/store/call-store.ts';
import { createPostLedger } from '../../../core/store/post-ledger.ts';
import { promised } from '../../../core/store/sqlite-store.ts';
import { wallStreetDateOf } from '../../../core/today.ts';
import { noLog, realServices } from '../../helpers/services.ts';
import { servicesComposer } from '../../../bots/scheduler/compose-post.ts';
import { MINUTE, memoryDb, schedulerOn, sharedDatabaseFiles, simClock, subscription } from './harness.ts';

const running = realServices('2026-01-20');
afterAll(() => running.close());

/** The real market data and calendar, with "today" and the clock following the simulated one. */
function servicesAt(clock: ReturnType<typeof simClock>, db: Db, market: MarketData = running.services.market): Services {
  return { ...running.services, charts: { render: async () => ({ png: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), width: 1, height: 1, alt: 'chart' }) }, market, now: clock.now, today: () => wallStreetDateOf(clock.now()), calls: promised(createCallStore(db)), postLedger: promised(createPostLedger(db)) };
}

async function makeCall(services: Services, line: string, over: Partial<CommandContext> = {}): Promise<string> {
  const ctx: CommandContext = { locale: 'en', services, platform: 'slack', userId: 'U1', channelId: 'C1', workspaceId: 'T1', commandPrefix: '/', ...over };
  const outcome = await runText(COMMANDS, line, ctx, noLog);
  expect(outcome.ok).toBe(true);
  return (outcome.output.result as { call: { id: string } }).call.id;
}

const settlementOf = (services: Services) => ({ calls: services.calls, compose: (call: Parameters<typeof buildSettlementPost>[1]) => buildSettlementPost(services, call) });
const MADE = '2026-01-20T22:00:00Z';
const CLOSE_FEB_3 = Date.parse('2026-02-03T21:00:00Z');

describe('a team call settled by the scheduler', () => {
  it('is posted in its channel once, at the first tick after the settlement close, with both returns, the spread and a miss', async () => {
    const clock = simClock(MADE);
    const db = memoryDb();
    const services = servicesAt(clock, db);
    const id = await makeCall(services, '/call side:small by:2026-02-03');
    const poster = createRecordingPoster('slack');
    const scheduler = schedulerOn(db, [poster], clock, { settlements: settlementOf(services) });
    for (const at of [CLOSE_FEB_3 - MINUTE, CLOSE_FEB_3, CLOSE_FEB_3 + MINUTE, CLOSE_FEB_3 + 86_400_000]) {
      clock.set(at);
      await scheduler.tick(new Date(at));
      expect(poster.sent).toHaveLength(at < CLOSE_FEB_3 ? 0 : 1);
    }
    const [post] = poster.sent;
    expect(post).toMatchObject({ channelId: 'C1', workspaceId: 'T1' });
    const reply = post!.replies[0]!;
    expect(reply).toMatchObject({ title: 'Call settled', visibility: 'public', tone: 'negative' });
    expect(reply.text).toContain('U1 called Russell 2000 (IWM) to beat S&P 500 (SPY) from the Jan 20, 2026 close');
    expect(reply.text).toContain('Settled at the Feb 3, 2026 close: IWM +0.08% vs SPY +1.76%, spread -1.69 pp. A miss.');
    expect(reply.footer).toContain('Data as of Feb 3, 2026');
    expect(createPostLedger(db).get({ platform: 'slack', channelId: 'C1', reportDate: `call:${id}` })).toMatchObject({ kind: 'call', status: 'posted', dataAsOf: '2026-02-03' });
  });

  it('is written in the language the call was made in', async () => {
    const clock = simClock(MADE);
    const db = memoryDb();
    const services = servicesAt(clock, db);
    await makeCall(services, '/call side:large by:2026-02-03', { locale: 'ko', platform: 'discord', channelId: 'D1', workspaceId: 'G1' });
    const poster = createRecordingPoster('discord');
    clock.set(CLOSE_FEB_3);
    await schedulerOn(db, [poster], clock, { settlements: settlementOf(services) }).tick(new Date(CLOSE_FEB_3));
    const reply = poster.sent[0]!.replies[0]!;
    expect(reply).toMatchObject({ title: '예측 판정', locale: 'ko', tone: 'positive' });
    expect(reply.text).toContain('적중');
  });

  it('waits while the settlement close is missing from the data, rechecking every 5 minutes, and posts when it arrives', async () => {
    const clock = simClock(MADE);
    const db = memoryDb();
    let arrived = false;
    const base = running.services.market;
    const late: MarketData = { ...base, getDaily: async (symbol) => {
      const series = await base.getDaily(symbol);
      return arrived ? series : { ...series, bars: series.bars.filter((b) => b.date !== '2026-02-03') };
    } };
    const services = servicesAt(clock, db, late);
    const id = await makeCall(services, '/call side:small by:2026-02-03');
    const poster = createRecordingPoster('slack');
    const scheduler = schedulerOn(db, [poster], clock, { settlements: settlementOf(services) });
    const results: string[] = [];
    for (let k = 0; k <= 12; k++) {
      const at = CLOSE_FEB_3 + k * MINUTE;
      clock.set(at);
      if (k === 12) arrived = true;
      results.push(...(await scheduler.tick(new Date(at))).map((o) => `+${k} ${o.result}`));
      if (k === 6) expect(createPostLedger(db).get({ platform: 'slack', channelId: 'C1', reportDate: `call:${id}` })).toMatchObject({ status: 'retry', error: expect.stringContaining("waiting for the 2026-02-03 session's prices") });
    }
    expect(results).toEqual(['+0 waiting', '+5 waiting', '+10 waiting']);
    for (const k of [13, 14, 15]) {
      clock.set(CLOSE_FEB_3 + k * MINUTE);
      results.push(...(await scheduler.tick(new Date(CLOSE_FEB_3 + k * MINUTE))).map((o) => `+${k} ${o.result}`));
    }
    expect(results).toEqual(['+0 waiting', '+5 waiting', '+10 waiting', '+15 posted']);
    expect(poster.sent).toHaveLength(1);
  });

  it('gives up when the prices never come within three days, and never posts a withdrawn call', async () => {
    const clock = simClock(MADE);
    const db = memoryDb();
    const base = running.services.market;
    const missing: MarketData = { ...base, getDaily: async (symbol) => ({ ...(await base.getDaily(symbol)), bars: (await base.getDaily(symbol)).bars.filter((b) => b.date < '2026-02-03') }) };
    const services = servicesAt(clock, db, missing);
    const id = await makeCall(services, '/call side:small by:2026-02-03');
    const withdrawn = await makeCall(services, '/call side:large by:2026-02-02', { channelId: 'C2' });
    expect((await runText(COMMANDS, `/call cancel id:${withdrawn}`, { locale: 'en', services, platform: 'slack', userId: 'U1', channelId: 'C2', commandPrefix: '/' }, noLog)).ok).toBe(true);
    const poster = createRecordingPoster('slack');
    const scheduler = schedulerOn(db, [poster], clock, { settlements: settlementOf(services) });
    const outcomes = [];
    for (const at of [CLOSE_FEB_3, CLOSE_FEB_3 + 3 * 86_400_000 + MINUTE]) {
      clock.set(at);
      outcomes.push(...(await scheduler.tick(new Date(at))).map((o) => `${o.reportDate} ${o.result}`));
    }
    expect(outcomes).toEqual([`call:${id} waiting`, `call:${id} expired`]);
    expect(poster.calls).toHaveLength(0);
    expect(createPostLedger(db).get({ platform: 'slack', channelId: 'C1', reportDate: `call:${id}` })).toMatchObject({ status: 'failed', error: expect.stringContaining('gave up after the grace period') });
  });
});

describe('the morning brief', () => {
  const mornings = (from: string, days: number) => Array.from({ length: days }, (_, k) => Date.parse(from) + k * 86_400_000);
  const settledField = (p: { replies: readonly { fields: readonly { label: string; value: string }[] }[] }) => p.replies[0]!.fields.find((f) => f.label === 'Calls settled since the last post')?.value;

  async function briefs(skip: readonly number[] = []) {
    const clock = simClock(MADE);
    const db = memoryDb([subscription({ channelId: 'C1', createdAt: Date.parse(MADE) })]);
    const services = servicesAt(clock, db);
    const id = await makeCall(services, '/call side:small by:2026-02-03');
    await makeCall(services, '/call side:large by:2026-02-03', { channelId: 'C9' });
    const poster = createRecordingPoster('slack');
    const scheduler = schedulerOn(db, [poster], clock, { compose: servicesComposer(services), settlements: settlementOf(services) });
    for (const at of mornings('2026-02-02T13:30:00Z', 4).filter((_, k) => !skip.includes(k)).flatMap((m) => [m, m + 9 * 60 * MINUTE])) {
      clock.set(at);
      await scheduler.tick(new Date(at));
    }
    return { id, morning: poster.sent.filter((p) => p.replies[0]!.title.startsWith('Morning brief')) };
  }

  it('mentions the channel’s calls settled since the previous post, and only in the next post', async () => {
    const { id, morning } = await briefs();
    // The Monday slot follows a weekend, which ends no session, so it is quiet.
    expect(morning.map((p) => p.replies[0]!.title.replace('Morning brief · small vs large caps · ', ''))).toEqual(['Feb 2, 2026', 'Feb 3, 2026', 'Feb 4, 2026']);
    expect(morning.map(settledField)).toEqual([
      undefined,
      `• \`${id}\` U1, Russell 2000 (IWM) over S&P 500 (SPY). Settled at the Feb 3, 2026 close: IWM +0.08% vs SPY +1.76%, spread -1.69 pp. A miss.`,
      undefined,
    ]);
  });

  it('still mentions a settlement after a missed morning post', async () => {
    const { morning } = await briefs([2]);
    expect(morning.map((p) => p.replies[0]!.title.endsWith('Feb 4, 2026'))).toEqual([false, true]);
    expect(morning.map(settledField).map((v) => v?.includes('A miss.'))).toEqual([undefined, true]);
  });
});

describe('two schedulers sharing one database file', () => {
  const databaseFile = sharedDatabaseFiles();

  it('post each call settlement exactly once between them, across weekends and a holiday', async () => {
    const shared = databaseFile();
    const a = shared.connect();
    const b = shared.connect();
    const clock = simClock(MADE);
    const made = servicesAt(clock, a);
    const deadlines = ['2026-01-30', '2026-02-03', '2026-02-07', '2026-02-14', '2026-02-16', '2026-02-20'];
    const ids: string[] = [];
    for (const [k, by] of deadlines.entries()) {
      for (const channelId of ['C1', 'C2']) ids.push(await makeCall(made, `/call side:${k % 2 ? 'large' : 'small'} by:${by}${k === 3 ? ' margin:0.5' : ''}`, { channelId, userId: `U${k}` }));
    }
    const posterA = createRecordingPoster('slack');
    const posterB = createRecordingPoster('slack');
    posterA.afterDelivery = posterB.afterDelivery = () => new Promise((r) => setImmediate(r));
    const schedulerA = schedulerOn(a, [posterA], clock, { settlements: settlementOf(servicesAt(clock, a)), instanceId: 'A' });
    const schedulerB = schedulerOn(b, [posterB], clock, { settlements: settlementOf(servicesAt(clock, b)), instanceId: 'B' });
    const nearClose = (t: number) => Math.abs(((t % 86_400_000) / MINUTE) - 21 * 60) <= 3;
    for (let t = Date.parse('2026-01-21T00:00:00Z'); t < Date.parse('2026-02-24T00:00:00Z'); t += MINUTE) {
      if (!nearClose(t) && t % (60 * MINUTE) !== 0) continue;
      clock.set(t);
      // Which instance starts its tick first alternates by day, so each wins some settlements and loses others.
      const pair = Math.floor(t / 86_400_000) % 2 ? [schedulerA, schedulerB] : [schedulerB, schedulerA];
      await Promise.all(pair.map((s) => s.tick(new Date(t))));
    }
    const sent = [...posterA.sent, ...posterB.sent].map((p) => `${p.channelId} ${/^Call `(\w+)`/m.exec(p.replies[0]!.text)?.[1]}`);
    expect(sent).toHaveLength(ids.length);
    expect(posterA.sent.length).toBeGreaterThan(0);
    expect(posterB.sent.length).toBeGreaterThan(0);
    expect(new Set(sent).size).toBe(ids.length);
    const ledger = createPostLedger(a);
    for (const [k, id] of ids.entries()) {
      expect(ledger.get({ platform: 'slack', channelId: k % 2 ? 'C2' : 'C1', reportDate: `call:${id}` })).toMatchObject({ status: 'posted' });
    }
    const settledOn = [...posterA.sent, ...posterB.sent].map((p) => /Settled at the (\w+ \d+), 2026 close/.exec(p.replies[0]!.text)?.[1]);
    expect(new Set(settledOn)).toEqual(new Set(['Jan 30', 'Feb 3', 'Feb 9', 'Feb 17', 'Feb 20']));
  });

  it('post each call settlement exactly once when two instances run in parallel threads', async () => {
    const { file, connect } = databaseFile();
    const setup = connect();
    const store = createCallStore(setup);
    const deadlines = ['2026-01-13', '2026-01-14', '2026-01-17', '2026-01-19', '2026-01-21'];
    for (let i = 0; i < 40; i++) {
      store.add({ id: `c${i}`, platform: 'slack', channelId: `C${i % 7}`, locale: 'en', userId: `U${i}`, madeAt: i, madeOn: '2026-01-12', side: 'small', smallSymbol: 'IWM', largeSymbol: 'SPY', deadline: deadlines[i % deadlines.length]!, marginPp: 0, start: { date: '2026-01-09', small: 1, large: 1 } });
    }
    const ticks: number[] = [];
    for (let t = Date.parse('2026-01-12T00:00:00Z'); t < Date.parse('2026-01-23T00:00:00Z'); t += MINUTE) if (Math.abs(((t % 86_400_000) / MINUTE) - 21 * 60) <= 2) ticks.push(t);
    const run = (instanceId: string) =>
      new Promise<string[]>((resolve, reject) => {
        const worker = spawnTsWorker(new URL('./race-worker.ts', import.meta.url), { workerData: { file, instanceId, ticks } });
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    const [a, b] = await Promise.all([run('A'), run('B')]);
    const sent = [...a, ...b];
    expect(sent).toHaveLength(40);
    expect(new Set(sent).size).toBe(40);
  });
});
