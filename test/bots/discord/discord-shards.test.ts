import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { startShardedDiscord } from '../../../bots/discord/sharded-discord.ts';
import type { ShardedDiscord } from '../../../bots/discord/sharded-discord.ts';
import { createServices } from '../../../bots/services.ts';
import type { Running } from '../../../bots/services.ts';
import { runText } from '../../../commands/dispatch.ts';
import { COMMANDS } from '../../../commands/index.ts';
import { loadConfig } from '../../../core/config.ts';
import { FakeDiscord, PNG_SIGNATURE, shardOfGuild } from '../../fakes/fake-discord.ts';
import { chatInput, str } from '../../fakes/discord-interactions.ts';
import type { SentInteraction } from '../../fakes/discord-interactions.ts';

const DATA_DIR = path.resolve(import.meta.dirname, '../../../../shared/market-data');
const APP_ID = '1234';
/** Guilds whose events Discord routes to shard 0 and to shard 1 of two (`(id >> 22) % 2`). */
const GUILD_ON_SHARD_0 = String(2n << 22n);
const GUILD_ON_SHARD_1 = String(3n << 22n);

type LogEntry = { level: number; msg: string; shard?: number };
type MessageBody = { embeds?: APIEmbed[]; flags?: number };

let fake: FakeDiscord;
let sharded: ShardedDiscord;
let dir: string;
let running: Running;
const logs: LogEntry[] = [];

beforeAll(async () => {
  fake = await FakeDiscord.start({ applicationId: APP_ID, shards: 2 });
  dir = mkdtempSync(path.join(tmpdir(), 'rotation-shards-'));
  const settings = {
    ROTATION_DATA_DIR: DATA_DIR,
    ROTATION_AS_OF: '2026-01-20',
    ROTATION_DB_PATH: path.join(dir, 'rotation.db'),
    ROTATION_RENDER_POOL_SIZE: '1',
    LOG_LEVEL: 'warn',
    DISCORD_TOKEN: 'shard-test-token',
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_SHARDS: 'auto',
  };
  const config = loadConfig(settings, {});
  running = createServices(config);
  const log = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogEntry) });
  sharded = await startShardedDiscord({ config: { ...config, DISCORD_SHARDS: 'auto', DISCORD_TOKEN: 'shard-test-token' }, settings, log, spawnDelayMs: 0 });
}, 120_000);

afterAll(async () => {
  await sharded?.stop();
  await running?.close();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const command = (name: string, options: Parameters<typeof chatInput>[2], guildId: string) => chatInput(APP_ID, name, options, { guildId });
const originalEdit = (i: SentInteraction) =>
  fake.waitFor((r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${APP_ID}/${i.token}/messages/@original` && r.status === 200, 30_000);
const embedText = (body: unknown) => JSON.stringify((body as MessageBody).embeds ?? []);

describe('Discord under the sharding manager', () => {
  it('asks Discord for the shard count and starts one process per shard, each identifying as its shard', () => {
    expect(sharded.shardCount).toBe(2);
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/api/v10/gateway/bot')).toBe(true);
    expect(fake.connectedShards).toEqual([0, 1]);
    expect(fake.identifies.map((d) => (d as { shard: number[] }).shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const pids = sharded.manager.shards.map((shard) => shard.process?.pid);
    expect(new Set(pids).size).toBe(2);
    expect(pids).not.toContain(process.pid);
    expect(sharded.connected()).toBe(true);
  });

  it('answers a command in a guild of each shard, through the shard that holds the guild', async () => {
    expect([shardOfGuild(GUILD_ON_SHARD_0, 2), shardOfGuild(GUILD_ON_SHARD_1, 2)]).toEqual([0, 1]);
    const onFirst = command('smallcaps', [str('period', 'ytd')], GUILD_ON_SHARD_0);
    const onSecond = command('smallcaps', [str('period', 'ytd')], GUILD_ON_SHARD_1);
    fake.dispatchInteraction(onFirst);
    fake.dispatchInteraction(onSecond);
    const [first, second] = await Promise.all([originalEdit(onFirst), originalEdit(onSecond)]);
    expect([fake.dispatchedTo.get(onFirst.id), fake.dispatchedTo.get(onSecond.id)]).toEqual([0, 1]);
    for (const edit of [first, second]) {
      expect(embedText(edit.json)).toContain('+7.3 pp');
      expect(edit.files[0]?.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    }
  }, 60_000);

  it('posts the morning brief through REST from the manager process, which holds no gateway session', async () => {
    fake.addChannel('6300');
    const ctx = { locale: 'en' as const, services: running.services, platform: 'discord' as const, userId: 'direct', commandPrefix: '/' };
    const brief = await runText(COMMANDS, '/smallcaps ytd', ctx, () => undefined);
    await sharded.poster.post('6300', brief.output.replies);
    const sent = await fake.waitFor((r) => r.method === 'POST' && r.path === '/api/v10/channels/6300/messages');
    expect(embedText(sent.json)).toContain('+7.3 pp');
    expect(sent.files[0]?.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(sent.headers.authorization).toBe('Bot shard-test-token');
    await expect(sharded.poster.post('999', brief.output.replies)).rejects.toMatchObject({ name: 'PermanentPostError' });
  }, 30_000);

  it('respawns a shard whose process dies, and the new process answers its guilds', async () => {
    const shard = sharded.manager.shards.get(1)!;
    const before = shard.process!.pid;
    shard.process!.kill('SIGKILL');
    await fake.waitUntil(() => shard.process && shard.process.pid !== before && shard.ready && fake.connectedShards.length === 2, 60_000, 'shard 1 back');
    expect(sharded.connected()).toBe(true);
    const again = command('help', [], GUILD_ON_SHARD_1);
    fake.dispatchInteraction(again);
    await fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/interactions/${again.id}/${again.token}/callback`, 20_000);
    expect(fake.dispatchedTo.get(again.id)).toBe(1);
  }, 90_000);

  it('stops every shard process on stop and reports not connected', async () => {
    const children = sharded.manager.shards.map((shard) => shard.process!);
    await sharded.stop();
    expect(children.every((child) => child.exitCode === 0)).toBe(true);
    await fake.waitUntil(() => fake.openSockets === 0, 10_000, 'gateway sockets closed');
    expect(sharded.connected()).toBe(false);
    expect(logs.some((l) => l.msg === 'all shards stopped')).toBe(true);
  }, 30_000);
});
