// Loaded first on purpose, as bots/main.ts does: Slack's SDK brings undici 7, whose agent becomes
// the process-wide dispatcher that discord.js's own undici then uses.
import '@slack/bolt';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDiscordBot } from '../../../bots/discord/discord-bot.ts';
import type { RunningDiscordBot } from '../../../bots/discord/discord-bot.ts';
import { createServices } from '../../../bots/services.ts';
import type { Running } from '../../../bots/services.ts';
import { COMMANDS } from '../../../commands/index.ts';
import { loadConfig } from '../../../core/config.ts';
import { FakeDiscord, PNG_SIGNATURE } from '../../fakes/fake-discord.ts';
import { chatInput, str } from '../../fakes/discord-interactions.ts';

let fake: FakeDiscord;
let running: Running;
let bot: RunningDiscordBot;

beforeAll(async () => {
  fake = await FakeDiscord.start({ applicationId: '1234' });
  const config = loadConfig(
    {
      ROTATION_DATA_DIR: path.resolve(import.meta.dirname, '../../../../shared/market-data'),
      ROTATION_AS_OF: '2026-01-20',
      ROTATION_DB_PATH: ':memory:',
      ROTATION_RENDER_POOL_SIZE: '1',
      DISCORD_TOKEN: 'test-token',
      DISCORD_APPLICATION_ID: '1234',
      DISCORD_API_URL: fake.apiUrl,
    },
    {},
  );
  running = createServices(config);
  bot = await startDiscordBot({ config, services: running.services, registry: COMMANDS, log: pino({ level: 'silent' }) });
});

afterAll(async () => {
  await bot?.stop();
  await running?.close();
  await fake?.close();
});

it('uploads the chart when the Slack SDK shares the process', async () => {
  const i = chatInput('1234', 'smallcaps', [str('period', 'ytd')]);
  fake.dispatchInteraction(i);
  const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path.endsWith(`/${i.token}/messages/@original`));
  expect(edit.status).toBe(200);
  expect(edit.files[0]?.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
});
