import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

/** One Web API call as the fake saw it; form values that hold JSON (blocks, files) are parsed. */
export type ApiCall = {
  readonly seq: number;
  /** performance.now() when the fake received it. */
  readonly at: number;
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly headers: IncomingHttpHeaders;
  /** The token the call carried (`Authorization: Bearer …`, or a `token` parameter). */
  readonly token: string | undefined;
  /** What the fake answered: 200, or 429 for a programmed rate limit. */
  readonly status: number;
};

export type UploadRecord = { readonly seq: number; readonly at: number; readonly fileId: string; readonly bytes: Buffer; readonly isPng: boolean };

export type ResponsePost = { readonly seq: number; readonly at: number; readonly id: string; readonly body: Record<string, unknown> };

export type SlackErrorCode = 'not_in_channel' | 'channel_not_found' | 'invalid_auth' | 'ratelimited' | (string & {});

export type FakeUser = { readonly locale?: string; readonly isAdmin?: boolean; readonly displayName?: string };

/** A workspace that can install the app through OAuth: `oauth.v2.access` grants it this bot token. */
export type FakeWorkspace = { readonly teamId: string; readonly name: string; readonly botToken: string };

export type FakeSlack = {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** What SLACK_API_URL points at: `<origin>/api/` */
  readonly apiUrl: string;
  /** A response_url on the fake; posts to it land in `responses`. */
  responseUrl(id: string): string;
  readonly calls: ApiCall[];
  readonly uploads: UploadRecord[];
  readonly responses: ResponsePost[];
  callsTo(method: string): ApiCall[];
  /** The next call to `method` answers `{ ok: false, error }`. */
  failNext(method: string, error: SlackErrorCode): void;
  /** The next call to `method` answers HTTP 429 with `Retry-After`. */
  rateLimitNext(method: string, retryAfterSeconds?: number): void;
  setUser(userId: string, user: FakeUser): void;
  /** Lets `workspace` install the app; returns the grant code `oauth.v2.access` exchanges for its bot token. */
  addWorkspace(workspace: FakeWorkspace): string;
  /** Resolves with the first truthy value of `check`, polling; rejects after `timeoutMs`. */
  waitFor<T>(check: () => T | undefined | null | false, timeoutMs?: number, what?: string): Promise<T>;
  /** Forgets recorded calls and pending faults (users and workspaces stay). */
  reset(): void;
  readonly socket: {
    /** Messages the app sent over the Socket Mode connection (envelope acks). */
    readonly received: Record<string, unknown>[];
    /** Resolves once an app has connected and been sent `hello`. */
    connected(): Promise<void>;
    /** Pushes an envelope to the connected app. */
    send(envelope: Record<string, unknown>): void;
  };
  close(): Promise<void>;
};

