import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSlackBot } from '../../bots/slack/slack-bot.ts';
import type { SlackBot } from '../../bots/slack/slack-bot.ts';
import { startDiscordBot } from '../../bots/discord/discord-bot.ts';
import type { RunningDiscordBot } from '../../bots/discord/discord-bot.ts';
import { createServices } from '../../bots/services.ts';
import type { Running } from '../../bots/services.ts';
import { COMMANDS } from '../../commands/index.ts';
import { defineCommand } from '../../commands/define-command.ts';
import { loadConfig } from '../../core/config.ts';
import { createLogger } from '../../core/logger.ts';
import { MARKET_DATA_DIR } from '../helpers/market-data.ts';
import { startFakeSlack } from '../fakes/fake-slack.ts';
import type { FakeSlack } from '../fakes/fake-slack.ts';
import { postSigned, slashCommandBody } from '../fakes/slack-requests.ts';
import { FakeDiscord } from '../fakes/fake-discord.ts';
import { chatInput, str } from '../fakes/discord-interactions.ts';
import type { SentInteraction } from '../fakes/discord-interactions.ts';

type Line = { level: number; msg: string; code?: number; status?: number; errorId?: string; interactionId?: string; err?: { message?: string; code?: number; status?: number } };

function memoryLogger() {
  const lines: Line[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Line);
      done();
    },
  });
  return { log: createLogger('debug', { destination }), lines };
}

/** A public answer without a chart: goes out with chat.postMessage. */
const note = defineCommand({
  name: 'note',
  options: {},
  visibility: 'public',
  slow: false,
  examples: ['note'],
  run: async (_args, ctx) => ({
    replies: [
      { visibility: 'public', locale: ctx.locale, tone: 'neutral', title: 'Note', text: 'A public note.', fields: [], fallbackText: 'A public note.' },
      { visibility: 'public', locale: ctx.locale, tone: 'neutral', title: 'Second', text: 'A follow-up.', fields: [], fallbackText: 'A follow-up.' },
    ],
  }),
});

const unhandled: unknown[] = [];
const countUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeAll(() => void process.on('unhandledRejection', countUnhandled));
afterAll(() => {
  process.off('unhandledRejection', countUnhandled);
  expect(unhandled).toEqual([]);
});

