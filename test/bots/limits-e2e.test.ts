import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackBot } from '../../bots/slack/slack-bot.ts';
import type { SlackBot } from '../../bots/slack/slack-bot.ts';
import { startDiscordBot } from '../../bots/discord/discord-bot.ts';
import type { RunningDiscordBot } from '../../bots/discord/discord-bot.ts';
import { createServices } from '../../bots/services.ts';
import type { Running } from '../../bots/services.ts';
import { COMMANDS } from '../../commands/index.ts';
import { commandGateFor } from '../../commands/command-gate.ts';
import type { CommandGate } from '../../commands/command-gate.ts';
import type { Services } from '../../commands/context.ts';
import { loadConfig } from '../../core/config.ts';
import type { Config } from '../../core/config.ts';
import { createLogger } from '../../core/logger.ts';
import { MARKET_DATA_DIR } from '../helpers/market-data.ts';
import { startFakeSlack } from '../fakes/fake-slack.ts';
import type { FakeSlack } from '../fakes/fake-slack.ts';
import { postSigned, slashCommandBody } from '../fakes/slack-requests.ts';
import { FakeDiscord } from '../fakes/fake-discord.ts';
import { chatInput, str } from '../fakes/discord-interactions.ts';
import type { SentInteraction } from '../fakes/discord-interactions.ts';

const quiet = () => createLogger('silent', { destination: new Writable({ write: (_c, _e, done) => done() }) });
const EPHEMERAL = 64;

const limits = { ROTATION_RATE_USER_PER_MIN: '2', ROTATION_RATE_CHANNEL_PER_MIN: '3', ROTATION_MAX_CONCURRENT: '1' };

/** Services whose chart renderer reports how many charts it draws at once. */
function countingRenders(services: Services) {
  const seen = { now: 0, max: 0, total: 0 };
  const charts = {
    async render(spec: Parameters<Services['charts']['render']>[0]) {
      seen.now += 1;
      seen.total += 1;
      seen.max = Math.max(seen.max, seen.now);
      try {
        return await services.charts.render(spec);
      } finally {
        seen.now -= 1;
      }
    },
  };
  return { services: { ...services, charts }, seen };
}

const unhandled: unknown[] = [];
const countUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeAll(() => void process.on('unhandledRejection', countUnhandled));
afterAll(() => {
  process.off('unhandledRejection', countUnhandled);
  expect(unhandled).toEqual([]);
});

