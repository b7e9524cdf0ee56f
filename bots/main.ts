import { COMMANDS } from '../commands/index.ts';
import { findCommand, splitCommandLine } from '../commands/prepare.ts';
import { ConfigError, loadConfig } from '../core/config.ts';
import { createLogger } from '../core/logger.ts';
import { CLI_USAGE, CliUsageError, flagsToEnv, parseCliArgs } from './console/cli-args.ts';
import { askOnce, runConsole } from './console/console-bot.ts';
import { articleRequest, messageRequest } from '../commands/message-request.ts';
import type { MessageRequest } from '../commands/message-request.ts';
import { InputFileError, readInput } from './console/read-input.ts';
import type { ConsoleIo } from './console/console-bot.ts';
import { startServices } from './services.ts';
import { postNow } from './console/post-now.ts';
import { createConsolePoster } from './scheduler/console-poster.ts';
import { createPostScheduler } from './scheduler/post-scheduler.ts';
import { postersOf } from './scheduler/posters-of.ts';
import { startScheduler } from './scheduler/start-scheduler.ts';
import { configSecrets } from '../core/ops/scrub-secrets.ts';
import { createOpsHandler } from './ops/ops-routes.ts';
import { startOpsServer } from './ops/ops-server.ts';
import { createReadinessProbe } from './ops/readiness-probe.ts';
import type { ProbedAdapter } from './ops/readiness-probe.ts';
import { firstSignal, shutDown } from './ops/shutdown.ts';
import type { ShutdownStep } from './ops/shutdown.ts';
import { commandGateFor } from '../commands/command-gate.ts';
import { isSampleData } from '../core/data/sample-data.ts';
import { DatabaseOpenError } from '../core/store/database-open-error.ts';
import { t } from '../core/i18n/translate.ts';

const SAMPLE_ONLY_IN_CONSOLE =
  'ROTATION_DATA_DIR=sample (the bundled sample data) is for the console only: in Slack or Discord a team could take its numbers for live ones. Unset it for live data, or set it to a folder of CSV files.';

// Output piped into `head` and the like: once the reader has gone, stop quietly rather than print a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

const io: ConsoleIo = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };

