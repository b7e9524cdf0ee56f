import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { startDiscordBot } from '../../../bots/discord/discord-bot.ts';
import type { RunningDiscordBot } from '../../../bots/discord/discord-bot.ts';
import { renderDiscord } from '../../../bots/discord/render-discord.ts';
import { createServices } from '../../../bots/services.ts';
import type { Running } from '../../../bots/services.ts';
import { encodeAction } from '../../../commands/actions.ts';
import type { CommandContext } from '../../../commands/context.ts';
import { runText } from '../../../commands/dispatch.ts';
import { COMMANDS } from '../../../commands/index.ts';
import { loadConfig } from '../../../core/config.ts';
import { formatPercent, formatPp } from '../../../core/i18n/format.ts';
import { t } from '../../../core/i18n/translate.ts';
import { FakeDiscord, PNG_SIGNATURE } from '../../fakes/fake-discord.ts';
import type { RecordedRequest } from '../../fakes/fake-discord.ts';
import { autocomplete, bool, buttonPress, CHANNEL_ID, chatInput, GUILD_ID, str } from '../../fakes/discord-interactions.ts';
import type { SentInteraction, SentOption, Where } from '../../fakes/discord-interactions.ts';

const DATA_DIR = path.resolve(import.meta.dirname, '../../../../shared/market-data');
const APP_ID = '1234';
const EPHEMERAL = 64;
const hasExplain = COMMANDS.some((c) => c.name === 'explain');

type LogEntry = { level: number; msg: string; code?: number; errorId?: string; [key: string]: unknown };
type CallbackBody = { type: number; data?: { flags?: number; embeds?: APIEmbed[]; choices?: { name: string; value: string }[]; content?: string } };
type MessageBody = { content?: string; flags?: number; embeds?: APIEmbed[]; components?: { components: { custom_id: string; label: string; style: number }[] }[]; attachments?: { id: number; filename: string; description?: string }[] };

let fake: FakeDiscord;
let running: Running;
let bot: RunningDiscordBot;
const logs: LogEntry[] = [];

beforeAll(async () => {
  fake = await FakeDiscord.start({ applicationId: APP_ID });
  const config = loadConfig(
    {
      ROTATION_DATA_DIR: DATA_DIR,
      ROTATION_AS_OF: '2026-01-20',
      ROTATION_DB_PATH: ':memory:',
      ROTATION_RENDER_POOL_SIZE: '2',
      DISCORD_TOKEN: 'test-token',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
    },
    {},
  );
  running = createServices(config);
  const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogEntry) });
  bot = await startDiscordBot({ config, services: running.services, registry: COMMANDS, log });
});

afterAll(async () => {
  await bot?.stop();
  await running?.close();
  await fake?.close();
});

const callbackPath = (i: SentInteraction) => `/api/v10/interactions/${i.id}/${i.token}/callback`;
const originalPath = (i: SentInteraction) => `/api/v10/webhooks/${APP_ID}/${i.token}/messages/@original`;
const followUpPath = (i: SentInteraction) => `/api/v10/webhooks/${APP_ID}/${i.token}`;

function send(i: SentInteraction): number {
  return fake.dispatchInteraction(i);
}

const callbackOf = (i: SentInteraction) => fake.waitFor((r) => r.method === 'POST' && r.path === callbackPath(i));
const originalEdit = (i: SentInteraction) => fake.waitFor((r) => r.method === 'PATCH' && r.path === originalPath(i) && r.status === 200);
const followUp = (i: SentInteraction) => fake.waitFor((r) => r.method === 'POST' && r.path === followUpPath(i) && r.status === 200);
const body = <T>(r: RecordedRequest) => r.json as T;
const embedText = (e: APIEmbed | undefined) => JSON.stringify(e ?? {});

const command = (name: string, options: readonly SentOption[] = [], where: Where = {}) => chatInput(APP_ID, name, options, where);

function directContext(): CommandContext {
  return { locale: 'en', services: running.services, platform: 'discord', userId: 'direct', commandPrefix: '/' };
}

