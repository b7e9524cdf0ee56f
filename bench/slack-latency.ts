import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { startSlackBot } from '../bots/slack/slack-bot.ts';
import { createServices } from '../bots/services.ts';
import { COMMANDS } from '../commands/index.ts';
import { loadConfig } from '../core/config.ts';
import { startFakeSlack } from '../test/fakes/fake-slack.ts';
import { postSigned, slashCommandBody } from '../test/fakes/slack-requests.ts';

export type Percentiles = { readonly p50: number; readonly p99: number; readonly max: number };

export type SlackLatency = {
  readonly requests: number;
  /** From sending the signed slash command to its HTTP 200 (the ack); Slack allows 3 s. */
  readonly ackMs: Percentiles;
  /** From sending the slash command to files.completeUploadExternal (the chart and blocks posted). */
  readonly toUploadCompleteMs: Percentiles;
  /** The first request alone: render workers and fonts are still loading. */
  readonly firstToUploadCompleteMs: number;
};

function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted.at(-1) ?? Number.NaN) };
}

const SECRET = 'bench-secret';

/**
 * Sends `count` signed `/smallcaps ytd` slash commands, one after another, to the real Bolt app in
 * HTTP mode with the local fake Slack, the real market data and chart rendering.
 */
export async function benchSlackLatency(count = 50, dataDir = path.resolve(import.meta.dirname, '../../shared/market-data')): Promise<SlackLatency> {
  const fake = await startFakeSlack({ U_BENCH: { locale: 'en-US' } });
  const config = loadConfig(
    { ROTATION_DATA_DIR: dataDir, ROTATION_AS_OF: '2026-01-20', ROTATION_DB_PATH: ':memory:', SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl },
    {},
  );
  const running = createServices(config);
  const bot = await startSlackBot({ config, services: running.services, registry: COMMANDS, log: pino({ level: 'warn' }), port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${bot.port}/slack/events`;
  const ack: number[] = [];
  const toUpload: number[] = [];
  try {
    for (let n = 0; n < count; n++) {
      const channel = `C_BENCH${n}`;
      const body = slashCommandBody({ command: '/smallcaps', text: 'ytd', user_id: 'U_BENCH', channel_id: channel, response_url: fake.responseUrl(`bench${n}`) });
      const sentAt = performance.now();
      const res = await postSigned(url, body, { secret: SECRET });
      ack.push(performance.now() - sentAt);
      if (res.status !== 200) throw new Error(`slash command ${n} answered HTTP ${res.status}`);
      const complete = await fake.waitFor(() => fake.callsTo('files.completeUploadExternal').find((c) => c.params.channel_id === channel), 30_000, `upload ${n}`);
      toUpload.push(complete.at - sentAt);
    }
  } finally {
    await bot.stop();
    await running.close();
    await fake.close();
  }
  return { requests: count, ackMs: percentiles(ack), toUploadCompleteMs: percentiles(toUpload), firstToUploadCompleteMs: Math.round(toUpload[0] ?? Number.NaN) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await benchSlackLatency();
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
