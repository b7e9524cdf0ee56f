import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpsHandler } from '../../../bots/ops/ops-routes.ts';
import { startOpsServer } from '../../../bots/ops/ops-server.ts';
import type { OpsServer } from '../../../bots/ops/ops-server.ts';
import { createReadinessProbe } from '../../../bots/ops/readiness-probe.ts';
import { startSlackBot } from '../../../bots/slack/slack-bot.ts';
import type { SlackBot } from '../../../bots/slack/slack-bot.ts';
import { createServices } from '../../../bots/services.ts';
import type { Running } from '../../../bots/services.ts';
import { COMMANDS } from '../../../commands/index.ts';
import { loadConfig } from '../../../core/config.ts';
import { createLogger } from '../../../core/logger.ts';
import { createInflightTracker } from '../../../core/ops/inflight.ts';
import type { Readiness } from '../../../core/ops/readiness.ts';
import { MARKET_DATA_DIR } from '../../helpers/market-data.ts';
import { realServices } from '../../helpers/services.ts';
import { startFakeSlack } from '../../fakes/fake-slack.ts';
import type { FakeSlack } from '../../fakes/fake-slack.ts';
import { postSigned, slashCommandBody } from '../../fakes/slack-requests.ts';

const quietLog = () => createLogger('silent', { destination: new Writable({ write: (_c, _e, done) => done() }) });

async function get(url: string): Promise<{ status: number; body: Readiness & { status?: string } }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Readiness & { status?: string } };
}

describe('health checks on OPS_PORT', () => {
  let running: Running;
  let server: OpsServer;
  let connected = true;
  const inflight = createInflightTracker();

  beforeAll(async () => {
    running = realServices('2026-01-20');
    const probe = createReadinessProbe({ services: running.services, db: running.db, adapters: () => [{ name: 'discord', connected: () => connected }], inflight });
    server = await startOpsServer(createOpsHandler(probe), 0, '127.0.0.1');
  });
  afterAll(async () => {
    await server?.close();
    await running?.close();
  });

  const base = () => `http://127.0.0.1:${server.port}`;

  it('answers /healthz with 200 while the process runs', async () => {
    const { status, body } = await get(`${base()}/healthz`);
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
  });

  it('answers /readyz with 200 and every check when the adapter is connected, the database open and the data current', async () => {
    const { status, body } = await get(`${base()}/readyz`);
    expect(status).toBe(200);
    expect(body.ready).toBe(true);
    expect(body.checks.map((c) => c.name)).toEqual(['accepting', 'adapter:discord', 'database', 'data']);
    expect(body.checks.find((c) => c.name === 'data')?.detail).toBe('IWM is current (last close 2026-01-20)');
  });

  it('answers /readyz with 503 naming the failed check when an adapter is down', async () => {
    connected = false;
    try {
      const { status, body } = await get(`${base()}/readyz`);
      expect(status).toBe(503);
      expect(body.checks.filter((c) => !c.ok)).toEqual([{ name: 'adapter:discord', ok: false, detail: 'not connected' }]);
    } finally {
      connected = true;
    }
  });

  it('answers 404 for other paths and 405 for other methods', async () => {
    expect((await fetch(`${base()}/metrics`)).status).toBe(404);
    expect((await fetch(`${base()}/healthz`, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('is not ready once shutdown began', async () => {
    inflight.stopAccepting();
    const { status, body } = await get(`${base()}/readyz`);
    expect(status).toBe(503);
    expect(body.checks.find((c) => c.name === 'accepting')).toMatchObject({ ok: false, detail: 'shutting down' });
  });
});

describe('readiness of old data', () => {
  it('fails the data check when the newest close is months overdue', async () => {
    // The sample IWM file ends on 2026-08-21.
    const running = realServices('2026-11-20');
    try {
      const probe = createReadinessProbe({ services: running.services, db: running.db, adapters: () => [{ name: 'slack', connected: () => true }] });
      const result = await probe();
      expect(result.ready).toBe(false);
      expect(result.checks.find((c) => c.name === 'data')?.detail).toMatch(/^IWM last close 2026-08-21, a newer session closed \d+ h ago \(allowed 36 h\)$/);
    } finally {
      await running.close();
    }
  });

  it('fails the database check once the database is closed', async () => {
    const running = realServices('2026-01-20');
    const probe = createReadinessProbe({ services: running.services, db: running.db, adapters: () => [{ name: 'slack', connected: () => true }] });
    await running.close();
    const result = await probe();
    expect(result.checks.find((c) => c.name === 'database')).toEqual({ name: 'database', ok: false, detail: 'closed' });
  });
});

describe("health checks and the body limit on Slack's HTTP server", () => {
  let fake: FakeSlack;
  let running: Running;
  let bot: SlackBot;

  beforeAll(async () => {
    fake = await startFakeSlack();
    const config = loadConfig(
      {
        ROTATION_DATA_DIR: MARKET_DATA_DIR,
        ROTATION_AS_OF: '2026-01-20',
        ROTATION_DB_PATH: ':memory:',
        ROTATION_RENDER_POOL_SIZE: '1',
        ROTATION_MAX_BODY_KB: '8',
        SLACK_BOT_TOKEN: 'xoxb-health',
        SLACK_SIGNING_SECRET: 'health-secret',
        SLACK_API_URL: fake.apiUrl,
      },
      {},
    );
    running = createServices(config);
    const adapters: { name: string; connected: () => boolean }[] = [];
    const opsHandler = createOpsHandler(createReadinessProbe({ services: running.services, db: running.db, adapters: () => adapters }));
    bot = await startSlackBot({ config, services: running.services, registry: COMMANDS, log: quietLog(), port: 0, host: '127.0.0.1', opsHandler });
    adapters.push({ name: 'slack', connected: bot.connected });
  });
  afterAll(async () => {
    await bot?.stop();
    await running?.close();
    await fake?.close();
  });

  it('serves /healthz and /readyz beside /slack/events', async () => {
    expect((await get(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
    const ready = await get(`http://127.0.0.1:${bot.port}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.body.checks.find((c) => c.name === 'adapter:slack')).toMatchObject({ ok: true });
  });

  it('refuses a request body over ROTATION_MAX_BODY_KB with 413, before checking its signature', async () => {
    const body = slashCommandBody({ command: '/smallcaps', text: 'x'.repeat(10 * 1024), response_url: fake.responseUrl('big') });
    const res = await postSigned(`http://127.0.0.1:${bot.port}/slack/events`, body, { secret: 'health-secret' });
    expect(res.status).toBe(413);
    const small = await postSigned(`http://127.0.0.1:${bot.port}/slack/events`, slashCommandBody({ command: '/help', text: '', response_url: fake.responseUrl('small') }), { secret: 'health-secret' });
    expect(small.status).toBe(200);
    expect(fake.responses.map((r) => r.id)).not.toContain('big');
  });
});