async function main(): Promise<number> {
  let cli;
  try {
    cli = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.err(`${error.message}\n\n${CLI_USAGE}`);
    return 2;
  }
  const settings = flagsToEnv(cli.flags);
  let config;
  try {
    config = loadConfig(settings);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(error.message);
    return 2;
  }
  const platforms = Boolean(config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID || config.DISCORD_TOKEN);
  if (cli.request.mode === 'serve' && isSampleData(config.ROTATION_DATA_DIR) && platforms) {
    io.err(SAMPLE_ONLY_IN_CONSOLE);
    return 2;
  }
  // The console's prompt stays readable: only problems are logged there.
  const logLevel = cli.request.mode === 'serve' && platforms ? config.LOG_LEVEL : 'warn';
  const log = createLogger(logLevel, { secrets: configSecrets(config) });
  let unhandled = 0;
  process.on('unhandledRejection', (reason) => log.error({ err: reason, unhandled: ++unhandled }, 'unhandled promise rejection'));
  let running;
  try {
    running = await startServices(config, { log });
  } catch (error) {
    if (!(error instanceof DatabaseOpenError)) throw error;
    const { file, problem, detail } = error;
    io.err(t(config.ROTATION_LANG, 'errors.database.open', { file, reason: t(config.ROTATION_LANG, `errors.database.${problem}`, { file, detail }) }));
    return 2;
  }
  let oneShot: MessageRequest | undefined;
  try {
    oneShot = cli.request.mode === 'ask' ? messageRequest(COMMANDS, cli.request.line) : cli.request.mode === 'read' ? articleRequest(COMMANDS, await readInput(cli.request.file, process.stdin)) : undefined;
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    io.err(`${error.message}\n\n${CLI_USAGE}`);
    await running.close();
    return 1;
  }
  // A one-shot chart command (or a question that may read as one): the render worker loads while the data does.
  const command = oneShot && ('line' in oneShot ? findCommand(COMMANDS, splitCommandLine(oneShot.line).name) : oneShot.command);
  if (command && (command.slow || command.name === 'ask')) running.services.charts.warm?.();
  try {
    if (oneShot) return await askOnce(COMMANDS, oneShot, running.services, log, io, cli.flags.json);
    if (cli.request.mode === 'post-now') return await postNow(running.services, log, io, cli.flags.json);
    const adapters: { stop(): Promise<void> }[] = [];
    const probed: ProbedAdapter[] = [];
    const drainMs = config.ROTATION_SHUTDOWN_TIMEOUT_SECONDS * 1000;
    // Shard processes drain their own commands, so they are told to stop while this process drains.
    const stopWhileDraining: ShutdownStep[] = [];
    const gate = commandGateFor(config);
    const opsHandler = createOpsHandler(createReadinessProbe({ services: running.services, db: running.db, adapters: () => probed, inflight: gate.inflight }));
    // Each platform's SDK is loaded only when it is configured (Slack's first, as its undici must be): the console and one-shot answers start without them.
    if (config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID) {
      const { startSlackBot } = await import('./slack/slack-bot.ts');
      const slack = await startSlackBot({ config, services: running.services, registry: COMMANDS, log, opsHandler, gate, installations: running.store.installations });
      adapters.push(slack);
      probed.push({ name: 'slack', connected: slack.connected });
    }
    if (config.DISCORD_TOKEN) {
      const { DISCORD_TOKEN, DISCORD_SHARDS } = config;
      const { shardStopTimeoutMs, startShardedDiscord } = await import('./discord/sharded-discord.ts');
      const { startDiscordBot } = await import('./discord/discord-bot.ts');
      const discord = DISCORD_SHARDS
        ? await startShardedDiscord({ config: { ...config, DISCORD_TOKEN, DISCORD_SHARDS }, settings, log })
        : await startDiscordBot({ config, services: running.services, registry: COMMANDS, log, gate });
      adapters.push(discord);
      probed.push({ name: 'discord', connected: discord.connected });
      if (DISCORD_SHARDS) stopWhileDraining.push({ name: 'discord shards', run: () => discord.stop(), ms: shardStopTimeoutMs(config) });
    }
    if (adapters.length) {
      const ops = config.OPS_PORT ? await startOpsServer(opsHandler, config.OPS_PORT) : undefined;
      if (ops) log.info({ port: ops.port }, 'health checks on /healthz and /readyz');
      const scheduler = startScheduler(createPostScheduler(running.services, postersOf(adapters), log), log);
      const signal = await firstSignal(['SIGINT', 'SIGTERM'], (again) => {
        log.warn({ signal: again }, 'second signal: exiting at once');
        process.exit(1);
      });
      log.info({ signal }, 'signal received');
      // Should closing hang, the process still ends, reporting the failure.
      setTimeout(() => {
        log.error('shutdown did not finish in time; exiting');
        process.exit(1);
      }, drainMs + 15_000).unref();
      await shutDown({
        inflight: gate.inflight,
        drainMs,
        alongside: [{ name: 'scheduler', run: () => scheduler.stop() }, ...stopWhileDraining],
        then: [
          ...adapters.map((adapter, i) => ({ name: probed[i]?.name ?? 'adapter', run: () => adapter.stop() })),
          ...(ops ? [{ name: 'ops server', run: () => ops.close() }] : []),
        ],
        log,
      });
      return 0;
    }
    // The console prints its posts itself; only problems go to the log, so the prompt stays readable.
    const quiet = log.child({}, { level: 'warn' });
    const scheduler = startScheduler(createPostScheduler(running.services, [createConsolePoster(io, config.ROTATION_OUT_DIR)], quiet), quiet);
    try {
      await runConsole(COMMANDS, running.services, log, io);
    } finally {
      await scheduler.stop();
    }
    return 0;
  } finally {
    await running.close();
    if (cli.request.mode === 'serve') log.info('render pool and database closed');
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Rotation Bot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
