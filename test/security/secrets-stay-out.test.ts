import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackBot } from '../../bots/slack/slack-bot.ts';
import type { SlackBot } from '../../bots/slack/slack-bot.ts';
import { startDiscordBot } from '../../bots/discord/discord-bot.ts';
import type { RunningDiscordBot } from '../../bots/discord/discord-bot.ts';
import { createServices } from '../../bots/services.ts';
import type { Running } from '../../bots/services.ts';
import { COMMANDS } from '../../commands/index.ts';
import { defineCommand } from '../../commands/define-command.ts';
import { loadConfig } from '../../core/config.ts';
import type { Config } from '../../core/config.ts';
import { createLogger } from '../../core/logger.ts';
import { configSecrets } from '../../core/ops/scrub-secrets.ts';
import { MARKET_DATA_DIR } from '../helpers/market-data.ts';
import { startFakeSlack } from '../fakes/fake-slack.ts';
import type { FakeSlack } from '../fakes/fake-slack.ts';
import { nowSeconds, postSigned, slashCommandBody } from '../fakes/slack-requests.ts';
import { FakeDiscord } from '../fakes/fake-discord.ts';
import { chatInput, str } from '../fakes/discord-interactions.ts';
import type { SentInteraction } from '../fakes/discord-interactions.ts';

const SLACK_BOT_TOKEN = 'xoxb-1111111111-2222222222-SeCrEtSlAcKtOkEnVaLuE';
const SLACK_SIGNING_SECRET = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
const DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.SeCrEtDiScOrDtOkEnVaLuE_0123456789ab';
const APP_ID = '1234';

/** Every line the bot's own logger (core/logger.ts) writes, as written. */
function capturedLogger(config: Config) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { log: createLogger('trace', { secrets: configSecrets(config), destination }), lines };
}

/** A command that fails the way a careless library might: the credentials in its message and its fields. */
const leaky = defineCommand({
  name: 'leaky',
  options: {},
  visibility: 'public',
  slow: false,
  examples: ['leaky'],
  run: async () => {
    const error = new Error(`POST https://slack.com/api/chat.postMessage?token=${SLACK_BOT_TOKEN} failed; signing with ${SLACK_SIGNING_SECRET}; discord ${DISCORD_TOKEN}`);
    Object.assign(error, { config: { headers: { Authorization: `Bearer ${SLACK_BOT_TOKEN}`, 'X-Discord': `Bot ${DISCORD_TOKEN}` } } });
    throw error;
  },
});

/** A public answer without a chart, to exercise chat.postMessage. */
const note = defineCommand({
  name: 'note',
  options: {},
  visibility: 'public',
  slow: false,
  examples: ['note'],
  run: async (_args, ctx) => ({
    replies: [{ visibility: 'public', locale: ctx.locale, tone: 'neutral', title: 'Note', text: 'A public note.', fields: [], fallbackText: 'A public note.' }],
  }),
});

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeAll(() => void process.on('unhandledRejection', onUnhandled));
afterAll(() => void process.off('unhandledRejection', onUnhandled));