type Fault = { readonly kind: 'error'; readonly error: string } | { readonly kind: 'http429'; readonly retryAfter: number };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The WebClient sends url-encoded forms with nested values as JSON strings; some callers send JSON. */
function parseParams(req: IncomingMessage, raw: Buffer): Record<string, unknown> {
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) return raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) {
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** A local stand-in for Slack: the Web API methods the bot calls, file uploads, response_urls and a Socket Mode endpoint. */
export async function startFakeSlack(users: Record<string, FakeUser> = {}): Promise<FakeSlack> {
  const calls: ApiCall[] = [];
  const uploads: UploadRecord[] = [];
  const responses: ResponsePost[] = [];
  const received: Record<string, unknown>[] = [];
  const faults = new Map<string, Fault[]>();
  const people = new Map(Object.entries(users));
  const grants = new Map<string, FakeWorkspace>();
  const byToken = new Map<string, FakeWorkspace>();
  let seq = 0;
  let fileCounter = 0;
  let origin = '';

  const takeFault = (method: string) => faults.get(method)?.shift();
  const addFault = (method: string, fault: Fault) => faults.set(method, [...(faults.get(method) ?? []), fault]);

  function answer(method: string, params: Record<string, unknown>, token: string | undefined): Record<string, unknown> {
    switch (method) {
      case 'auth.test': {
        const w = token ? byToken.get(token) : undefined;
        if (w) return { ok: true, url: 'https://fake.slack.invalid/', team: w.name, user: 'rotation_bot', team_id: w.teamId, user_id: `U_BOT_${w.teamId}`, bot_id: `B_${w.teamId}` };
        return { ok: true, url: 'https://fake.slack.invalid/', team: 'Fake Team', user: 'rotation_bot', team_id: 'T_FAKE', user_id: 'U_BOT', bot_id: 'B_BOT' };
      }
      case 'oauth.v2.access': {
        const w = grants.get(String(params.code ?? ''));
        if (!w) return { ok: false, error: 'invalid_code' };
        return {
          ok: true,
          app_id: 'A_FAKE',
          authed_user: { id: 'U_INSTALLER' },
          scope: 'commands,chat:write,files:write,users:read',
          token_type: 'bot',
          access_token: w.botToken,
          bot_user_id: `U_BOT_${w.teamId}`,
          team: { id: w.teamId, name: w.name },
          enterprise: null,
          is_enterprise_install: false,
        };
      }
      case 'apps.connections.open':
        return { ok: true, url: `${origin.replace(/^http/, 'ws')}/link/?ticket=fake-ticket` };
      case 'users.info': {
        const id = String(params.user ?? '');
        const user = people.get(id) ?? {};
        const locale = params.include_locale === 'true' || params.include_locale === true ? { locale: user.locale ?? 'en-US' } : {};
        const profile = { display_name: user.displayName ?? '', real_name: '' };
        return { ok: true, user: { id, name: id.toLowerCase(), is_admin: user.isAdmin === true, is_owner: false, profile, ...locale } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${1_700_000_000 + seq}.000200` };
      case 'chat.postMessage':
        return { ok: true, channel: params.channel, ts: `${1_700_000_000 + seq}.000100`, message: { text: params.text, blocks: params.blocks } };
      case 'files.getUploadURLExternal': {
        const fileId = `F_FAKE${++fileCounter}`;
        return { ok: true, upload_url: `${origin}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = Array.isArray(params.files) ? (params.files as { id: string; title?: string }[]) : [];
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readBody(req);
    const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
    if (req.method === 'POST' && api) {
      const method = api[1]!;
      const params = parseParams(req, raw);
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? (typeof params.token === 'string' ? params.token : undefined);
      const fault = takeFault(method);
      const status = fault?.kind === 'http429' ? 429 : 200;
      calls.push({ seq: ++seq, at: performance.now(), method, params, headers: req.headers, token, status });
      if (fault?.kind === 'http429') return sendJson(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfter) });
      if (fault?.kind === 'error') return sendJson(res, 200, { ok: false, error: fault.error });
      return sendJson(res, 200, answer(method, params, token));
    }
    const upload = /^\/upload\/(\w+)$/.exec(url.pathname);
    if (req.method === 'POST' && upload) {
      const form = await new Response(raw, { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
      const file = [...form.values()].find((v) => typeof v !== 'string') as Blob | undefined;
      const bytes = file ? Buffer.from(await file.arrayBuffer()) : raw;
      uploads.push({ seq: ++seq, at: performance.now(), fileId: upload[1]!, bytes, isPng: bytes.subarray(0, 8).equals(PNG_SIGNATURE) });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`OK - ${bytes.length}`);
      return;
    }
    const response = /^\/response\/([\w-]+)$/.exec(url.pathname);
    if (req.method === 'POST' && response) {
      responses.push({ seq: ++seq, at: performance.now(), id: response[1]!, body: JSON.parse(raw.toString('utf8')) as Record<string, unknown> });
      return sendJson(res, 200, { ok: true });
    }
    sendJson(res, 404, { ok: false, error: 'not_found' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => sendJson(res, 500, { ok: false, error: String(error) }));
  });
  const wss = new WebSocketServer({ noServer: true });
  let current: WebSocket | undefined;
  let onConnected: (() => void)[] = [];
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/link')) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      current = ws;
      ws.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
      ws.on('close', () => {
        if (current === ws) current = undefined;
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack' }, connection_info: { app_id: 'A_FAKE' } }));
      for (const resolve of onConnected) resolve();
      onConnected = [];
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    apiUrl: `${origin}/api/`,
    responseUrl: (id) => `${origin}/response/${id}`,
    calls,
    uploads,
    responses,
    callsTo: (method) => calls.filter((c) => c.method === method),
    failNext: (method, error) => addFault(method, { kind: 'error', error }),
    rateLimitNext: (method, retryAfter = 1) => addFault(method, { kind: 'http429', retryAfter }),
    setUser: (userId, user) => void people.set(userId, user),
    addWorkspace(workspace) {
      const code = `code-${workspace.teamId}`;
      grants.set(code, workspace);
      byToken.set(workspace.botToken, workspace);
      return code;
    },
    async waitFor(check, timeoutMs = 10_000, what = 'the expected Slack traffic') {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = check();
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    reset() {
      calls.length = 0;
      uploads.length = 0;
      responses.length = 0;
      received.length = 0;
      faults.clear();
    },
    socket: {
      received,
      connected: () => (current ? Promise.resolve() : new Promise((resolve) => onConnected.push(resolve))),
      send(envelope) {
        if (!current) throw new Error('No Socket Mode client is connected');
        current.send(JSON.stringify(envelope));
      },
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
