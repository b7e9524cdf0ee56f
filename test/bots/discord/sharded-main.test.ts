import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../fakes/fake-discord.ts';
import { chatInput } from '../../fakes/discord-interactions.ts';
import { botProcessEnv } from '../../helpers/bot-process.ts';
import { freePort } from '../../helpers/free-port.ts';
import { COMPILED_MAIN } from '../../helpers/compiled.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const APP_ID = '1234';
const TOKEN = 'sharded-main-token';

type ReadyBody = { ready: boolean; checks: { name: string; ok: boolean; detail: string }[] };

describe('the compiled bot (npm start) with DISCORD_SHARDS=2', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start({ applicationId: APP_ID });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('runs two compiled shard processes that answer commands, reports them ready, and stops them all on SIGTERM', async () => {
    const opsPort = await freePort();
    const child = spawn(process.execPath, [COMPILED_MAIN], {
      cwd: ROOT,
      env: botProcessEnv({
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_SHARDS: '2',
        OPS_PORT: String(opsPort),
        LOG_LEVEL: 'info',
      }),
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await fake.waitUntil(() => stderr.includes('post scheduler started'), 60_000, 'the bot to start');
      expect(fake.connectedShards).toEqual([0, 1]);
      expect(fake.requests.some((r) => r.path === '/api/v10/gateway/bot' && r.headers.authorization === `Bot ${TOKEN}`)).toBe(true);

      const ready = (await (await fetch(`http://127.0.0.1:${opsPort}/readyz`)).json()) as ReadyBody;
      expect(ready.checks.find((c) => c.name === 'adapter:discord')).toMatchObject({ ok: true });

      const onShard1 = chatInput(APP_ID, 'help', [], { guildId: String(1n << 22n) });
      fake.dispatchInteraction(onShard1);
      const answer = await fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/interactions/${onShard1.id}/${onShard1.token}/callback`, 20_000);
      expect(fake.dispatchedTo.get(onShard1.id)).toBe(1);
      expect(JSON.stringify(answer.json)).toContain('smallcaps');

      child.kill('SIGTERM');
      expect(await exited, stderr.slice(-3000)).toBe(0);
      await fake.waitUntil(() => fake.openSockets === 0, 10_000, 'every shard to close its gateway connection');
      const messages = stderr.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { msg: string }).msg);
      expect(messages).toContain('all shards stopped');
      // This test's database is :memory:, which shards cannot share.
      expect(messages.some((m) => m.startsWith('ROTATION_DB_PATH is :memory: with DISCORD_SHARDS'))).toBe(true);
      expect(stderr).not.toContain(TOKEN);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});