describe('Slack platform faults: a clear message or a log line, never a crash', () => {
  let fake: FakeSlack;
  let running: Running;
  let bot: SlackBot;
  let lines: Line[];
  let n = 0;

  beforeAll(async () => {
    fake = await startFakeSlack({ U_EN: { locale: 'en-US' } });
    const config = loadConfig(
      { ROTATION_DATA_DIR: MARKET_DATA_DIR, ROTATION_AS_OF: '2026-01-20', ROTATION_DB_PATH: ':memory:', ROTATION_RENDER_POOL_SIZE: '1', SLACK_BOT_TOKEN: 'xoxb-faults', SLACK_SIGNING_SECRET: 'faults', SLACK_API_URL: fake.apiUrl },
      {},
    );
    const memory = memoryLogger();
    lines = memory.lines;
    running = createServices(config);
    bot = await startSlackBot({ config, services: running.services, registry: [...COMMANDS, note], log: memory.log, port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await bot?.stop();
    await running?.close();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  async function slash(command: string, text = '') {
    const id = `f${++n}`;
    const res = await postSigned(`http://127.0.0.1:${bot.port}/slack/events`, slashCommandBody({ command, text, response_url: fake.responseUrl(id) }), { secret: 'faults' });
    expect(res.status).toBe(200);
    return id;
  }
  const responseTo = (id: string) => fake.waitFor(() => fake.responses.find((r) => r.id === id), 15_000, `a post to ${id}`);

  it.each(['invalid_auth', 'ratelimited', 'channel_not_found'])('chat.postMessage failing with %s: the user gets a private apology with an id, the log has the cause', async (error) => {
    fake.failNext('chat.postMessage', error);
    const id = await slash('/note');
    const answer = await responseTo(id);
    const text = JSON.stringify(answer.body.blocks);
    if (error === 'channel_not_found') {
      // Not postable there: the numbers come privately with how to invite the bot.
      expect(text).toContain('A public note.');
      expect(text).toContain('/invite @Rotation Bot');
      return;
    }
    const errorId = /error ([0-9a-f]{8})/.exec(text)?.[1];
    expect(errorId).toBeDefined();
    const logged = lines.find((l) => l.errorId === errorId && l.msg === 'slack reply failed');
    expect(logged?.err?.message).toContain(error);
  });

  it('a 429 with Retry-After on chat.postMessage is waited out, and both replies arrive', async () => {
    fake.rateLimitNext('chat.postMessage', 1);
    await slash('/note');
    await fake.waitFor(() => fake.callsTo('chat.postMessage').filter((c) => c.status === 200).length === 2, 15_000, 'both messages');
    expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200, 200]);
  });

  it('a 429 that outlasts the retries becomes a private apology, not a crash', async () => {
    // More 429s in a row than the Web API client retries.
    for (let i = 0; i < 6; i++) fake.rateLimitNext('chat.postMessage', 1);
    const id = await slash('/note');
    const answer = await responseTo(id);
    expect(JSON.stringify(answer.body.blocks)).toMatch(/logged as error [0-9a-f]{8}/);
    expect(fake.callsTo('chat.postMessage').every((c) => c.status === 429)).toBe(true);
  });

  it('not_in_channel on the chart upload sends the numbers privately', async () => {
    fake.failNext('files.completeUploadExternal', 'not_in_channel');
    const answer = await responseTo(await slash('/smallcaps', 'ytd'));
    expect(JSON.stringify(answer.body.blocks)).toContain('+7.3 pp');
  });

  it('users.info failing with invalid_auth still answers, in the default language, and logs it', async () => {
    fake.failNext('users.info', 'invalid_auth');
    fake.setUser('U_NEW', { locale: 'ko-KR' });
    const id = `f${++n}`;
    await postSigned(`http://127.0.0.1:${bot.port}/slack/events`, slashCommandBody({ command: '/help', text: '', user_id: 'U_NEW', response_url: fake.responseUrl(id) }), { secret: 'faults' });
    const answer = await responseTo(id);
    expect(String(answer.body.text)).not.toMatch(/[\uac00-\ud7a3]/);
    expect(lines.some((l) => l.msg.startsWith('users.info failed'))).toBe(true);
  });
});

describe('Discord platform faults: a clear message or a log line, never a crash', () => {
  const APP_ID = '1234';
  let fake: FakeDiscord;
  let running: Running;
  let bot: RunningDiscordBot;
  let lines: Line[];

  beforeAll(async () => {
    fake = await FakeDiscord.start({ applicationId: APP_ID });
    const config = loadConfig(
      { ROTATION_DATA_DIR: MARKET_DATA_DIR, ROTATION_AS_OF: '2026-01-20', ROTATION_DB_PATH: ':memory:', ROTATION_RENDER_POOL_SIZE: '1', DISCORD_TOKEN: 'faults-token', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl },
      {},
    );
    const memory = memoryLogger();
    lines = memory.lines;
    running = createServices(config);
    bot = await startDiscordBot({ config, services: running.services, registry: [...COMMANDS, note], log: memory.log });
  });
  afterAll(async () => {
    await bot?.stop();
    await running?.close();
    await fake?.close();
  });

  const followUps = (i: SentInteraction) => fake.requestsFor(i).filter((r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${APP_ID}/${i.token}`);
  const handled = (i: SentInteraction) => fake.waitUntil(() => lines.find((l) => l.msg === 'discord interaction handled' && l.interactionId === i.id), 15_000, 'the interaction to be handled');

  it('a 500 on a follow-up is retried and the follow-up arrives', async () => {
    const i = chatInput(APP_ID, 'note');
    fake.respondNext('POST', new RegExp(`/webhooks/${APP_ID}/${i.token}$`), 1, { status: 500, body: { message: 'Internal Server Error', code: 0 } });
    fake.dispatchInteraction(i);
    await fake.waitUntil(() => followUps(i).find((r) => r.status === 200), 15_000, 'the follow-up');
    expect(followUps(i).map((r) => r.status)).toEqual([500, 200]);
  });

  it('a follow-up failing with 502 every time is logged with an error id; the first reply stands', async () => {
    const i = chatInput(APP_ID, 'note');
    fake.respondNext('POST', new RegExp(`/webhooks/${APP_ID}/${i.token}$`), 10, { status: 502, body: { message: 'Bad Gateway', code: 0 } });
    fake.dispatchInteraction(i);
    await handled(i);
    const logged = lines.find((l) => l.msg === 'could not answer an interaction' && l.interactionId === i.id);
    expect(logged?.errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(fake.requestsFor(i).find((r) => r.path.endsWith('/callback'))?.status).toBe(204);
  });

  it('a 429 on a follow-up is waited out', async () => {
    const i = chatInput(APP_ID, 'note');
    fake.rateLimitNext('POST', new RegExp(`/webhooks/${APP_ID}/${i.token}$`), 1, 0.1);
    fake.dispatchInteraction(i);
    await fake.waitUntil(() => followUps(i).find((r) => r.status === 200), 15_000, 'the follow-up');
    expect(followUps(i).map((r) => r.status)).toEqual([429, 200]);
  });

  it('an interaction that expired before the chart was ready (10062 on the edit) is a warning in the log', async () => {
    const i = chatInput(APP_ID, 'smallcaps', [str('period', 'ytd')]);
    fake.respondNext('PATCH', new RegExp(`/${i.token}/messages/@original$`), 1, { status: 404, body: { message: 'Unknown interaction', code: 10062 } });
    fake.dispatchInteraction(i);
    const logged = await fake.waitUntil(() => lines.find((l) => l.code === 10062 && l.interactionId === i.id), 15_000, 'the expiry warning');
    expect(logged.level).toBe(40);
  });

  it('missing permissions (50013) on a follow-up is a warning in the log', async () => {
    const i = chatInput(APP_ID, 'note');
    fake.respondNext('POST', new RegExp(`/webhooks/${APP_ID}/${i.token}$`), 1, { status: 403, body: { message: 'Missing Permissions', code: 50013 } });
    fake.dispatchInteraction(i);
    const logged = await fake.waitUntil(() => lines.find((l) => l.code === 50013 && l.interactionId === i.id), 15_000, 'the permission warning');
    expect(logged.level).toBe(40);
  });

  it('keeps answering after all of that', async () => {
    const i = chatInput(APP_ID, 'help');
    fake.dispatchInteraction(i);
    const callback = await fake.waitFor((r) => r.method === 'POST' && r.path.includes(`/interactions/${i.id}/`));
    expect((callback.json as { type: number }).type).toBe(4);
  });
});
