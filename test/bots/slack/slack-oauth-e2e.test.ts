import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSlackBot } from '../../../bots/slack/slack-bot.ts';
import type { SlackBot } from '../../../bots/slack/slack-bot.ts';
import { BOT_SCOPES } from '../../../bots/slack/build-manifest.ts';
import { createServices } from '../../../bots/services.ts';
import type { Running } from '../../../bots/services.ts';
import { createOpsHandler } from '../../../bots/ops/ops-routes.ts';
import { createReadinessProbe } from '../../../bots/ops/readiness-probe.ts';
import { COMMANDS } from '../../../commands/index.ts';
import { loadConfig } from '../../../core/config.ts';
import { isSqliteStore } from '../../../core/store/sqlite-store.ts';
import { MARKET_DATA_DIR } from '../../helpers/market-data.ts';
import { memoryLogger } from '../../helpers/memory-logger.ts';
import { startFakeSlack } from '../../fakes/fake-slack.ts';
import type { FakeSlack, FakeWorkspace } from '../../fakes/fake-slack.ts';
import { eventCallbackBody, postSigned, slashCommandBody } from '../../fakes/slack-requests.ts';
import { memoryDb, schedulerOn, simClock, subscription } from '../scheduler/harness.ts';

const SIGNING_SECRET = 'oauth-signing-secret';
const CLIENT_ID = '1111.2222';
const CLIENT_SECRET = 'oauth-client-secret-value';
const STATE_SECRET = 'a-long-random-state-secret';
const T1: FakeWorkspace = { teamId: 'T1', name: 'Workspace One', botToken: 'xoxb-t1-bot-token' };
const T2: FakeWorkspace = { teamId: 'T2', name: 'Workspace Two', botToken: 'xoxb-t2-bot-token' };
const STATE_COOKIE = 'slack-app-oauth-state';

const workspace = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
const unescapeHtml = (html: string) => html.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));