describe('limits on Slack', () => {
  let fake: FakeSlack;
  let running: Running;
  let bot: SlackBot;
  let gate: CommandGate;
  let n = 0;

  beforeAll(async () => {
    fake = await startFakeSlack({ U_A: { locale: 'en-US' }, U_B: { locale: 'en-US' }, U_KO: { locale: 'ko-KR' } });
    const config: Config = loadConfig(
      { ROTATION_DATA_DIR: MARKET_DATA_DIR, ROTATION_AS_OF: '2026-01-20', ROTATION_DB_PATH: ':memory:', ROTATION_RENDER_POOL_SIZE: '1', SLACK_BOT_TOKEN: 'xoxb-limits', SLACK_SIGNING_SECRET: 'limits', SLACK_API_URL: fake.apiUrl, ...limits },
      {},
    );
    running = createServices(config);
    gate = commandGateFor(config);
    bot = await startSlackBot({ config, services: running.services, registry: COMMANDS, log: quiet(), port: 0, host: '127.0.0.1', gate });
  });
  afterAll(async () => {
    await bot?.stop();
    await running?.close();
    await fake?.close();
  });

  async function slash(command: string, text: string, user: string, channel: string) {
    const id = `l${++n}`;
    const res = await postSigned(`http://127.0.0.1:${bot.port}/slack/events`, slashCommandBody({ command, text, user_id: user, channel_id: channel, response_url: fake.responseUrl(id) }), { secret: 'limits' });
    expect(res.status).toBe(200);
    return id;
  }
  const responseTo = (id: string) => fake.waitFor(() => fake.responses.find((r) => r.id === id), 15_000, `a post to ${id}`);
  const uploadsTo = (channel: string) => fake.callsTo('files.completeUploadExternal').filter((c) => c.params.channel_id === channel);

  it('answers a user’s third chart in a minute with "try again in N s", privately, and draws nothing', async () => {
    for (let i = 0; i < 2; i++) await slash('/smallcaps', 'ytd', 'U_A', 'C_ONE');
    await fake.waitFor(() => uploadsTo('C_ONE').length === 2, 20_000, 'two charts');
    const refused = await responseTo(await slash('/smallcaps', '1m', 'U_A', 'C_ONE'));
    expect(refused.body.response_type).toBe('ephemeral');
    expect(String(refused.body.text)).toMatch(/^One moment: You've asked for 2 charts or scenarios in the last minute, the most I run for one person\. Try again in \d+ s\.$/);
    expect(uploadsTo('C_ONE')).toHaveLength(2);
  });

  it('limits a channel across users, in the user’s language', async () => {
    for (const user of ['U_B', 'U_KO']) await slash('/smallcaps', 'ytd', user, 'C_TWO');
    await fake.waitFor(() => uploadsTo('C_TWO').length === 2, 20_000, 'two charts');
    await slash('/smallcaps', 'ytd', 'U_B', 'C_TWO');
    await fake.waitFor(() => uploadsTo('C_TWO').length === 3, 20_000, 'a third chart');
    const refused = await responseTo(await slash('/smallcaps', 'ytd', 'U_KO', 'C_TWO'));
    expect(String(refused.body.text)).toContain('이 채널에서 최근 1분 동안 차트나 시나리오를 3번 요청했어요');
  });

  it('never limits quick commands', async () => {
    for (let i = 0; i < 5; i++) expect((await responseTo(await slash('/help', '', 'U_A', 'C_ONE'))).body.response_type).toBe('ephemeral');
  });

  it('answers "restarting, try again" once shutdown began', async () => {
    gate.inflight.stopAccepting();
    const answer = await responseTo(await slash('/help', '', 'U_B', 'C_THREE'));
    expect(String(answer.body.text)).toBe("One moment: I'm restarting. Try again in a moment.");
    await expect(gate.inflight.drain(5_000)).resolves.toEqual({ drained: true, remaining: 0 });
  });
});

describe('limits on Discord', () => {
  const APP_ID = '1234';
  let fake: FakeDiscord;
  let running: Running;
  let bot: RunningDiscordBot;
  let gate: CommandGate;
  let seen: { now: number; max: number; total: number };

  beforeAll(async () => {
    fake = await FakeDiscord.start({ applicationId: APP_ID });
    const config = loadConfig(
      { ROTATION_DATA_DIR: MARKET_DATA_DIR, ROTATION_AS_OF: '2026-01-20', ROTATION_DB_PATH: ':memory:', ROTATION_RENDER_POOL_SIZE: '2', DISCORD_TOKEN: 'limits-token', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, ...limits, ROTATION_RATE_CHANNEL_PER_MIN: '50' },
      {},
    );
    running = createServices(config);
    const counting = countingRenders(running.services);
    seen = counting.seen;
    gate = commandGateFor(config);
    bot = await startDiscordBot({ config, services: counting.services, registry: COMMANDS, log: quiet(), gate });
  });
  afterAll(async () => {
    await bot?.stop();
    await running?.close();
    await fake?.close();
  });

  const callbackOf = (i: SentInteraction) => fake.waitFor((r) => r.method === 'POST' && r.path.includes(`/interactions/${i.id}/`));
  const editOf = (i: SentInteraction) => fake.waitFor((r) => r.method === 'PATCH' && r.path.endsWith(`/${i.token}/messages/@original`) && r.status === 200, 20_000);

  it('queues slow commands behind ROTATION_MAX_CONCURRENT: all answered, one chart at a time', async () => {
    const burst = ['7001', '7002', '7003', '7004'].map((user) => chatInput(APP_ID, 'smallcaps', [str('period', 'ytd')], { userId: user }));
    for (const i of burst) fake.dispatchInteraction(i);
    for (const i of burst) expect((await callbackOf(i)).json).toMatchObject({ type: 5 });
    await Promise.all(burst.map(editOf));
    expect(seen.total).toBe(4);
    expect(seen.max).toBe(1);
  });

  it('answers a user’s third chart in a minute at once and privately, without deferring', async () => {
    const asks = [0, 1, 2].map(() => chatInput(APP_ID, 'smallcaps', [str('period', '1m')], { userId: '7100' }));
    for (const i of asks.slice(0, 2)) {
      fake.dispatchInteraction(i);
      await editOf(i);
    }
    fake.dispatchInteraction(asks[2]!);
    const callback = (await callbackOf(asks[2]!)).json as { type: number; data: { flags: number; embeds: { description: string }[] } };
    expect(callback.type).toBe(4);
    expect(callback.data.flags).toBe(EPHEMERAL);
    expect(callback.data.embeds[0]!.description).toMatch(/^You've asked for 2 charts or scenarios in the last minute.*Try again in \d+ s\.$/);
  });

  it('answers "restarting" once shutdown began, and drains', async () => {
    gate.inflight.stopAccepting();
    const i = chatInput(APP_ID, 'help', [], { locale: 'ko' });
    fake.dispatchInteraction(i);
    const callback = (await callbackOf(i)).json as { type: number; data: { embeds: { description: string }[] } };
    expect(callback.data.embeds[0]!.description).toBe('봇을 다시 시작하는 중이에요. 잠시 후에 다시 시도해 주세요.');
    await expect(gate.inflight.drain(5_000)).resolves.toEqual({ drained: true, remaining: 0 });
  });
});