describe('Discord end to end, through the real discord.js client and a local fake Discord', () => {
  it('identifies with the Guilds, GuildMessages and DirectMessages intents only (no message content)', () => {
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0]).toMatchObject({ token: 'test-token', intents: 1 | (1 << 9) | (1 << 12) });
  });

  it('defers /smallcaps within 3 s, then edits in an embed with the console numbers and the PNG chart', async () => {
    const i = command('smallcaps', [str('period', 'ytd')]);
    const sentAt = send(i);
    const callback = await callbackOf(i);
    expect(callback.at - sentAt).toBeLessThan(3000);
    expect(body<CallbackBody>(callback).type).toBe(5);
    expect(body<CallbackBody>(callback).data?.flags ?? 0).toBe(0);

    const edit = await originalEdit(i);
    const message = body<MessageBody>(edit);
    const embed = message.embeds?.[0];
    expect(edit.files).toHaveLength(1);
    const png = edit.files[0]!;
    expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.bytes.length).toBeGreaterThan(1000);
    expect(embed?.image?.url).toBe(`attachment://${png.filename}`);
    expect(png.filename).toBe('smallcaps-2026-01-20.png');
    expect(message.attachments?.[0]?.description).toMatch(/^Line chart: /);

    const direct = await runText(COMMANDS, '/smallcaps ytd', directContext(), () => undefined);
    expect(direct.ok).toBe(true);
    const result = direct.output.result as { legs: { symbol: string; return: number }[]; spreadPp: number };
    const shown = embedText(embed);
    for (const leg of result.legs) expect(shown).toContain(formatPercent('en', leg.return));
    expect(shown).toContain(formatPp('en', result.spreadPp));
    expect(shown).toContain('+6.7%');
    expect(shown).toMatch(/[-−]0\.6%/);
    expect(shown).toContain('+7.3 pp');
    const expected = renderDiscord(direct.output.replies[0]!).embeds[0];
    expect(embed).toEqual(JSON.parse(JSON.stringify(expected)));
    const buttons = message.components?.flatMap((row) => row.components) ?? [];
    expect(buttons.map((b) => b.label)).toEqual([t('en', 'actions.explain')]);
  });

  it('answers /help at once (type 4), privately', async () => {
    const i = command('help');
    const sentAt = send(i);
    const callback = await callbackOf(i);
    expect(callback.at - sentAt).toBeLessThan(3000);
    const cb = body<CallbackBody>(callback);
    expect(cb.type).toBe(4);
    expect(cb.data?.flags).toBe(EPHEMERAL);
    expect(cb.data?.embeds?.[0]?.title).toBe(t('en', 'help.title'));
    expect(cb.data?.embeds?.[0]?.description).toContain('/smallcaps');
  });

  it('speaks Korean to a Korean client, in a DM too', async () => {
    const i = command('help', [], { locale: 'ko', in: 'dm' });
    send(i);
    const cb = body<CallbackBody>(await callbackOf(i));
    expect(cb.data?.embeds?.[0]?.title).toBe(t('ko', 'help.title'));
  });

  describe('autocomplete', () => {
    const suggestions = async (name: string, options: readonly SentOption[], where: Where = {}) => {
      const i = autocomplete(APP_ID, name, options, where);
      const sentAt = send(i);
      const callback = await callbackOf(i);
      expect(callback.at - sentAt).toBeLessThan(3000);
      const cb = body<CallbackBody>(callback);
      expect(cb.type).toBe(8);
      expect(cb.data?.choices?.length).toBeLessThanOrEqual(25);
      for (const c of cb.data?.choices ?? []) expect(c.name.length).toBeLessThanOrEqual(100);
      return cb.data?.choices ?? [];
    };

    it('suggests large-cap symbols for /smallcaps vs', async () => {
      const choices = await suggestions('smallcaps', [str('period', 'ytd'), str('vs', 'q', true)]);
      expect(choices.map((c) => c.value)).toContain('QQQ');
      expect(choices.every((c) => c.value.toLowerCase().includes('q'))).toBe(true);
    });

    it('suggests periods for an empty /smallcaps period, at most 25', async () => {
      const choices = await suggestions('smallcaps', [str('period', '', true)]);
      expect(choices.map((c) => c.value)).toContain('ytd');
    });

    it('suggests command names for /help', async () => {
      const choices = await suggestions('help', [str('command', 'sma', true)]);
      expect(choices.map((c) => c.value)).toEqual(['smallcaps']);
    });

    it('answers an unknown command with no suggestions rather than silence', async () => {
      expect(await suggestions('retired-command', [str('x', 'a', true)])).toEqual([]);
    });

    it.skipIf(!hasExplain)('puts tax-loss-selling first for the typo "tax los" in /explain', async () => {
      const choices = await suggestions('explain', [str('term', 'tax los', true)]);
      expect(choices[0]?.value).toBe('tax-loss-selling');
    });

    it.skipIf(!hasExplain)('suggests Korean names to a Korean client in /explain', async () => {
      const choices = await suggestions('explain', [str('term', 'tax', true)], { locale: 'ko' });
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.some((c) => /[\uac00-\ud7a3]/.test(c.name))).toBe(true);
    });
  });

  describe('mistakes', () => {
    it('answers an invalid choice at once, privately, naming the option and the usage', async () => {
      const i = command('smallcaps', [str('basis', 'bogus')]);
      send(i);
      const cb = body<CallbackBody>(await callbackOf(i));
      expect(cb.type).toBe(4);
      expect(cb.data?.flags).toBe(EPHEMERAL);
      const text = embedText(cb.data?.embeds?.[0]);
      expect(text).toContain('basis');
      expect(text).toContain('bogus');
      expect(text).toContain('/smallcaps [period]');
    });

    it('answers an unknown period privately at once, before any public placeholder', async () => {
      const i = command('smallcaps', [str('period', 'fortnight')]);
      send(i);
      const cb = body<CallbackBody>(await callbackOf(i));
      expect(cb.type).toBe(4);
      expect(cb.data?.flags).toBe(EPHEMERAL);
      expect(embedText(cb.data?.embeds?.[0])).toContain('fortnight');
      expect(fake.requestsFor(i).filter((r) => r.path !== callbackPath(i))).toEqual([]);
    });

    it('replaces the public placeholder with a private explanation when the data has no such symbol', async () => {
      const i = command('smallcaps', [str('period', 'ytd'), str('vs', 'ZZZZ')]);
      send(i);
      expect(body<CallbackBody>(await callbackOf(i)).type).toBe(5);
      await fake.waitFor((r) => r.method === 'DELETE' && r.path === originalPath(i));
      const message = body<MessageBody>(await followUp(i));
      expect(message.flags).toBe(EPHEMERAL);
      expect(embedText(message.embeds?.[0])).toContain('ZZZZ');
      expect(fake.requestsFor(i).some((r) => r.method === 'PATCH')).toBe(false);
    });
  });

  describe('buttons', () => {
    it('shares a private answer to the channel when "Share to channel" is pressed', async () => {
      const asked = command('smallcaps', [str('period', 'ytd'), bool('private', true)]);
      send(asked);
      const deferred = body<CallbackBody>(await callbackOf(asked));
      expect(deferred).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
      const privately = body<MessageBody>(await originalEdit(asked));
      const share = privately.components?.flatMap((row) => row.components).find((b) => b.label === t('en', 'actions.share'));
      expect(share?.style).toBe(1);

      const press = buttonPress(APP_ID, share!.custom_id, { ephemeralMessage: true });
      const sentAt = send(press);
      const callback = await callbackOf(press);
      expect(callback.at - sentAt).toBeLessThan(3000);
      expect(body<CallbackBody>(callback).type).toBe(5);
      expect(body<CallbackBody>(callback).data?.flags ?? 0).toBe(0);
      const shared = await originalEdit(press);
      expect(shared.files[0]?.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(embedText(body<MessageBody>(shared).embeds?.[0])).toContain('+7.3 pp');
      expect(body<MessageBody>(shared).components?.flatMap((row) => row.components).map((b) => b.label)).not.toContain(t('en', 'actions.share'));
    });

    it('answers "Explain the terms" privately', async () => {
      const press = buttonPress(APP_ID, encodeAction({ kind: 'explain-terms', label: 'Explain', terms: ['spread', 'drawdown'] }));
      send(press);
      const cb = body<CallbackBody>(await callbackOf(press));
      expect(cb.data?.flags).toBe(EPHEMERAL);
      // Answered directly (type 4) or deferred privately and edited, depending on whether /explain is slow.
      const answered = cb.type === 4 ? cb.data : body<MessageBody>(await originalEdit(press));
      expect(answered?.embeds?.length).toBe(1);
      if (!hasExplain) expect(embedText(answered?.embeds?.[0])).toContain('explain');
    });

    it('explains a button it does not know', async () => {
      const press = buttonPress(APP_ID, 'someone-else:button');
      send(press);
      const cb = body<CallbackBody>(await callbackOf(press));
      expect(cb).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    });
  });

  describe('Discord failing', () => {
    it('waits out a 429 on the edit and then edits', async () => {
      const i = command('smallcaps', [str('period', '1m')]);
      fake.rateLimitNext('PATCH', new RegExp(`/${i.token}/messages/@original$`), 1, 0.2);
      send(i);
      await originalEdit(i);
      const edits = fake.requestsFor(i).filter((r) => r.method === 'PATCH');
      expect(edits.map((r) => r.status)).toEqual([429, 200]);
      expect(edits[1]!.at - edits[0]!.at).toBeGreaterThanOrEqual(200);
      expect(edits[1]!.files).toHaveLength(1);
    });

    it('waits out a 429 on a follow-up and then sends it', async () => {
      const i = command('smallcaps', [str('period', 'ytd'), str('vs', 'ZZZZ')]);
      fake.rateLimitNext('POST', new RegExp(`/webhooks/${APP_ID}/${i.token}$`), 1, 0.2);
      send(i);
      await followUp(i);
      expect(fake.requestsFor(i).filter((r) => r.path === followUpPath(i)).map((r) => r.status)).toEqual([429, 200]);
    });

    it('logs an interaction that expired before the defer, and keeps answering others', async () => {
      const late = command('smallcaps', [str('period', 'ytd')]);
      fake.respondNext('POST', new RegExp(`/interactions/${late.id}/`), 1, { status: 404, body: { message: 'Unknown interaction', code: 10062 } });
      send(late);
      await fake.waitUntil(() => logs.find((l) => l.code === 10062 && l.interactionId === late.id), 10_000, 'expiry log');
      expect(fake.requestsFor(late).filter((r) => r.method !== 'POST' || r.path !== callbackPath(late))).toEqual([]);

      const next = command('help');
      send(next);
      expect(body<CallbackBody>(await callbackOf(next)).type).toBe(4);
    });

    it('logs missing permissions as a warning', async () => {
      const i = command('help');
      fake.respondNext('POST', new RegExp(`/interactions/${i.id}/`), 1, { status: 403, body: { message: 'Missing Permissions', code: 50013 } });
      send(i);
      const entry = await fake.waitUntil(() => logs.find((l) => l.code === 50013 && l.interactionId === i.id), 10_000, 'permission log');
      expect(entry.level).toBe(40);
    });

    it('apologises with an error id when the edit is refused, and logs the same id', async () => {
      const i = command('smallcaps', [str('period', '3m')]);
      fake.respondNext('PATCH', new RegExp(`/${i.token}/messages/@original$`), 1, { status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
      send(i);
      const apology = body<MessageBody>(await followUp(i));
      const entry = logs.find((l) => l.msg === 'could not answer an interaction' && l.interactionId === i.id);
      expect(entry?.errorId).toMatch(/^[0-9a-f]{8}$/);
      expect(embedText(apology.embeds?.[0])).toContain(entry!.errorId!);
    });
  });

  it('subscribes a guild channel to the morning post for a member who may manage it, recording the guild', async () => {
    const i = command('rotation', [str('action', 'subscribe'), str('time', '08:30')], { manageChannels: true });
    send(i);
    const answer = body<CallbackBody>(await callbackOf(i));
    expect(answer.data?.flags ?? 0).toBe(0);
    const stored = await fake.waitUntil(() => running.services.subscriptions.get('discord', CHANNEL_ID), 5000, 'the subscription');
    expect(stored).toMatchObject({ channelId: CHANNEL_ID, workspaceId: GUILD_ID, time: '08:30' });
  });

  describe('scheduled posts', () => {
    it('posts a public message with the chart to a channel of a guild it is in', async () => {
      fake.guildCreate('5000', '6200');
      await fake.waitUntil(() => bot.client.channels.cache.has('6200'), 5000, 'guild channel cached');
      const direct = await runText(COMMANDS, '/smallcaps ytd private:true', directContext(), () => undefined);
      await bot.poster.post('6200', direct.output.replies);
      const sent = await fake.waitFor((r) => r.method === 'POST' && r.path === '/api/v10/channels/6200/messages');
      const message = body<MessageBody>(sent);
      expect(message.flags ?? 0).toBe(0);
      expect(embedText(message.embeds?.[0])).toContain('+7.3 pp');
      expect(sent.files[0]?.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(message.components?.flatMap((row) => row.components).map((b) => b.label)).toEqual([t('en', 'actions.explain')]);
    });

    it('gives up at once on a channel it cannot see', async () => {
      const direct = await runText(COMMANDS, '/help', directContext(), () => undefined);
      await expect(bot.poster.post('999', direct.output.replies)).rejects.toMatchObject({ name: 'PermanentPostError' });
    });
  });

  it('disconnects from the gateway on stop', async () => {
    expect(fake.openSockets).toBe(1);
    await bot.stop();
    await fake.waitUntil(() => fake.openSockets === 0, 5000, 'gateway close');
    expect(bot.client.isReady()).toBe(false);
  });
});
