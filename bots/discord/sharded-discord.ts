import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
import { NODE_FLAGS } from '../../core/runtime/node-flags.ts';
import type { RESTGetAPIGatewayBotResult, Shard } from 'discord.js';
import type { Config } from '../../core/config.ts';
import type { Logger } from '../../core/logger.ts';
import type { Poster } from '../scheduler/poster.ts';
import { createDiscordPoster } from './discord-poster.ts';
import { discordRestOptions } from './rest-options.ts';
import { isTypeScript, siblingModule } from '../../core/runtime/module-paths.ts';

const SHARD_ENTRY = fileURLToPath(siblingModule(import.meta.url, 'shard-main'));
/** Discord lets one IDENTIFY through per 5 s (per concurrency bucket); discord.js's own default gap. */
const DEFAULT_SPAWN_DELAY_MS = 5_500;
const DEFAULT_READY_TIMEOUT_MS = 60_000;
/** How long a shard may take to stop: its own drain time, plus 5 s to close its client, render pool and database. */
export const shardStopTimeoutMs = (config: Pick<Config, 'ROTATION_SHUTDOWN_TIMEOUT_SECONDS'>) => config.ROTATION_SHUTDOWN_TIMEOUT_SECONDS * 1000 + 5_000;

export type ShardedDiscordOptions = {
  readonly config: Config & { readonly DISCORD_SHARDS: 'auto' | number; readonly DISCORD_TOKEN: string };
  /** Settings given beside the environment (command-line flags, a test's overrides): every shard gets them too. */
  readonly settings: Readonly<Record<string, string>>;
  readonly log: Logger;
  readonly spawnDelayMs?: number;
  readonly readyTimeoutMs?: number;
};

export type ShardedDiscord = {
  readonly manager: ShardingManager;
  readonly shardCount: number;
  /** Morning posts go through REST from this process: no gateway session is needed to post. */
  readonly poster: Poster;
  /** Every shard's client is logged in and ready, for /readyz. */
  connected(): boolean;
  stop(): Promise<void>;
};

/** `auto` asks Discord (`GET /gateway/bot`) how many shards it recommends for the bot's guilds. */
async function resolveShardCount(setting: 'auto' | number, rest: REST): Promise<number> {
  if (setting !== 'auto') return setting;
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return Math.max(1, gateway.shards);
}

/** SIGTERM, then SIGKILL once `timeoutMs` has passed: the shard drains its commands in flight and exits. */
function stopShard(shard: Shard, timeoutMs: number): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Runs the Discord side under discord.js's ShardingManager: one child process per shard
 * (`shard-main`), respawned should it die. This process keeps no gateway session.
 */
export async function startShardedDiscord({ config, settings, log: parentLog, spawnDelayMs, readyTimeoutMs }: ShardedDiscordOptions): Promise<ShardedDiscord> {
  const log = parentLog.child({ platform: 'discord' });
  const rest = new REST(discordRestOptions(config)).setToken(config.DISCORD_TOKEN);
  const shardCount = await resolveShardCount(config.DISCORD_SHARDS, rest);
  // Compiled shards start as they are; from the sources (tests) they need tsx's loader.
  const execArgv = [...NODE_FLAGS, ...(isTypeScript(SHARD_ENTRY) ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [])];
  const manager = new ShardingManager(SHARD_ENTRY, {
    token: config.DISCORD_TOKEN,
    totalShards: shardCount,
    mode: 'process',
    respawn: true,
    execArgv,
  });
  manager.on('shardCreate', (shard) => {
    Object.assign(shard.env as Record<string, string>, settings);
    shard.on('ready', () => log.info({ shard: shard.id, shardCount }, 'shard ready'));
    shard.on('disconnect', () => log.warn({ shard: shard.id }, 'shard disconnected from the gateway'));
    shard.on('death', (child) => log.warn({ shard: shard.id, exitCode: 'exitCode' in child ? child.exitCode : undefined }, 'shard process exited'));
  });
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      manager.respawn = false;
      await Promise.all(manager.shards.map((shard) => stopShard(shard, shardStopTimeoutMs(config))));
      log.info({ shardCount }, 'all shards stopped');
    })();
    return stopped;
  };
  if (config.ROTATION_DB_PATH === ':memory:' && !config.DATABASE_URL) {
    log.warn("ROTATION_DB_PATH is :memory: with DISCORD_SHARDS: each shard gets its own empty database, so /rotation subscriptions made on Discord never reach this process's morning posts");
  }
  log.info({ shardCount }, 'starting Discord shards');
  try {
    await manager.spawn({ amount: shardCount, delay: spawnDelayMs ?? DEFAULT_SPAWN_DELAY_MS, timeout: readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS });
  } catch (error) {
    await stop();
    throw new Error(`Discord shards did not start: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return {
    manager,
    shardCount,
    poster: createDiscordPoster(rest),
    connected: () => stopped === undefined && manager.shards.size === shardCount && manager.shards.every((shard) => shard.ready),
    stop,
  };
}
