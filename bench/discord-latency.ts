import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { startDiscordBot } from '../bots/discord/discord-bot.ts';
import { createServices } from '../bots/services.ts';
import { COMMANDS } from '../commands/index.ts';
import { spawnTsWorker } from '../core/charts/spawn-ts-worker.ts';
import { loadConfig } from '../core/config.ts';
import { FakeDiscord } from '../test/fakes/fake-discord.ts';
import { chatInput, str } from '../test/fakes/discord-interactions.ts';

export type Percentiles = { readonly p50: number; readonly p99: number; readonly max: number };

export type Latencies = {
  /** From the gateway dispatch to the deferred callback (type 5) reaching the fake. */
  readonly toDeferMs: Percentiles;
  /** From the gateway dispatch to the PATCH of @original with the embed and chart. */
  readonly toFinalEditMs: Percentiles;
};

export type DiscordLatency = {
  readonly interactions: number;
  /** Where the fake ran: its own thread (the bot alone on the main event loop) or the bot's. */
  readonly fake: 'worker-thread' | 'same-thread';
  /** The first interaction after start-up: render workers and fonts load, data is read. Not in the figures below. */
  readonly coldStart: { readonly toDeferMs: number; readonly toFinalEditMs: number };
  /** One interaction at a time. */
  readonly sequential: Latencies;
  /** All at once, as a burst in a busy server might arrive. */
  readonly burst: Latencies;
};

type Seen = { readonly method: string; readonly path: string; readonly status: number; readonly at: number };

/** The fake as the bench uses it, times as epoch milliseconds so that threads compare. */
type FakeHandle = {
  readonly apiUrl: string;
  dispatch(payload: Record<string, unknown>): Promise<number>;
  waitFor(predicate: (r: Seen) => boolean): Promise<Seen>;
  close(): Promise<void>;
};

const epoch = (at: number) => performance.timeOrigin + at;

function waiterList() {
  const seen: Seen[] = [];
  const waiting = new Set<{ predicate: (r: Seen) => boolean; resolve: (r: Seen) => void }>();
  return {
    add(r: Seen) {
      seen.push(r);
      for (const w of waiting) if (w.predicate(r)) (waiting.delete(w), w.resolve(r));
    },
    waitFor(predicate: (r: Seen) => boolean): Promise<Seen> {
      const found = seen.find(predicate);
      return found ? Promise.resolve(found) : new Promise((resolve) => waiting.add({ predicate, resolve }));
    },
  };
}

async function fakeOnThisThread(): Promise<FakeHandle> {
  const fake = await FakeDiscord.start({ applicationId: '1234' });
  const list = waiterList();
  fake.onRequest((r) => list.add({ method: r.method, path: r.path, status: r.status, at: epoch(r.at) }));
  return { apiUrl: fake.apiUrl, dispatch: async (payload) => epoch(fake.dispatchInteraction(payload)), waitFor: list.waitFor, close: () => fake.close() };
}

async function fakeOnWorker(): Promise<FakeHandle> {
  const worker = spawnTsWorker(new URL('../test/fakes/discord-fake-worker.ts', import.meta.url), { name: 'fake-discord' });
  const list = waiterList();
  const dispatched = new Map<unknown, (at: number) => void>();
  const apiUrl = await new Promise<string>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (m: { type: string; apiUrl?: string; id?: unknown; at: number } & Seen) => {
      if (m.type === 'ready') resolve(m.apiUrl!);
      else if (m.type === 'request') list.add(m);
      else if (m.type === 'dispatched') dispatched.get(m.id)?.(m.at);
    });
  });
  return {
    apiUrl,
    dispatch(payload) {
      return new Promise((resolve) => {
        dispatched.set(payload.id, resolve);
        worker.postMessage({ type: 'dispatch', payload });
      });
    },
    waitFor: list.waitFor,
    async close() {
      worker.postMessage({ type: 'close' });
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}

function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted.at(-1) ?? Number.NaN) };
}

/**
 * Sends `count` `/smallcaps ytd` interactions one after another, then `count` at once, through the
 * real discord.js client and the fake Discord, with the real market data and chart rendering.
 */
export async function benchDiscordLatency(
  count = 50,
  { sameThread = false, dataDir = path.resolve(import.meta.dirname, '../../shared/market-data') }: { sameThread?: boolean; dataDir?: string } = {},
): Promise<DiscordLatency> {
  const fake = sameThread ? await fakeOnThisThread() : await fakeOnWorker();
  const config = loadConfig(
    { ROTATION_DATA_DIR: dataDir, ROTATION_AS_OF: '2026-01-20', ROTATION_DB_PATH: ':memory:', DISCORD_TOKEN: 'bench-token', DISCORD_APPLICATION_ID: '1234', DISCORD_API_URL: fake.apiUrl },
    {},
  );
  const running = createServices(config);
  const bot = await startDiscordBot({ config, services: running.services, registry: COMMANDS, log: pino({ level: 'warn' }) });
  const one = async (): Promise<[number, number]> => {
    const i = chatInput('1234', 'smallcaps', [str('period', 'ytd')]);
    const sentAt = await fake.dispatch(i);
    const callback = await fake.waitFor((r) => r.method === 'POST' && r.path.startsWith(`/api/v10/interactions/${i.id}/`));
    const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path.endsWith(`/${i.token}/messages/@original`) && r.status === 200);
    return [callback.at - sentAt, edit.at - sentAt];
  };
  const summarise = (samples: readonly [number, number][]): Latencies => ({
    toDeferMs: percentiles(samples.map((s) => s[0])),
    toFinalEditMs: percentiles(samples.map((s) => s[1])),
  });
  try {
    const [coldDefer, coldEdit] = await one();
    const sequential: [number, number][] = [];
    for (let n = 0; n < count; n++) sequential.push(await one());
    const burst = await Promise.all(Array.from({ length: count }, one));
    return {
      interactions: count,
      fake: sameThread ? 'same-thread' : 'worker-thread',
      coldStart: { toDeferMs: Math.round(coldDefer), toFinalEditMs: Math.round(coldEdit) },
      sequential: summarise(sequential),
      burst: summarise(burst),
    };
  } finally {
    await bot.stop();
    await running.close();
    await fake.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await benchDiscordLatency(50, { sameThread: process.argv.includes('--same-thread') });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
