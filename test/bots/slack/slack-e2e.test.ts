import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSlackBot } from '../../../bots/slack/slack-bot.ts';
import type { SlackBot } from '../../../bots/slack/slack-bot.ts';
import { toMrkdwn } from '../../../bots/slack/render-slack.ts';
import { SLACK_LIMITS } from '../../../core/platform-limits.ts';
import { createServices } from '../../../bots/services.ts';
import type { Running } from '../../../bots/services.ts';
import { COMMANDS } from '../../../commands/index.ts';
import { encodeAction } from '../../../commands/actions.ts';
import { UserError } from '../../../core/user-error.ts';
import { defineCommand } from '../../../commands/define-command.ts';
import { runText } from '../../../commands/dispatch.ts';
import type { CommandContext } from '../../../commands/context.ts';
import { loadConfig } from '../../../core/config.ts';
import type { Config } from '../../../core/config.ts';
import type { Reply } from '../../../core/reply.ts';
import { memoryLogger } from '../../helpers/memory-logger.ts';
import { startFakeSlack } from '../../fakes/fake-slack.ts';
import type { FakeSlack } from '../../fakes/fake-slack.ts';
import { blockActionsBody, nowSeconds, postSigned, slashCommandBody, slashCommandPayload } from '../../fakes/slack-requests.ts';

const DATA_DIR = path.resolve(import.meta.dirname, '../../../../shared/market-data');
const SECRET = 'secret';
const HANGUL = /[\uAC00-\uD7A3]/;

/** A command that always fails, to see what the user gets for an internal error. */
const boom = defineCommand({
  name: 'boom',
  options: {},
  visibility: 'public',
  slow: false,
  examples: ['boom'],
  run: async () => {
    throw new Error('kaput');
  },
});

/** A public answer without a chart. */
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

/** Only channel managers may run it: it checks what the adapter says about the user. */
const purge = defineCommand({
  name: 'purge',
  options: {},
  visibility: 'ephemeral',
  slow: false,
  adminOnly: true,
  examples: ['purge'],
  run: async (_args, ctx) => {
    if (!ctx.isChannelAdmin) throw new UserError('input.unexpected', { value: 'purge is for workspace admins and owners' });
    return { replies: [{ visibility: 'ephemeral', locale: ctx.locale, tone: 'neutral', title: 'Purged', text: 'Done.', fields: [], fallbackText: 'Purged.' }] };
  },
});

function slackConfig(fake: FakeSlack, extra: Record<string, string> = {}): Config {
  return loadConfig(
    {
      ROTATION_DATA_DIR: DATA_DIR,
      ROTATION_AS_OF: '2026-01-20',
      ROTATION_DB_PATH: ':memory:',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      ...extra,
    },
    {},
  );
}

const blocksText = (blocks: unknown) => JSON.stringify(blocks);

