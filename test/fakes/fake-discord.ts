import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

/** A part of a multipart body that carried a file. */
export type RecordedFile = { readonly field: string; readonly filename: string; readonly contentType: string; readonly bytes: Buffer };

export type RecordedRequest = {
  readonly method: string;
  /** Decoded path without the query, e.g. `/api/v10/webhooks/1234/tok/messages/@original`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** `performance.now()` when the request arrived, comparable with `dispatchInteraction`'s return value. */
  readonly at: number;
  /** The JSON body, or `payload_json` of a multipart body. */
  readonly json: unknown;
  readonly files: readonly RecordedFile[];
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
};

type CannedResponse = { readonly status: number; readonly body?: unknown; readonly headers?: Record<string, string> };
type Override = { readonly method: string | undefined; readonly match: RegExp; remaining: number; readonly response: CannedResponse };

export type FakeDiscordOptions = {
  readonly applicationId?: string;
  readonly botUserId?: string;
  readonly heartbeatIntervalMs?: number;
  /** The shard count `GET /gateway/bot` recommends (default 1). */
  readonly shards?: number;
};

/** The shard a guild's events go to, by Discord's formula; direct messages go to shard 0. */
export function shardOfGuild(guildId: string | undefined, shardCount: number): number {
  return guildId === undefined ? 0 : Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let snowflake = 1_400_000_000_000_000_000n;
export const nextSnowflake = () => (snowflake += 1n).toString();

/** A message object as Discord returns it from webhook edits and follow-ups. */
export function messageObject(fields: { id?: string; channelId?: string; authorId: string; body?: Record<string, unknown> }): Record<string, unknown> {
  const body = fields.body ?? {};
  return {
    id: fields.id ?? nextSnowflake(),
    type: 0,
    channel_id: fields.channelId ?? '6000',
    author: { id: fields.authorId, username: 'Rotation Bot', discriminator: '0000', global_name: null, avatar: null, bot: true },
    content: body.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    pinned: false,
    flags: body.flags ?? 0,
    webhook_id: fields.authorId,
  };
}

/**
 * A local stand-in for Discord: the REST routes discord.js calls to log in and answer interactions,
 * and a gateway that says HELLO, acknowledges heartbeats, sends READY after IDENTIFY and then
 * whatever INTERACTION_CREATE dispatches a test pushes. Every request is recorded with its time.
 */
export class FakeDiscord {
  readonly applicationId: string;
  readonly botUserId: string;
  readonly requests: RecordedRequest[] = [];
  readonly identifies: unknown[] = [];
  private readonly overrides: Override[] = [];
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  private wss: WebSocketServer | undefined;
  private readonly sockets = new Set<WebSocket>();
  /** The `[shard, count]` each connection identified with. */
  private readonly shardOf = new Map<WebSocket, readonly [number, number]>();
  /** Channels a bot may post in: those sent with GUILD_CREATE or added by `addChannel`. */
  private readonly channels = new Set<string>();
  /** The shard each dispatched interaction went to, by interaction id. */
  readonly dispatchedTo = new Map<string, number>();
  private readonly recommendedShards: number;
  private readonly listeners = new Set<() => void>();
  private readonly requestListeners = new Set<(r: RecordedRequest) => void>();
  private sequence = 0;
  private readonly heartbeatIntervalMs: number;
  restPort = 0;
  gatewayPort = 0;

  constructor(options: FakeDiscordOptions = {}) {
    this.applicationId = options.applicationId ?? '1234';
    this.botUserId = options.botUserId ?? this.applicationId;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.recommendedShards = options.shards ?? 1;
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await fake.listen();
    return fake;
  }

  /** What `DISCORD_API_URL` should be set to. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.restPort}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.gatewayPort}`;
  }

  /** Gateway connections currently open. */
  get openSockets(): number {
    return this.sockets.size;
  }

  private async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.restPort = (this.server.address() as AddressInfo).port;
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', resolve));
    this.gatewayPort = (wss.address() as AddressInfo).port;
    wss.on('connection', (socket) => this.onConnection(socket));
    this.wss = wss;
  }

  /** Answers the next `times` requests whose method and path match with `response` instead. */
  respondNext(method: string | undefined, match: RegExp, times: number, response: CannedResponse): void {
    this.overrides.push({ method, match, remaining: times, response });
  }

  /** The next `times` matching requests get a 429 with Retry-After, as Discord rate limits. */
  rateLimitNext(method: string | undefined, match: RegExp, times: number, retryAfterSeconds = 0.2): void {
    this.respondNext(method, match, times, {
      status: 429,
      headers: { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-scope': 'user' },
      body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
    });
  }

  /** Calls `listener` with every request as it is recorded. */
  onRequest(listener: (r: RecordedRequest) => void): void {
    this.requestListeners.add(listener);
  }

  /**
   * Pushes an INTERACTION_CREATE dispatch to the gateway client that holds its guild's shard (to every
   * client when none identified as a shard of several); returns when it was sent.
   */
  dispatchInteraction(payload: Record<string, unknown>): number {
    const sharded = [...this.shardOf.values()].find(([, count]) => count > 1);
    if (!sharded) return this.dispatch('INTERACTION_CREATE', payload);
    const shard = shardOfGuild(typeof payload.guild_id === 'string' ? payload.guild_id : undefined, sharded[1]);
    const socket = [...this.shardOf].find(([, [id]]) => id === shard)?.[0];
    if (!socket) throw new Error(`FakeDiscord: shard ${shard} is not connected`);
    this.dispatchedTo.set(String(payload.id), shard);
    return this.dispatch('INTERACTION_CREATE', payload, [socket]);
  }

  /** Shards connected and identified, by id. */
  get connectedShards(): number[] {
    return [...this.shardOf.values()].map(([id]) => id).sort((a, b) => a - b);
  }

  /** Lets bots post to a channel without a GUILD_CREATE (a REST-only poster never sees one). */
  addChannel(channelId: string): void {
    this.channels.add(channelId);
  }

  /** Tells the client it is in a guild with one text channel, as GUILD_CREATE does after READY. */
  guildCreate(guildId: string, channelId: string): number {
    this.channels.add(channelId);
    return this.dispatch('GUILD_CREATE', {
      id: guildId,
      name: 'Markets',
      icon: null,
      owner_id: '7000',
      unavailable: false,
      member_count: 2,
      large: false,
      joined_at: '2025-01-01T00:00:00.000000+00:00',
      preferred_locale: 'en-US',
      features: [],
      roles: [{ id: guildId, name: '@everyone', permissions: '2248473465835073', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      emojis: [],
      stickers: [],
      members: [],
      presences: [],
      voice_states: [],
      threads: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      channels: [{ id: channelId, type: 0, guild_id: guildId, name: 'markets', position: 0, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0, flags: 0 }],
    });
  }

  dispatch(event: string, d: unknown, to: Iterable<WebSocket> = this.sockets): number {
    const frame = JSON.stringify({ op: 0, t: event, s: ++this.sequence, d });
    const at = performance.now();
    for (const socket of to) socket.send(frame);
    return at;
  }

  /** Requests for one interaction (its callback) or one token (its webhook edits and follow-ups). */
  requestsFor(interaction: { id: string; token: string }): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes(`/interactions/${interaction.id}/`) || r.path.includes(`/${interaction.token}`));
  }

  /** Resolves with the first recorded request (already there or still to come) that satisfies `predicate`. */
  waitFor(predicate: (r: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    return this.waitUntil(() => this.requests.find(predicate), timeoutMs, 'request');
  }

  /** Resolves with the probe's first defined value, checked on every request and gateway event and every 10 ms. */
  waitUntil<T>(probe: () => T | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
    return new Promise((resolve, reject) => {
      const stop = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.listeners.delete(listener);
      };
      const check = () => {
        const found = probe();
        if (found === undefined || found === false) return false;
        stop();
        resolve(found);
        return true;
      };
      const listener = () => void check();
      const poll = setInterval(listener, 10);
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`FakeDiscord: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      if (!check()) this.listeners.add(listener);
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onConnection(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.shardOf.delete(socket);
      this.notify();
    });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null }));
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (packet.op === 2) {
        this.identifies.push(packet.d);
        const shard = (packet.d as { shard?: [number, number] }).shard ?? [0, 1];
        this.shardOf.set(socket, shard);
        socket.send(JSON.stringify({ op: 0, t: 'READY', s: ++this.sequence, d: { ...this.readyPayload(), shard } }));
        this.notify();
      }
    });
  }

  private readyPayload() {
    return {
      v: 10,
      user: { id: this.botUserId, username: 'Rotation Bot', discriminator: '0000', global_name: null, avatar: null, bot: true, flags: 0, verified: true },
      guilds: [],
      session_id: `session-${nextSnowflake()}`,
      resume_gateway_url: this.gatewayUrl,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 },
    };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const at = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const method = req.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const { json, files } = await parseBody(raw, req.headers['content-type']);

    const override = this.overrides.find((o) => o.remaining > 0 && (!o.method || o.method === method) && o.match.test(path));
    if (override) override.remaining -= 1;
    const response = override?.response ?? this.route(method, path, json);
    const recorded: RecordedRequest = { method, path, query: url.searchParams, at, json, files, status: response.status, headers: req.headers };
    this.requests.push(recorded);
    for (const listener of this.requestListeners) listener(recorded);
    const body = response.body === undefined ? '' : JSON.stringify(response.body);
    res.writeHead(response.status, { ...(body ? { 'content-type': 'application/json' } : {}), ...response.headers });
    res.end(body);
    this.notify();
  }

  private route(method: string, path: string, json: unknown): CannedResponse {
    const body = (json ?? {}) as Record<string, unknown>;
    const p = path.replace(/^\/api\/v\d+/, '');
    if (method === 'GET' && p === '/gateway/bot') {
      return {
        status: 200,
        body: { url: this.gatewayUrl, shards: this.recommendedShards, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } },
      };
    }
    if (method === 'GET' && p === '/gateway') return { status: 200, body: { url: this.gatewayUrl } };
    if (method === 'GET' && p === '/users/@me') return { status: 200, body: this.readyPayload().user };
    if (method === 'POST' && /^\/interactions\/[^/]+\/[^/]+\/callback$/.test(p)) return { status: 204 };
    let m = /^\/webhooks\/([^/]+)\/([^/]+)\/messages\/([^/]+)$/.exec(p);
    if (m && (method === 'PATCH' || method === 'GET')) {
      return { status: 200, body: messageObject({ authorId: this.botUserId, ...(m[3] === '@original' ? {} : { id: m[3]! }), body }) };
    }
    if (m && method === 'DELETE') return { status: 204 };
    m = /^\/webhooks\/([^/]+)\/([^/]+)$/.exec(p);
    if (m && method === 'POST') return { status: 200, body: messageObject({ authorId: this.botUserId, body }) };
    // Channels the bot can post in arrive with GUILD_CREATE or `addChannel`; any other is unknown.
    m = /^\/channels\/([^/]+)(\/messages)?$/.exec(p);
    if (m && !this.channels.has(m[1]!)) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    if (m?.[2] && method === 'POST') return { status: 200, body: messageObject({ authorId: this.botUserId, channelId: m[1]!, body }) };
    m = /^\/applications\/([^/]+)(?:\/guilds\/([^/]+))?\/commands$/.exec(p);
    if (m && method === 'PUT' && Array.isArray(json)) {
      return {
        status: 200,
        body: json.map((c: Record<string, unknown>) => ({ id: nextSnowflake(), application_id: m![1], ...(m![2] ? { guild_id: m![2] } : {}), version: nextSnowflake(), default_member_permissions: null, ...c })),
      };
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }
}

async function parseBody(raw: Buffer, contentType: string | undefined): Promise<{ json: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { json: undefined, files: [] };
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    let json: unknown;
    const files: RecordedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') json = JSON.parse(value);
      } else {
        files.push({ field, filename: value.name, contentType: value.type, bytes: Buffer.from(await value.arrayBuffer()) });
      }
    }
    return { json, files };
  }
  const text = raw.toString('utf8');
  try {
    return { json: JSON.parse(text), files: [] };
  } catch {
    return { json: text, files: [] };
  }
}