describe('Slack: tokens and the signing secret never reach logs or replies', () => {
  let fake: FakeSlack;
  let running: Running;
  let bot: SlackBot;
  let lines: string[];
  let url: string;

  beforeAll(async () => {
    fake = await startFakeSlack({ U_EN: { locale: 'en-US' } });
    const config = loadConfig(
      { ROTATION_DATA_DIR: MARKET_DATA_DIR, ROTATION_AS_OF: '2026-01-20', ROTATION_DB_PATH: ':memory:', ROTATION_RENDER_POOL_SIZE: '1', SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl },
      {},
    );
    const captured = capturedLogger(config);
    lines = captured.lines;
    running = createServices(config, { log: captured.log });
    bot = await startSlackBot({ config, services: running.services, registry: [...COMMANDS, leaky, note], log: captured.log, port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${bot.port}/slack/events`;

    const slash = (command: string, text: string, id: string, options: { secret?: string; timestamp?: number } = {}) =>
      postSigned(url, slashCommandBody({ command, text, response_url: fake.responseUrl(id) }), { secret: options.secret ?? SLACK_SIGNING_SECRET, ...(options.timestamp ? { timestamp: options.timestamp } : {}) });

    expect((await slash('/smallcaps', 'ytd', 'ok')).status).toBe(200);
    await fake.waitFor(() => fake.callsTo('files.completeUploadExternal')[0], 15_000, 'the chart upload');
    expect((await slash('/leaky', '', 'leaky')).status).toBe(200);
    await fake.waitFor(() => fake.responses.find((r) => r.id === 'leaky'), 10_000, 'the apology');
    fake.failNext('chat.postMessage', 'invalid_auth');
    expect((await slash('/note', '', 'auth')).status).toBe(200);
    await fake.waitFor(() => fake.responses.find((r) => r.id === 'auth'), 10_000, 'the apology for invalid_auth');
    expect((await slash('/help', '', 'forged', { secret: 'wrong-secret' })).status).toBe(401);
    expect((await slash('/help', '', 'stale', { timestamp: nowSeconds() - 600 })).status).toBe(401);
  }, 60_000);

  afterAll(async () => {
    await bot?.stop();
    await running?.close();
    await fake?.close();
  });

  it('exercised the failure paths: the internal error is logged with its id, scrubbed', () => {
    const entry = lines.map((l) => JSON.parse(l) as { msg: string; errorId?: string; err?: { message: string } }).find((l) => l.msg === 'command failed');
    expect(entry?.errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(entry?.err?.message).toContain('[redacted]');
    expect(lines.some((l) => l.includes('signature mismatch'))).toBe(true);
    expect(lines.some((l) => l.includes('invalid_auth'))).toBe(true);
  });

  it.each([
    ['the bot token', SLACK_BOT_TOKEN],
    ['the signing secret', SLACK_SIGNING_SECRET],
    ['any xoxb- token', 'xoxb-'],
  ])('%s is in no log line', (_what, secret) => {
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.filter((l) => l.includes(secret))).toEqual([]);
  });

  it.each([
    ['the bot token', SLACK_BOT_TOKEN],
    ['the signing secret', SLACK_SIGNING_SECRET],
  ])('%s is in no reply (response_url posts, messages, uploads)', (_what, secret) => {
    // What users can see: response_url posts, messages and uploads (auth.test carries the token to Slack by design).
    const shown = fake.calls.filter((c) => /^(chat|files)\./.test(c.method)).map((c) => c.params);
    const sent = JSON.stringify([fake.responses.map((r) => r.body), shown, fake.uploads.map((u) => u.bytes.toString('latin1'))]);
    expect(sent.includes('It has been logged as error')).toBe(true);
    expect(sent.includes(secret)).toBe(false);
  });

  it('raised no unhandled rejection', () => {
    expect(unhandled).toEqual([]);
  });
});

describe('Discord: the bot token and interaction tokens never reach logs or replies', () => {
  let fake: FakeDiscord;
  let running: Running;
  let bot: RunningDiscordBot;
  let lines: string[];
  const sent: SentInteraction[] = [];

  beforeAll(async () => {
    fake = await FakeDiscord.start({ applicationId: APP_ID });
    const config = loadConfig(
      { ROTATION_DATA_DIR: MARKET_DATA_DIR, ROTATION_AS_OF: '2026-01-20', ROTATION_DB_PATH: ':memory:', ROTATION_RENDER_POOL_SIZE: '1', DISCORD_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl },
      {},
    );
    const captured = capturedLogger(config);
    lines = captured.lines;
    running = createServices(config, { log: captured.log });
    bot = await startDiscordBot({ config, services: running.services, registry: [...COMMANDS, leaky], log: captured.log });

    const send = (i: SentInteraction) => (sent.push(i), fake.dispatchInteraction(i));
    const ok = chatInput(APP_ID, 'smallcaps', [str('period', 'ytd')]);
    send(ok);
    await fake.waitFor((r) => r.method === 'PATCH' && r.path.endsWith(`/${ok.token}/messages/@original`) && r.status === 200);

    const boom = chatInput(APP_ID, 'leaky');
    send(boom);
    await fake.waitFor((r) => r.method === 'POST' && r.path.includes(`/interactions/${boom.id}/`));

    const refused = chatInput(APP_ID, 'smallcaps', [str('period', '1m')]);
    fake.respondNext('PATCH', new RegExp(`/${refused.token}/messages/@original$`), 1, { status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    send(refused);
    await fake.waitFor((r) => r.method === 'POST' && r.path.endsWith(`/webhooks/${APP_ID}/${refused.token}`) && r.status === 200);

    const expired = chatInput(APP_ID, 'help');
    fake.respondNext('POST', new RegExp(`/interactions/${expired.id}/`), 1, { status: 404, body: { message: 'Unknown interaction', code: 10062 } });
    send(expired);
    await fake.waitUntil(() => lines.some((l) => l.includes('"code":10062')), 10_000, 'the expiry log');
  }, 60_000);

  afterAll(async () => {
    await bot?.stop();
    await running?.close();
    await fake?.close();
  });

  it('exercised the failure paths: a refused edit is logged with the failing route, its token scrubbed', () => {
    const entry = lines.map((l) => JSON.parse(l) as { msg: string; err?: { url?: string } }).find((l) => l.msg === 'could not answer an interaction');
    expect(entry?.err?.url).toMatch(/\/webhooks\/1234\/\[redacted\]\/messages\/(@|%40)original$/);
  });

  it('the bot token is in no log line and no request body', () => {
    expect(lines.filter((l) => l.includes(DISCORD_TOKEN))).toEqual([]);
    expect(JSON.stringify(fake.requests.map((r) => r.json)).includes(DISCORD_TOKEN)).toBe(false);
  });

  it('no interaction token is in any log line', () => {
    for (const i of sent) expect(lines.filter((l) => l.includes(i.token))).toEqual([]);
  });

  it('raised no unhandled rejection', () => {
    expect(unhandled).toEqual([]);
  });
});
