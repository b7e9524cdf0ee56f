import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSlackBot } from '../../../bots/slack/slack-bot.ts';
import type { SlackBot } from '../../../bots/slack/slack-bot.ts';
import { createServices } from '../../../bots/services.ts';
import type { Running } from '../../../bots/services.ts';
import { COMMANDS } from '../../../commands/index.ts';
import { loadConfig } from '../../../core/config.ts';
import { createLogger } from '../../../core/logger.ts';
import { EXPLAIN_MESSAGE_CALLBACK } from '../../../bots/slack/slack-paths.ts';
import { MARKET_DATA_DIR } from '../../helpers/market-data.ts';
import { startFakeSlack } from '../../fakes/fake-slack.ts';
import type { FakeSlack } from '../../fakes/fake-slack.ts';
import { eventCallbackBody, messageShortcutBody, postSigned } from '../../fakes/slack-requests.ts';

const SECRET = 'plain-words';
/** 2026-01-20 10:00 New York, when the messages below were written. */
const TS_JAN_20 = '1768921200.000100';

describe('Slack: plain words through the real Bolt app against a local fake Slack', () => {
  let fake: FakeSlack;
  let running: Running;
  let bot: SlackBot;

  beforeAll(async () => {
    fake = await startFakeSlack({ U_EN: { locale: 'en-US' } });
    const config = loadConfig(
      { ROTATION_DATA_DIR: MARKET_DATA_DIR, ROTATION_AS_OF: '2026-01-20', ROTATION_DB_PATH: ':memory:', ROTATION_RENDER_POOL_SIZE: '1', SLACK_BOT_TOKEN: 'xoxb-plain', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl },
      {},
    );
    running = createServices(config);
    bot = await startSlackBot({ config, services: running.services, registry: COMMANDS, log: createLogger('silent'), port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await bot?.stop();
    await running?.close();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  const url = () => `http://127.0.0.1:${bot.port}/slack/events`;
  const sendEvent = (event: Record<string, unknown>) => postSigned(url(), eventCallbackBody('T_FAKE', event), { secret: SECRET, contentType: 'application/json' });

  it('answers a signed app_mention in a thread, in that thread, with the /smallcaps reply headed "Read as"', async () => {
    const res = await sendEvent({ type: 'app_mention', user: 'U_EN', text: '<@U_BOT> are small caps still beating the S&P this year?', channel: 'C_GENERAL', ts: '1768921300.000200', thread_ts: TS_JAN_20, event_ts: '1768921300.000200' });
    expect(res.status).toBe(200);
    const upload = await fake.waitFor(() => fake.callsTo('files.completeUploadExternal').find((c) => c.status === 200), 20_000, 'the chart upload');
    expect(upload.params.channel_id).toBe('C_GENERAL');
    expect(upload.params.thread_ts).toBe(TS_JAN_20);
    const blocks = JSON.stringify(upload.params.blocks);
    expect(blocks).toContain('Read as `/smallcaps ytd`');
    expect(blocks).toContain('+7.3 pp');
  });

  it('answers a direct message in the DM, in plain words, with the glossary entry', async () => {
    const res = await sendEvent({ type: 'message', channel_type: 'im', user: 'U_EN', text: 'what does tax-loss selling mean?', channel: 'D_EN', ts: TS_JAN_20, event_ts: TS_JAN_20 });
    expect(res.status).toBe(200);
    const post = await fake.waitFor(() => fake.callsTo('chat.postMessage').find((c) => c.params.channel === 'D_EN'), 20_000, 'the DM answer');
    const shown = JSON.stringify(post.params);
    expect(shown).toContain('Read as `/explain');
    expect(shown.toLowerCase()).toContain('tax-loss');
  });

  it('ignores messages from bots and edits in a DM', async () => {
    await sendEvent({ type: 'message', channel_type: 'im', bot_id: 'B_OTHER', user: 'U_OTHER', text: 'small caps ytd', channel: 'D_EN', ts: TS_JAN_20 });
    await sendEvent({ type: 'message', channel_type: 'im', subtype: 'message_changed', channel: 'D_EN', ts: TS_JAN_20 });
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('"Explain this message" reads the message privately: its terms and its claim measured at the message date', async () => {
    const text = 'The Russell 2000 rose about 8% year to date, beating the S&P 500, as tax-loss selling reversed.';
    const res = await postSigned(url(), messageShortcutBody({ callbackId: EXPLAIN_MESSAGE_CALLBACK, text, ts: TS_JAN_20, response_url: fake.responseUrl('explain') }), { secret: SECRET });
    expect(res.status).toBe(200);
    const answer = await fake.waitFor(() => fake.responses.find((r) => r.id === 'explain'), 20_000, 'the private answer');
    expect(answer.body.response_type).toBe('ephemeral');
    const shown = JSON.stringify(answer.body);
    expect(shown).toContain('+6.7%');
    expect(shown.toLowerCase()).toContain('tax-loss');
  });
});