describe('Slack OAuth: installed in many workspaces (real Bolt app, local fake Slack)', () => {
  let fake: FakeSlack;
  let running: Running;
  let bot: SlackBot;
  let base: string;
  let logged: Record<string, unknown>[];
  let callsAtStart: number;
  let responseSeq = 0;

  const installations = () => running.store.installations;

  async function startInstall() {
    const res = await fetch(`${base}/slack/install`);
    const cookie = res.headers.get('set-cookie') ?? '';
    const state = new RegExp(`^${STATE_COOKIE}=([^;]+);`).exec(cookie)?.[1];
    const href = /href="([^"]+)"/.exec(await res.text())?.[1];
    return { res, cookie, state, authorizeUrl: href ? new URL(unescapeHtml(href)) : undefined };
  }

  /** Slack sends the browser back with the code and the state; the browser sends the cookie it was given. */
  async function finishInstall(query: Record<string, string>, cookie: string | undefined) {
    const res = await fetch(`${base}/slack/oauth_redirect?${new URLSearchParams(query)}`, { headers: cookie ? { cookie: `${STATE_COOKIE}=${cookie}` } : {} });
    return { res, html: await res.text() };
  }

  async function install(w: FakeWorkspace) {
    const code = fake.addWorkspace(w);
    const { state } = await startInstall();
    const { res } = await finishInstall({ code, state: state! }, state);
    expect(res.status).toBe(200);
  }

  function slash(teamId: string, command: string, text: string, user = 'U_EN', channel = `C_${teamId}`) {
    const id = `r${++responseSeq}`;
    const body = slashCommandBody({ command, text, team_id: teamId, user_id: user, channel_id: channel, response_url: fake.responseUrl(id) });
    return { id, sent: postSigned(`${base}/slack/events`, body, { secret: SIGNING_SECRET }) };
  }

  const event = (teamId: string, payload: Record<string, unknown>) =>
    postSigned(`${base}/slack/events`, eventCallbackBody(teamId, payload), { secret: SIGNING_SECRET, contentType: 'application/json' });
  const responseTo = (id: string) => fake.waitFor(() => fake.responses.find((r) => r.id === id), 10_000, `a post to response_url ${id}`);
  const apiCalls = () => fake.calls.filter((c) => c.method !== 'oauth.v2.access');

  beforeAll(async () => {
    fake = await startFakeSlack({ U_EN: { locale: 'en-US' }, U_ADMIN: { locale: 'en-US', isAdmin: true } });
    const memory = memoryLogger();
    logged = memory.lines;
    const config = loadConfig(
      {
        ROTATION_DATA_DIR: MARKET_DATA_DIR,
        ROTATION_AS_OF: '2026-01-20',
        ROTATION_DB_PATH: ':memory:',
        ROTATION_RENDER_POOL_SIZE: '1',
        ROTATION_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        SLACK_CLIENT_ID: CLIENT_ID,
        SLACK_CLIENT_SECRET: CLIENT_SECRET,
        SLACK_STATE_SECRET: STATE_SECRET,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
      },
      {},
    );
    running = createServices(config);
    const adapters: { name: string; connected: () => boolean }[] = [];
    const opsHandler = createOpsHandler(createReadinessProbe({ services: running.services, db: running.db, adapters: () => adapters }));
    bot = await startSlackBot({ config, services: running.services, registry: COMMANDS, log: memory.log, port: 0, host: '127.0.0.1', opsHandler, installations: installations() });
    adapters.push({ name: 'slack', connected: bot.connected });
    callsAtStart = fake.calls.length;
    base = `http://127.0.0.1:${bot.port}`;
  });

  afterAll(async () => {
    await bot?.stop();
    await running?.close();
    await fake?.close();
  });

  beforeEach(() => fake.reset());

  it('starts without a bot token, asks Slack nothing until a workspace installs, and reports ready', async () => {
    expect([bot.mode, bot.oauth]).toEqual(['http', true]);
    expect(callsAtStart).toBe(0);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { checks: { name: string; ok: boolean }[] };
    expect(body.checks.find((c) => c.name === 'adapter:slack')).toMatchObject({ ok: true });
  });

  it("GET /slack/install links to Slack's authorize URL with the client id, the bot scopes and a state held in a cookie", async () => {
    const { res, cookie, state, authorizeUrl } = await startInstall();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(`${authorizeUrl?.origin}${authorizeUrl?.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
    expect(authorizeUrl?.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorizeUrl?.searchParams.get('scope')).toBe(BOT_SCOPES.join(','));
    expect(state).toBeTruthy();
    expect(authorizeUrl?.searchParams.get('state')).toBe(state);
  });

  it('exchanges the code on the redirect, stores the installation with its token encrypted, and says it is installed', async () => {
    const code = fake.addWorkspace(T1);
    const { state } = await startInstall();
    const { res, html } = await finishInstall({ code, state: state! }, state);

    expect(res.status).toBe(200);
    expect(html).toContain('Rotation Bot is installed in Workspace One');
    expect(res.headers.get('set-cookie')).toMatch(new RegExp(`^${STATE_COOKIE}=deleted;`));
    const exchange = fake.callsTo('oauth.v2.access');
    expect(exchange).toHaveLength(1);
    expect(exchange[0]!.params).toMatchObject({ code, client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    expect(fake.callsTo('auth.test').map((c) => c.token)).toEqual([T1.botToken]);

    expect(await installations().find(workspace('T1'))).toMatchObject({ team: { id: 'T1', name: 'Workspace One' }, bot: { token: T1.botToken }, isEnterpriseInstall: false });
    if (!isSqliteStore(running.store)) throw new Error('this test reads the SQLite file');
    const raw = JSON.stringify(running.store.db.prepare('SELECT * FROM slack_installations').all());
    expect(raw).toContain('T1');
    expect(raw).not.toContain(T1.botToken);
    expect(logged.some((l) => l.msg === 'slack app installed' && l.workspace === 'T1')).toBe(true);
  });

  describe('refuses a redirect whose state is not the one this browser was given, storing nothing', () => {
    const T3: FakeWorkspace = { teamId: 'T3', name: 'Workspace Three', botToken: 'xoxb-t3-bot-token' };
    const forged = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"installOptions":{"scopes":[]},"now":"2026-01-20T00:00:00.000Z"}').toString('base64url')}.c2lnbmF0dXJl`;
    it.each([
      ['a state that differs from the cookie', (state: string) => ({ query: { state }, cookie: `${state}x` })],
      ['no cookie', (state: string) => ({ query: { state }, cookie: undefined })],
      ['no state', (state: string) => ({ query: {}, cookie: state })],
      ['a state not signed with SLACK_STATE_SECRET', () => ({ query: { state: forged }, cookie: forged })],
    ])('%s: 400 and a page to start again', async (_what, make) => {
      const code = fake.addWorkspace(T3);
      const { state } = await startInstall();
      const { query, cookie } = make(state!);
      const { res, html } = await finishInstall({ code, ...query }, cookie);
      expect(res.status).toBe(400);
      expect(html).toContain('This install link has expired');
      expect(html).toContain('href="/slack/install"');
      expect(fake.callsTo('oauth.v2.access')).toEqual([]);
      expect(await installations().find(workspace('T3'))).toBeUndefined();
    });
  });

  describe('with two workspaces installed', () => {
    beforeAll(async () => {
      await install(T1);
      await install(T2);
    });

    it("answers /smallcaps from T2 with T2's bot token on every Web API call", async () => {
      const { sent } = slash('T2', '/smallcaps', 'ytd');
      const res = await sent;
      expect(res.status).toBe(200);
      const complete = await fake.waitFor(() => fake.callsTo('files.completeUploadExternal')[0], 15_000, 'the chart upload');
      expect(complete.params.channel_id).toBe('C_T2');
      expect(JSON.stringify(complete.params.blocks)).toContain('+7.3 pp');
      expect(apiCalls().map((c) => c.method)).toEqual(['users.info', 'files.getUploadURLExternal', 'files.completeUploadExternal']);
      expect(apiCalls().map((c) => c.token)).toEqual([T2.botToken, T2.botToken, T2.botToken]);
    });

    it("looks the same user id up again in another workspace, with that workspace's token", async () => {
      await responseTo(slash('T2', '/help', '').id);
      await responseTo(slash('T1', '/help', '').id);
      expect(fake.callsTo('users.info').map((c) => c.token)).toEqual([T1.botToken]);
    });

    it("records the workspace of a /rotation subscribe and posts the morning brief there with that workspace's token", async () => {
      const { sent } = slash('T2', '/rotation', 'subscribe time:08:30 timezone:America/New_York', 'U_ADMIN', 'C_MORNING');
      expect((await sent).status).toBe(200);
      await fake.waitFor(() => fake.callsTo('chat.postMessage')[0], 10_000, 'the subscribe answer');
      const stored = await running.services.subscriptions.get('slack', 'C_MORNING');
      expect(stored?.workspaceId).toBe('T2');

      fake.reset();
      const clock = simClock('2026-01-21T13:30:00Z');
      // Subscribed "now" by the real clock; the simulated morning must come after that.
      const scheduler = schedulerOn(memoryDb([{ ...stored!, createdAt: Date.parse('2026-01-01T00:00:00Z') }]), [bot.poster], clock);
      const outcomes = await scheduler.tick(clock.now());
      expect(outcomes).toMatchObject([{ channelId: 'C_MORNING', reportDate: '2026-01-20', result: 'posted' }]);
      const posts = fake.callsTo('chat.postMessage');
      expect(posts.map((c) => [c.params.channel, c.token])).toEqual([['C_MORNING', T2.botToken]]);
    });

    it('gives up at once on a morning post whose workspace has no installation, or that names no workspace', async () => {
      const clock = simClock('2026-01-21T13:30:00Z');
      const subs = [subscription({ channelId: 'C_GONE', workspaceId: 'T9' }), subscription({ channelId: 'C_OLD' })];
      const outcomes = await schedulerOn(memoryDb(subs), [bot.poster], clock).tick(clock.now());
      expect(outcomes).toMatchObject([
        { channelId: 'C_GONE', result: 'failed', error: 'Rotation Bot is not installed in Slack workspace T9' },
        { channelId: 'C_OLD', result: 'failed', error: expect.stringContaining('run /rotation subscribe in the channel again') },
      ]);
      expect(fake.calls).toEqual([]);
    });

    it('acknowledges a command from a workspace with no installation, runs nothing and logs a warning', async () => {
      const stray = slash('T9', '/help', '');
      const res = await stray.sent;
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('');
      // A command sent afterwards is answered; by then nothing from the stray one has arrived.
      const next = slash('T2', '/help', '');
      await responseTo(next.id);
      expect(fake.responses.map((r) => r.id)).toEqual([next.id]);
      expect(apiCalls().every((c) => c.token === T2.botToken)).toBe(true);
      const warning = logged.find((l) => l.msg === 'slack request from a workspace without an installation; ignored');
      expect(JSON.stringify(warning)).toContain('T:T9');
    });

    it("deletes a workspace's installation when the app is uninstalled there, and keeps the others", async () => {
      const res = await event('T1', { type: 'app_uninstalled' });
      expect(res.status).toBe(200);
      await expect.poll(() => installations().find(workspace('T1'))).toBeUndefined();
      expect(await installations().find(workspace('T2'))).toMatchObject({ bot: { token: T2.botToken } });
      expect(logged.find((l) => l.msg === 'slack installation deleted')).toMatchObject({ workspace: 'T1', event: 'app_uninstalled' });
    });

    it("deletes the installation when the bot's token is revoked, not when only users' tokens are", async () => {
      const T4: FakeWorkspace = { teamId: 'T4', name: 'Workspace Four', botToken: 'xoxb-t4-bot-token' };
      await install(T4);
      expect((await event('T4', { type: 'tokens_revoked', tokens: { oauth: ['U_INSTALLER'] } })).status).toBe(200);
      await expect.poll(() => logged.some((l) => l.msg === 'slack user tokens revoked; installation kept' && l.workspace === 'T4')).toBe(true);
      expect(await installations().find(workspace('T4'))).toBeDefined();
      expect((await event('T4', { type: 'tokens_revoked', tokens: { bot: ['U_BOT_T4'] } })).status).toBe(200);
      await expect.poll(() => installations().find(workspace('T4'))).toBeUndefined();
    });
  });

  it('writes no bot token and neither OAuth secret to the log, even before the log scrubs secrets', () => {
    const everything = JSON.stringify(logged);
    expect(logged.length).toBeGreaterThan(10);
    for (const secret of [T1.botToken, T2.botToken, 'xoxb-', CLIENT_SECRET, STATE_SECRET]) expect(everything).not.toContain(secret);
  });
});