describe('Slack end to end (real Bolt app, local fake Slack)', () => {
  let fake: FakeSlack;
  let running: Running;
  let bot: SlackBot;
  let logged: Record<string, unknown>[];
  let eventsUrl: string;
  let expected: Reply;
  let responseSeq = 0;

  /** Sends a signed slash command; its response_url is unique to this call. */
  async function slash(command: string, text: string, user = 'U_EN', channel = 'C_GENERAL') {
    const id = `r${++responseSeq}`;
    const started = performance.now();
    const res = await postSigned(eventsUrl, slashCommandBody({ command, text, user_id: user, channel_id: channel, response_url: fake.responseUrl(id) }), { secret: SECRET });
    return { res, ms: performance.now() - started, id, body: await res.text() };
  }

  const responseTo = (id: string) => fake.waitFor(() => fake.responses.find((r) => r.id === id), 10_000, `a post to response_url ${id}`);
  const uploadCompleted = () => fake.waitFor(() => fake.callsTo('files.completeUploadExternal')[0], 15_000, 'files.completeUploadExternal');

  beforeAll(async () => {
    fake = await startFakeSlack({ U_EN: { locale: 'en-US' }, U_KO: { locale: 'ko-KR' }, U_ADMIN: { locale: 'en-US', isAdmin: true } });
    const memory = memoryLogger();
    logged = memory.lines;
    running = createServices(slackConfig(fake));
    bot = await startSlackBot({ config: running.services.config, services: running.services, registry: [...COMMANDS, boom, note, purge], log: memory.log, port: 0, host: '127.0.0.1' });
    eventsUrl = `http://127.0.0.1:${bot.port}/slack/events`;
    const ctx: CommandContext = { locale: 'en', services: running.services, platform: 'console', userId: 'console', commandPrefix: '/' };
    const outcome = await runText(COMMANDS, '/smallcaps ytd', ctx, () => {});
    expected = outcome.output.replies[0]!;
  });

  afterAll(async () => {
    await bot?.stop();
    await running?.close();
    await fake?.close();
  });

  beforeEach(() => fake.reset());

  it('checks the bot token with auth.test before listening', async () => {
    const other = await startFakeSlack();
    try {
      other.failNext('auth.test', 'invalid_auth');
      const config = slackConfig(other);
      await expect(startSlackBot({ config, services: running.services, registry: COMMANDS, log: memoryLogger().log, port: 0, host: '127.0.0.1' })).rejects.toThrow(/SLACK_BOT_TOKEN.*invalid_auth/);
    } finally {
      await other.close();
    }
  });

  it('acks /smallcaps ytd within 3 s, then uploads the chart with the same numbers as the console', async () => {
    const { res, ms, body } = await slash('/smallcaps', 'ytd');
    expect(res.status).toBe(200);
    expect(body).toBe('');
    expect(ms).toBeLessThan(SLACK_LIMITS.ackMs);

    const complete = await uploadCompleted();
    const getUrl = fake.callsTo('files.getUploadURLExternal');
    expect(getUrl).toHaveLength(1);
    expect(fake.uploads).toHaveLength(1);
    const upload = fake.uploads[0]!;
    expect(getUrl[0]!.seq).toBeLessThan(upload.seq);
    expect(upload.seq).toBeLessThan(complete.seq);
    expect(upload.isPng).toBe(true);
    expect(Number(getUrl[0]!.params.length)).toBe(upload.bytes.length);
    expect(getUrl[0]!.params.alt_text).toBe(expected.chart!.alt);
    expect(getUrl[0]!.params.filename).toBe(expected.chart!.filename);

    expect(complete.params.channel_id).toBe('C_GENERAL');
    expect(complete.params.initial_comment).toBeUndefined();
    expect(complete.params.files).toEqual([{ id: upload.fileId, title: expected.title }]);
    const shown = blocksText(complete.params.blocks);
    expect(shown).toContain(JSON.stringify(expected.title).slice(1, -1));
    for (const field of expected.fields) expect(shown).toContain(JSON.stringify(toMrkdwn(field.value)).slice(1, -1));
    expect(expected.fields.map((f) => f.value).join(' ')).toMatch(/\+6\.7%/);
    expect(expected.fields.map((f) => f.value).join(' ')).toMatch(/[-−]0\.6%/);
    expect(shown).toContain('+7.3 pp');
    expect(shown).not.toContain('"image"');
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
    expect(fake.responses).toEqual([]);
  });

  it("looks up the user's locale with users.info and answers /help in Korean", async () => {
    const { res, id } = await slash('/help', '', 'U_KO');
    expect(res.status).toBe(200);
    const response = await responseTo(id);
    expect(response.body.response_type).toBe('ephemeral');
    expect(blocksText(response.body.blocks)).toContain('로테이션 봇');
    expect(String(response.body.text)).toMatch(HANGUL);
    const info = fake.callsTo('users.info').find((c) => c.params.user === 'U_KO');
    expect(info?.params.include_locale).toBe('true');
  });

  it('answers /help in English for an English-speaking user', async () => {
    const { id } = await slash('/help', '', 'U_EN');
    const response = await responseTo(id);
    expect(String(response.body.text)).not.toMatch(HANGUL);
    expect(blocksText(response.body.blocks)).toContain('/smallcaps');
  });

  it.skipIf(!COMMANDS.some((c) => c.name === 'explain'))('answers /explain in a Korean user’s language', async () => {
    const { res, id } = await slash('/explain', 'spread', 'U_KO');
    expect(res.status).toBe(200);
    const shown = await fake.waitFor(
      () => fake.responses.find((r) => r.id === id)?.body ?? fake.callsTo('chat.postMessage')[0]?.params ?? fake.callsTo('files.completeUploadExternal')[0]?.params,
      15_000,
      'the /explain answer',
    );
    expect(blocksText(shown.blocks)).toMatch(HANGUL);
  });

  it('answers an unknown period privately with the usage line', async () => {
    const { res, id } = await slash('/smallcaps', 'fortnight');
    expect(res.status).toBe(200);
    const response = await responseTo(id);
    expect(response.body.response_type).toBe('ephemeral');
    const shown = blocksText(response.body.blocks);
    expect(shown).toContain('fortnight');
    expect(shown).toContain('/smallcaps [period]');
    expect(fake.callsTo('files.getUploadURLExternal')).toEqual([]);
  });

  it('suggests the nearest choice for a mistyped one (basis:indx → index)', async () => {
    const { id } = await slash('/smallcaps', 'basis:indx');
    const response = await responseTo(id);
    expect(response.body.response_type).toBe('ephemeral');
    const shown = blocksText(response.body.blocks);
    expect(shown).toContain('Did you mean index?');
    expect(shown).toContain('/smallcaps [period]');
  });

  it('apologises privately with an error id for an internal error, and logs the same id', async () => {
    const { id } = await slash('/boom', '');
    const response = await responseTo(id);
    expect(response.body.response_type).toBe('ephemeral');
    const errorId = /error ([0-9a-f]{8})/.exec(blocksText(response.body.blocks))?.[1];
    expect(errorId).toBeDefined();
    const entry = logged.find((l) => l.errorId === errorId);
    expect(entry).toMatchObject({ command: 'boom', msg: 'command failed' });
    expect(JSON.stringify(entry)).toContain('kaput');
  });

  it('runs an admin-only command for a workspace admin and refuses it, privately, for anyone else', async () => {
    const refused = await slash('/purge', '', 'U_EN');
    expect(blocksText((await responseTo(refused.id)).body.blocks)).toContain('purge is for workspace admins and owners');
    const allowed = await slash('/purge', '', 'U_ADMIN');
    expect(blocksText((await responseTo(allowed.id)).body.blocks)).toContain('Purged');
  });

  describe('refuses requests Slack did not sign', () => {
    const body = () => slashCommandBody({ command: '/smallcaps', text: 'ytd', response_url: fake.responseUrl('forged') });
    it.each([
      ['a wrong signature', () => postSigned(eventsUrl, body(), { secret: 'not-the-secret' })],
      ['no signature', () => postSigned(eventsUrl, body(), { secret: SECRET, signature: null })],
      ['a timestamp older than 5 minutes', () => postSigned(eventsUrl, body(), { secret: SECRET, timestamp: nowSeconds() - 6 * 60 })],
      ['a timestamp more than 5 minutes ahead', () => postSigned(eventsUrl, body(), { secret: SECRET, timestamp: nowSeconds() + 6 * 60 })],
    ])('401 for %s, and nothing reaches Slack', async (_what, send) => {
      const res = await send();
      expect(res.status).toBe(401);
      // A signed request sent afterwards is answered; by then nothing from the refused one has arrived.
      const { id } = await slash('/help', '');
      await responseTo(id);
      expect(fake.responses.map((r) => r.id)).toEqual([id]);
      expect(fake.callsTo('chat.postMessage')).toEqual([]);
      expect(fake.callsTo('files.getUploadURLExternal')).toEqual([]);
      expect(fake.uploads).toEqual([]);
    });
  });

  it('acts once on a signed request replayed inside the five minutes', async () => {
    const body = slashCommandBody({ command: '/help', text: '', user_id: 'U_EN', channel_id: 'C_GENERAL', response_url: fake.responseUrl('replayed') });
    const timestamp = nowSeconds();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await postSigned(eventsUrl, body, { secret: SECRET, timestamp })).status);
    expect(statuses).toEqual([200, 200, 200]);
    await responseTo('replayed');
    const { id } = await slash('/help', '');
    await responseTo(id);
    expect(fake.responses.map((r) => r.id)).toEqual(['replayed', id]);
  });

  it('answers a signed JSON body of null with 400 at once', async () => {
    const res = await postSigned(eventsUrl, 'null', { secret: SECRET, contentType: 'application/json' });
    expect(res.status).toBe(400);
  });

  it('answers a slash command it does not know at once, privately, with the nearest names', async () => {
    const { res, id } = await slash('/smalcaps', 'ytd');
    expect(res.status).toBe(200);
    const response = await responseTo(id);
    expect(response.body.response_type).toBe('ephemeral');
    const shown = blocksText(response.body.blocks);
    expect(shown).toContain('smalcaps');
    expect(shown).toContain('/smallcaps');
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it.each(['not_in_channel', 'channel_not_found'])('sends the numbers privately with how to invite the bot when posting fails with %s', async (error) => {
    fake.failNext('files.completeUploadExternal', error);
    const { id } = await slash('/smallcaps', 'ytd');
    const response = await responseTo(id);
    expect(response.body.response_type).toBe('ephemeral');
    const shown = blocksText(response.body.blocks);
    expect(shown).toContain('/invite @Rotation Bot');
    expect(shown).toContain('+7.3 pp');
    expect(shown).not.toContain('rb:share');
  });

  it('sends the invite line in Korean to a Korean user', async () => {
    fake.failNext('files.completeUploadExternal', 'not_in_channel');
    const { id } = await slash('/smallcaps', 'ytd', 'U_KO');
    const response = await responseTo(id);
    expect(blocksText(response.body.blocks)).toContain('`/invite @Rotation Bot`로 저를 초대해 주세요');
  });

  it.each(['files.getUploadURLExternal', 'files.completeUploadExternal'])('retries %s after a 429 with Retry-After, then succeeds', async (method) => {
    fake.rateLimitNext(method, 1);
    const { res } = await slash('/smallcaps', 'ytd');
    expect(res.status).toBe(200);
    await fake.waitFor(() => fake.callsTo(method).some((c) => c.status === 200), 15_000, `${method} to succeed`);
    expect(fake.callsTo(method).map((c) => c.status)).toEqual([429, 200]);
    expect(fake.responses).toEqual([]);
  });

  it('posts a public answer without a chart with chat.postMessage, retrying after a 429', async () => {
    fake.rateLimitNext('chat.postMessage', 1);
    const { res } = await slash('/note', '');
    expect(res.status).toBe(200);
    await fake.waitFor(() => fake.callsTo('chat.postMessage').some((c) => c.status === 200), 15_000, 'chat.postMessage to succeed');
    const posts = fake.callsTo('chat.postMessage');
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect(posts[1]!.params).toMatchObject({ channel: 'C_GENERAL', text: 'A public note.' });
    expect(blocksText(posts[1]!.params.blocks)).toContain('A public note.');
  });

  it('falls back to a private answer when chat.postMessage says not_in_channel', async () => {
    fake.failNext('chat.postMessage', 'not_in_channel');
    const { id } = await slash('/note', '');
    const response = await responseTo(id);
    expect(response.body.response_type).toBe('ephemeral');
    expect(blocksText(response.body.blocks)).toContain('A public note.');
    expect(blocksText(response.body.blocks)).toContain('/invite @Rotation Bot');
  });

  it('answers a private /smallcaps without the image, with a button that posts the chart to the channel', async () => {
    const { id } = await slash('/smallcaps', 'ytd private:true');
    const response = await responseTo(id);
    expect(response.body.response_type).toBe('ephemeral');
    expect(fake.uploads).toEqual([]);
    const blocks = response.body.blocks as { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[];
    const buttons = blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
    const share = buttons.find((b) => b.value.startsWith('rb:s:smallcaps'));
    expect(share).toBeDefined();

    const press = await postSigned(eventsUrl, blockActionsBody({ actionId: share!.action_id, value: share!.value, response_url: fake.responseUrl('press'), label: share!.text.text }), { secret: SECRET });
    expect(press.status).toBe(200);
    const complete = await uploadCompleted();
    expect(complete.params.channel_id).toBe('C_GENERAL');
    expect(fake.uploads[0]!.isPng).toBe(true);
    expect(blocksText(complete.params.blocks)).toContain('+7.3 pp');
  });

  it('answers an explain-terms button privately', async () => {
    const value = encodeAction({ kind: 'explain-terms', label: 'Explain the terms', terms: ['spread', 'ratio'] });
    const press = await postSigned(eventsUrl, blockActionsBody({ actionId: value, value, response_url: fake.responseUrl('explain') }), { secret: SECRET });
    expect(press.status).toBe(200);
    const response = await responseTo('explain');
    expect(response.body.response_type).toBe('ephemeral');
    if (COMMANDS.some((c) => c.name === 'explain')) expect(blocksText(response.body.blocks)).not.toContain("That didn't work");
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
    expect(fake.uploads).toEqual([]);
  });
});

describe('Slack Socket Mode end to end', () => {
  let fake: FakeSlack;
  let running: Running;
  let bot: SlackBot | undefined;

  beforeAll(async () => {
    fake = await startFakeSlack({ U_KO: { locale: 'ko-KR' } });
    running = createServices(slackConfig(fake, { SLACK_APP_TOKEN: 'xapp-test' }));
  });

  afterAll(async () => {
    await bot?.stop();
    await running?.close();
    await fake?.close();
  });

  it('connects through apps.connections.open, acks a slash_commands envelope and answers', async () => {
    bot = await startSlackBot({ config: running.services.config, services: running.services, registry: COMMANDS, log: memoryLogger().log });
    expect(bot.mode).toBe('socket');
    await fake.socket.connected();
    const open = fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.headers.authorization).toBe('Bearer xapp-test');

    fake.socket.send({
      envelope_id: 'env-help',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: slashCommandPayload({ command: '/help', text: '', user_id: 'U_KO', response_url: fake.responseUrl('socket-help') }),
    });
    await fake.waitFor(() => fake.socket.received.find((m) => m.envelope_id === 'env-help'), SLACK_LIMITS.ackMs, 'the envelope ack within 3 s');
    const response = await fake.waitFor(() => fake.responses.find((r) => r.id === 'socket-help'), 10_000, 'the /help answer');
    expect(response.body.response_type).toBe('ephemeral');
    expect(blocksText(response.body.blocks)).toContain('로테이션 봇');

    fake.socket.send({
      envelope_id: 'env-smallcaps',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: slashCommandPayload({ command: '/smallcaps', text: 'ytd', response_url: fake.responseUrl('socket-smallcaps') }),
    });
    const complete = await fake.waitFor(() => fake.callsTo('files.completeUploadExternal')[0], 15_000, 'the chart upload');
    expect(fake.socket.received.some((m) => m.envelope_id === 'env-smallcaps')).toBe(true);
    expect(fake.uploads[0]!.isPng).toBe(true);
    expect(blocksText(complete.params.blocks)).toContain('+7.3 pp');
  });
});
