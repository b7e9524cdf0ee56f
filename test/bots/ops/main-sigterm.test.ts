import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack } from '../../fakes/fake-slack.ts';
import type { FakeSlack } from '../../fakes/fake-slack.ts';
import { postSigned, slashCommandBody } from '../../fakes/slack-requests.ts';
import { MARKET_DATA_DIR } from '../../helpers/market-data.ts';
import { freePort } from '../../helpers/free-port.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const SECRET = 'sigterm-signing-secret';
const BOT_TOKEN = 'xoxb-sigterm-test-token';

type Line = { msg: string; inflight?: number };

describe('bots/main.ts with a fake Slack, on SIGTERM', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await startFakeSlack({ U_EN: { locale: 'en-US' } });
  });
  afterAll(async () => {
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  /** Starts the bot as `command` does, and resolves once Slack's HTTP server listens. */
  async function startBot(command: readonly string[]) {
    const port = await freePort();
    const child: ChildProcessWithoutNullStreams = spawn(command[0]!, [...command.slice(1), 'bots/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ROTATION_DATA_DIR: MARKET_DATA_DIR,
        ROTATION_AS_OF: '2026-01-20',
        ROTATION_DB_PATH: ':memory:',
        ROTATION_RENDER_POOL_SIZE: '1',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: String(port),
        LOG_LEVEL: 'info',
      },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await fake.waitFor(() => stderr.includes('post scheduler started'), 30_000, 'the bot to start');
    return {
      port,
      child,
      exited,
      lines: () => stderr.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line),
      stderr: () => stderr,
    };
  }

  it('run with node --import tsx: finishes the chart in flight, closes everything and exits 0', async () => {
    const bot = await startBot([process.execPath, '--import', 'tsx']);
    try {
      const res = await postSigned(`http://127.0.0.1:${bot.port}/slack/events`, slashCommandBody({ command: '/smallcaps', text: 'ytd', response_url: fake.responseUrl('inflight') }), { secret: SECRET });
      expect(res.status).toBe(200);
      bot.child.kill('SIGTERM');
      const code = await bot.exited;

      expect(code, bot.stderr().slice(-3000)).toBe(0);
      // The command acknowledged before the signal was answered before the process ended.
      expect(fake.callsTo('files.completeUploadExternal'), bot.stderr().slice(-4000)).toHaveLength(1);
      expect(fake.uploads[0]?.isPng).toBe(true);
      const lines = bot.lines();
      const messages = lines.map((l) => l.msg);
      expect(lines.find((l) => l.msg === 'shutting down: no new commands')?.inflight).toBe(1);
      for (const expected of ['signal received', 'commands in flight drained', 'render pool and database closed']) expect(messages).toContain(expected);
      expect(messages.indexOf('commands in flight drained')).toBeLessThan(messages.indexOf('render pool and database closed'));
      expect(bot.stderr()).not.toContain(BOT_TOKEN);
      expect(bot.stderr()).not.toContain(SECRET);
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    }
  }, 60_000);

  it('run through the tsx command (tsx bots/main.ts): exits 0 on SIGTERM', async () => {
    const bot = await startBot([TSX]);
    try {
      bot.child.kill('SIGTERM');
      expect(await bot.exited, bot.stderr().slice(-3000)).toBe(0);
      expect(bot.lines().map((l) => l.msg)).toContain('render pool and database closed');
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    }
  }, 60_000);
});
