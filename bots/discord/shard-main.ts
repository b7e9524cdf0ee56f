import { COMMANDS } from '../../commands/index.ts';
import { commandGateFor } from '../../commands/command-gate.ts';
import { loadConfig } from '../../core/config.ts';
import { createLogger } from '../../core/logger.ts';
import { configSecrets } from '../../core/ops/scrub-secrets.ts';
import { startServices } from '../services.ts';
import { firstSignal, shutDown } from '../ops/shutdown.ts';
import { startDiscordBot } from './discord-bot.ts';

/**
 * One Discord shard's process, forked by the sharding manager (`DISCORD_SHARDS`). discord.js's Client
 * takes its shard id and count from the environment the manager sets. A shard answers its guilds'
 * interactions with its own services and render pool; the manager posts the morning briefs.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, { secrets: configSecrets(config) });
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));
  const running = await startServices(config, { log });
  const gate = commandGateFor(config);
  let discord;
  try {
    discord = await startDiscordBot({ config, services: running.services, registry: COMMANDS, log, gate });
  } catch (error) {
    await running.close();
    throw error;
  }
  const shardLog = log.child({ shards: discord.client.shard?.ids });
  shardLog.info('shard ready');
  // The manager stops its shards with SIGTERM, so Ctrl-C in a terminal (SIGINT to the whole group) is
  // left to it. Should the manager die instead, its IPC channel closes.
  process.on('SIGINT', () => shardLog.debug('SIGINT ignored: the sharding manager stops this shard'));
  const parentGone = new Promise<string>((resolve) => process.once('disconnect', () => resolve('manager disconnected')));
  const reason = await Promise.race([firstSignal(['SIGTERM'], () => process.exit(1)), parentGone]);
  shardLog.info({ reason }, 'shard stopping');
  await shutDown({
    inflight: gate.inflight,
    drainMs: config.ROTATION_SHUTDOWN_TIMEOUT_SECONDS * 1000,
    alongside: [],
    then: [
      { name: 'discord', run: () => discord.stop() },
      { name: 'services', run: () => running.close() },
    ],
    log: shardLog,
  });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Rotation Bot shard could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
