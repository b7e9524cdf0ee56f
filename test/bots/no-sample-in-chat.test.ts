import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackBot } from '../../bots/slack/slack-bot.ts';
import type { SlackBot } from '../../bots/slack/slack-bot.ts';
import { startDiscordBot } from '../../bots/discord/discord-bot.ts';
import type { RunningDiscordBot } from '../../bots/discord/discord-bot.ts';
import { createServices } from '../../bots/services.ts';
import type { Running } from '../../bots/services.ts';
import { COMMANDS } from '../../commands/index.ts';
import { loadConfig } from '../../core/config.ts';
import { createLogger } from '../../core/logger.ts';
import { startFakeSlack } from '../fakes/fake-slack.ts';
import type { FakeSlack } from '../fakes/fake-slack.ts';
import { postSigned, slashCommandBody } from '../fakes/slack-requests.ts';
import { FakeDiscord } from '../fakes/fake-discord.ts';
import { chatInput, str } from '../fakes/discord-interactions.ts';

/** No network: every request fails as an unreachable host does. */
const offline = (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch;

/** Live settings (no data folder) with nothing cached and no retries, so the failure comes at once. */
const liveSettings = { ROTATION_DB_PATH: ':memory:', ROTATION_RENDER_POOL_SIZE: '1', ROTATION_FETCH_RETRIES: '0' };

function expectClearDataError(text: string) {
  expect(text).toContain("couldn't get prices from Yahoo Finance");
  expect(text).toContain('try again in a few minutes');
  expect(text).not.toContain('Sample data');
  expect(text).not.toContain('--data');
  expect(text).not.toContain('Usage');
}

describe('Slack and Discord never answer from the sample data', () => {
  let slackFake: FakeSlack;
  let slackServices: Running;
  let slack: SlackBot;
  let discordFake: FakeDiscord;
  let discordServices: Running;
  let discord: RunningDiscordBot;
  const log = createLogger('silent');

  beforeAll(async () => {
    slackFake = await startFakeSlack({ U_EN: { locale: 'en-US' } });
    const slackConfig = loadConfig({ ...liveSettings, SLACK_BOT_TOKEN: 'xoxb-offline', SLACK_SIGNING_SECRET: 'offline', SLACK_API_URL: slackFake.apiUrl }, {});
    slackServices = createServices(slackConfig, { fetch: offline });
    slack = await startSlackBot({ config: slackConfig, services: slackServices.services, registry: COMMANDS, log, port: 0, host: '127.0.0.1' });

    discordFake = await FakeDiscord.start({ applicationId: '77' });
    const discordConfig = loadConfig({ ...liveSettings, DISCORD_TOKEN: 'offline-token', DISCORD_APPLICATION_ID: '77', DISCORD_API_URL: discordFake.apiUrl }, {});
    discordServices = createServices(discordConfig, { fetch: offline });
    discord = await startDiscordBot({ config: discordConfig, services: discordServices.services, registry: COMMANDS, log });
  });
  afterAll(async () => {
    await slack?.stop();
    await discord?.stop();
    await slackServices?.close();
    await discordServices?.close();
    await slackFake?.close();
    await discordFake?.close();
  });

  it('Slack: /smallcaps ytd with Yahoo unreachable and nothing cached says so, with no sample numbers and no usage line', async () => {
    const res = await postSigned(`http://127.0.0.1:${slack.port}/slack/events`, slashCommandBody({ command: '/smallcaps', text: 'ytd', response_url: slackFake.responseUrl('offline') }), { secret: 'offline' });
    expect(res.status).toBe(200);
    const answer = await slackFake.waitFor(() => slackFake.responses.find((r) => r.id === 'offline'), 15_000, 'the answer');
    expectClearDataError(JSON.stringify(answer.body));
  });

  it('Discord: /smallcaps ytd with Yahoo unreachable and nothing cached says so, with no sample numbers and no usage line', async () => {
    const i = chatInput('77', 'smallcaps', [str('period', 'ytd')]);
    discordFake.dispatchInteraction(i);
    const answer = await discordFake.waitFor((r) => r.status === 200 && /couldn't get prices/.test(JSON.stringify(r.json ?? {})) && r.path.includes(i.token), 15_000);
    expectClearDataError(JSON.stringify(answer.json));
  });
});
