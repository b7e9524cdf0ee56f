import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordBot } from '../../../bots/discord/discord-bot.ts';
import type { RunningDiscordBot } from '../../../bots/discord/discord-bot.ts';
import { EXPLAIN_MESSAGE_COMMAND } from '../../../bots/discord/to-discord-command.ts';
import { createServices } from '../../../bots/services.ts';
import type { Running } from '../../../bots/services.ts';
import { COMMANDS } from '../../../commands/index.ts';
import { loadConfig } from '../../../core/config.ts';
import { createLogger } from '../../../core/logger.ts';
import { MARKET_DATA_DIR } from '../../helpers/market-data.ts';
import { FakeDiscord } from '../../fakes/fake-discord.ts';
import { CHANNEL_ID, GUILD_ID, messageCommand, userMessage } from '../../fakes/discord-interactions.ts';

const APP_ID = '4321';
const EPHEMERAL = 64;

describe('Discord: plain words through the real discord.js client against a local fake Discord', () => {
  let fake: FakeDiscord;
  let running: Running;
  let bot: RunningDiscordBot;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ applicationId: APP_ID });
    const config = loadConfig(
      { ROTATION_DATA_DIR: MARKET_DATA_DIR, ROTATION_AS_OF: '2026-01-20', ROTATION_DB_PATH: ':memory:', ROTATION_RENDER_POOL_SIZE: '1', DISCORD_TOKEN: 'plain-token', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl },
      {},
    );
    running = createServices(config);
    bot = await startDiscordBot({ config, services: running.services, registry: COMMANDS, log: createLogger('silent') });
    fake.guildCreate(GUILD_ID, CHANNEL_ID);
    await fake.waitUntil(() => bot.client.channels.cache.has(CHANNEL_ID) || undefined, 10_000, 'the guild channel');
  });
  afterAll(async () => {
    await bot?.stop();
    await running?.close();
    await fake?.close();
  });

  it('asks for Guilds, GuildMessages and DirectMessages only: no privileged message-content intent', () => {
    const intents = Number((fake.identifies[0] as { intents?: number }).intents);
    expect(intents).toBe(1 | (1 << 9) | (1 << 12));
    expect(intents & (1 << 15)).toBe(0);
  });

  it('answers a MESSAGE_CREATE that mentions the bot with the /smallcaps reply headed "Read as", as a reply in the channel', async () => {
    fake.dispatch('MESSAGE_CREATE', userMessage(`<@${APP_ID}> are small caps still beating the S&P this year?`, { mentions: [APP_ID] }));
    const post = await fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/channels/${CHANNEL_ID}/messages` && r.status === 200, 20_000);
    const body = post.json as { content?: string; embeds?: unknown[]; message_reference?: { message_id?: string } };
    expect(body.content).toBe('Read as `/smallcaps ytd`');
    expect(JSON.stringify(body.embeds)).toContain('+7.3 pp');
    expect(body.message_reference?.message_id).toBeDefined();
    expect(post.files.length).toBe(1);
  });

  it('leaves alone channel messages that do not mention it', async () => {
    const before = fake.requests.length;
    fake.dispatch('MESSAGE_CREATE', userMessage('small caps are up this year'));
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.requests.slice(before).filter((r) => r.path.includes('/messages'))).toHaveLength(0);
  });

  it('"Explain this message" reads the target message privately, with its claim measured', async () => {
    const target = userMessage('The Russell 2000 rose about 8% year to date as tax-loss selling reversed.', { timestamp: '2026-01-20T15:00:00.000Z' });
    const i = messageCommand(APP_ID, EXPLAIN_MESSAGE_COMMAND, target);
    fake.dispatchInteraction(i);
    const callback = await fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/interactions/${i.id}/${i.token}/callback`, 20_000);
    expect((callback.json as { data?: { flags?: number } }).data?.flags).toBe(EPHEMERAL);
    const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${APP_ID}/${i.token}/messages/@original` && r.status === 200, 20_000);
    const shown = JSON.stringify(edit.json);
    expect(shown).toContain('+6.7%');
    expect(shown.toLowerCase()).toContain('tax-loss');
  });
});
