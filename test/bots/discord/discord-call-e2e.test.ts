import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startDiscordBot } from '../../../bots/discord/discord-bot.ts';
import { createServices } from '../../../bots/services.ts';
import { COMMANDS } from '../../../commands/index.ts';
import { loadConfig } from '../../../core/config.ts';
import { FakeDiscord } from '../../fakes/fake-discord.ts';
import { CHANNEL_ID, chatInput, str } from '../../fakes/discord-interactions.ts';
import type { SentOption } from '../../fakes/discord-interactions.ts';
import { createPostScheduler } from '../../../bots/scheduler/post-scheduler.ts';

const AFTER_FEB_3_CLOSE = new Date('2026-02-04T00:00:00Z');
const silent = { info() {}, warn() {}, error() {} };

const DATA_DIR = path.resolve(import.meta.dirname, '../../../../shared/market-data');
const APP_ID = '1234';
const dir = mkdtempSync(path.join(tmpdir(), 'discord-call-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function botOn(asOf: string) {
  const fake = await FakeDiscord.start({ applicationId: APP_ID });
  const config = loadConfig(
    { ROTATION_DATA_DIR: DATA_DIR, ROTATION_AS_OF: asOf, ROTATION_DB_PATH: path.join(dir, 'bot.db'), ROTATION_RENDER_POOL_SIZE: '1', DISCORD_TOKEN: 'test-token', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl },
    {},
  );
  const running = createServices(config);
  const bot = await startDiscordBot({ config, services: running.services, registry: COMMANDS, log: pino({ level: 'silent' }) });
  return {
    fake,
    running,
    bot,
    async stop() {
      await bot.stop();
      await running.close();
      await fake.close();
    },
  };
}

/** Starts the real discord.js client as if today were `asOf` on one database file, sends `/call`, returns the edited answer, and stops. */
async function askOn(asOf: string, options: readonly SentOption[]): Promise<string> {
  const { fake, stop } = await botOn(asOf);
  try {
    const i = chatInput(APP_ID, 'call', options);
    const sentAt = fake.dispatchInteraction(i);
    const callback = await fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/interactions/${i.id}/${i.token}/callback`);
    expect(callback.at - sentAt).toBeLessThan(3000);
    const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${APP_ID}/${i.token}/messages/@original` && r.status === 200);
    return JSON.stringify(edit.json);
  } finally {
    await stop();
  }
}

describe('/call end to end on Discord (real discord.js client, local fake Discord)', () => {
  it('a call made on 2026-01-20 (side:small by:2026-02-03) is listed on 2026-02-10 as settled: IWM vs SPY, -1.69 pp, a miss; the scheduler posts the settlement in the channel once', async () => {
    const made = await askOn('2026-01-20', [str('side', 'small'), str('by', '2026-02-03')]);
    expect(made).toContain('Call recorded');
    expect(made).toContain('User 7000 called Russell 2000 (IWM) to beat S&P 500 (SPY)');
    const listed = await askOn('2026-02-10', [str('action', 'list')]);
    expect(listed).toContain('Settled at the Feb 3, 2026 close: IWM +0.08% vs SPY +1.76%, spread -1.69 pp. A miss.');

    // The scheduler, after the Feb 3 close, posts the settlement in the call's channel through the real client, once.
    const { fake, running, bot, stop } = await botOn('2026-02-10');
    try {
      fake.addChannel(CHANNEL_ID);
      const scheduler = createPostScheduler(running.services, [bot.poster], silent);
      expect((await scheduler.tick(AFTER_FEB_3_CLOSE)).map((o) => o.result)).toEqual(['posted']);
      expect(await scheduler.tick(AFTER_FEB_3_CLOSE)).toEqual([]);
      const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${CHANNEL_ID}/messages`);
      expect(posts).toHaveLength(1);
      const body = JSON.stringify(posts[0]!.json);
      expect(body).toContain('Call settled');
      expect(body).toContain('User 7000 called Russell 2000');
      expect(posts[0]!.json).toMatchObject({ content: '<@7000>', allowed_mentions: { parse: [], users: ['7000'] } });
      expect(body).toContain('Settled at the Feb 3, 2026 close: IWM +0.08% vs SPY +1.76%, spread -1.69 pp. A miss.');
    } finally {
      await stop();
    }
  }, 60_000);
});
