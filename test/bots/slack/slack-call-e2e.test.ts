import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackBot } from '../../../bots/slack/slack-bot.ts';
import { createServices } from '../../../bots/services.ts';
import { COMMANDS } from '../../../commands/index.ts';
import { loadConfig } from '../../../core/config.ts';
import { memoryLogger } from '../../helpers/memory-logger.ts';
import { startFakeSlack } from '../../fakes/fake-slack.ts';
import type { FakeSlack } from '../../fakes/fake-slack.ts';
import { postSigned, slashCommandBody } from '../../fakes/slack-requests.ts';
import { createPostScheduler } from '../../../bots/scheduler/post-scheduler.ts';

const DATA_DIR = path.resolve(import.meta.dirname, '../../../../shared/market-data');
const SECRET = 'secret';

describe('/call end to end on Slack (real Bolt app, local fake Slack, one database across two days)', () => {
  let fake: FakeSlack;
  let dir: string;
  let seq = 0;

  beforeAll(async () => {
    fake = await startFakeSlack({ U_EN: { locale: 'en-US', displayName: 'Mina Park' } });
    dir = mkdtempSync(path.join(tmpdir(), 'slack-call-'));
  });
  afterAll(async () => {
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function botOn(asOf: string) {
    const config = loadConfig(
      { ROTATION_DATA_DIR: DATA_DIR, ROTATION_AS_OF: asOf, ROTATION_DB_PATH: path.join(dir, 'bot.db'), SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, ROTATION_RENDER_POOL_SIZE: '1' },
      {},
    );
    const running = createServices(config);
    const bot = await startSlackBot({ config, services: running.services, registry: COMMANDS, log: memoryLogger().log, port: 0, host: '127.0.0.1' });
    return {
      running,
      bot,
      async stop() {
        await bot.stop();
        await running.close();
      },
    };
  }

  /** Starts the bot as if today were `asOf`, sends one slash command, returns what was shown, and stops the bot. */
  async function askOn(asOf: string, text: string) {
    const { bot, stop } = await botOn(asOf);
    try {
      fake.reset();
      const id = `call${++seq}`;
      const started = performance.now();
      const res = await postSigned(`http://127.0.0.1:${bot.port}/slack/events`, slashCommandBody({ command: '/call', text, user_id: 'U_EN', channel_id: 'C_CALLS', response_url: fake.responseUrl(id) }), { secret: SECRET });
      expect(res.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(3000);
      const shown = await fake.waitFor(() => fake.responses.find((r) => r.id === id)?.body ?? fake.callsTo('chat.postMessage')[0]?.params, 15_000, 'the /call answer');
      return JSON.stringify(shown);
    } finally {
      await stop();
    }
  }

  it('a call made on 2026-01-20 (side:small by:2026-02-03) is listed on 2026-02-10 as settled: IWM vs SPY, -1.69 pp, a miss; the scheduler posts the settlement in the channel once', async () => {
    const made = await askOn('2026-01-20', 'side:small by:2026-02-03');
    expect(made).toContain('Call recorded');
    expect(made).toContain('Mina Park called Russell 2000 (IWM) to beat S&amp;P 500 (SPY)');
    const listed = await askOn('2026-02-10', 'list');
    expect(listed).toContain('Settled at the Feb 3, 2026 close: IWM +0.08% vs SPY +1.76%, spread -1.69 pp. A miss.');

    // The scheduler, after the Feb 3 close, posts the settlement in the call's channel through the Web API, once.
    const { running, bot, stop } = await botOn('2026-02-10');
    try {
      fake.reset();
      const scheduler = createPostScheduler(running.services, [bot.poster], { info() {}, warn() {}, error() {} });
      const afterClose = new Date('2026-02-04T00:00:00Z');
      expect((await scheduler.tick(afterClose)).map((o) => o.result)).toEqual(['posted']);
      expect(await scheduler.tick(afterClose)).toEqual([]);
      const posts = fake.callsTo('chat.postMessage');
      expect(posts).toHaveLength(1);
      expect(posts[0]!.params).toMatchObject({ channel: 'C_CALLS' });
      const body = JSON.stringify(posts[0]!.params);
      expect(body).toContain('Call settled');
      expect(body).toContain('Mina Park called Russell 2000');
      expect(String(posts[0]!.params.text)).toMatch(/^<@U_EN> /);
      expect(body).toContain('Settled at the Feb 3, 2026 close: IWM +0.08% vs SPY +1.76%, spread -1.69 pp. A miss.');
    } finally {
      await stop();
    }
  }, 60_000);
});
