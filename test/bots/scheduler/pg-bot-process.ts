import { webApi } from '@slack/bolt';
import { startServices } from '../../../bots/services.ts';
import { servicesComposer } from '../../../bots/scheduler/compose-post.ts';
import { createScheduler } from '../../../bots/scheduler/scheduler.ts';
import { createSlackPoster } from '../../../bots/slack/slack-poster.ts';
import { loadConfig } from '../../../core/config.ts';
import { MINUTE, silentLog, simClock } from './harness.ts';

/**
 * One bot instance in its own process: the real services on the shared PostgreSQL, the real post
 * content and the real Slack poster (to a fake Slack). Its clock is the parent's: each `tick` message
 * sets the time and runs one scheduler tick, so every instance sees the same minute, as machines with
 * synchronized clocks would. `stop` answers with how many posts this process sent.
 */
export type BotProcessMessage =
  | { readonly type: 'start'; readonly url: string; readonly instanceId: string; readonly slackApiUrl: string; readonly dataDir: string }
  | { readonly type: 'tick'; readonly at: number }
  | { readonly type: 'stop' };
export type BotProcessAnswer = { readonly type: 'started' | 'ticked' } | { readonly type: 'stopped'; readonly sent: number } | { readonly type: 'error'; readonly error: string };

const answer = (message: BotProcessAnswer) => process.send!(message);

async function start({ url, instanceId, slackApiUrl, dataDir }: Extract<BotProcessMessage, { type: 'start' }>) {
  const config = loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '4', ROTATION_DATA_DIR: dataDir, ROTATION_RENDER_POOL_SIZE: '1' }, {});
  const running = await startServices(config);
  const client = new webApi.WebClient('xoxb-process-test', { slackApiUrl, retryConfig: { retries: 0 } });
  const poster = createSlackPoster(async () => client);
  let sent = 0;
  const clock = simClock('2026-01-01T00:00:00Z');
  const scheduler = createScheduler({
    subscriptions: running.services.subscriptions,
    ledger: running.services.postLedger,
    posters: [{ platform: poster.platform, post: async (channelId, replies) => void (await poster.post(channelId, replies), sent++) }],
    compose: servicesComposer(running.services),
    log: silentLog,
    graceMs: 120 * MINUTE,
    dataWaitMs: 30 * MINUTE,
    now: clock.now,
    instanceId,
  });
  return {
    async tick(at: number) {
      clock.set(at);
      await scheduler.tick(new Date(at));
    },
    async stop() {
      await scheduler.idle();
      await running.close();
      return sent;
    },
  };
}

let instance: Awaited<ReturnType<typeof start>> | undefined;
process.on('message', (message: BotProcessMessage) => {
  const handle = async (): Promise<BotProcessAnswer> => {
    if (message.type === 'start') {
      instance = await start(message);
      return { type: 'started' };
    }
    if (!instance) throw new Error('not started');
    if (message.type === 'tick') {
      await instance.tick(message.at);
      return { type: 'ticked' };
    }
    return { type: 'stopped', sent: await instance.stop() };
  };
  void handle().then(answer, (error: unknown) => answer({ type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
