import { COMMANDS } from '../commands/index.ts';
import { ConfigError, loadConfig } from '../core/config.ts';
import { createLogger } from '../core/logger.ts';
import { CLI_USAGE, CliUsageError, flagsToEnv, parseCliArgs } from './console/cli-args.ts';
import { askOnce, runConsole } from './console/console-bot.ts';
import type { ConsoleIo } from './console/console-bot.ts';
import { createServices } from './services.ts';
import { startSlackBot } from './slack/slack-bot.ts';
import { startDiscordBot } from './discord/discord-bot.ts';
import { postNow } from './console/post-now.ts';
import { createConsolePoster } from './scheduler/console-poster.ts';
import { createPostScheduler } from './scheduler/post-scheduler.ts';
import { postersOf } from './scheduler/posters-of.ts';
import { startScheduler } from './scheduler/start-scheduler.ts';

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
  let config;
  try {
    config = loadConfig(flagsToEnv(cli.flags));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(error.message);
    return 2;
  }
  const log = createLogger(cli.request.mode === 'serve' ? config.LOG_LEVEL : 'warn');
  const running = createServices(config);
  try {
    if (cli.request.mode === 'ask') return await askOnce(COMMANDS, cli.request.line, running.services, log, io, cli.flags.json);
    if (cli.request.mode === 'post-now') return await postNow(running.services, log, io, cli.flags.json);
    const adapters: { stop(): Promise<void> }[] = [];
    if (config.SLACK_BOT_TOKEN) adapters.push(await startSlackBot({ config, services: running.services, registry: COMMANDS, log }));
    if (config.DISCORD_TOKEN) adapters.push(await startDiscordBot({ config, services: running.services, registry: COMMANDS, log }));
    if (adapters.length) {
      const scheduler = startScheduler(createPostScheduler(running.services, postersOf(adapters), log), log);
      await new Promise<void>((resolve) => ['SIGINT', 'SIGTERM'].forEach((signal) => process.once(signal, () => resolve())));
      await scheduler.stop();
      await Promise.all(adapters.map((adapter) => adapter.stop()));
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
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Rotation Bot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
