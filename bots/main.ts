import { COMMANDS } from '../commands/index.ts';
import { ConfigError, loadConfig } from '../core/config.ts';
import { createLogger } from '../core/logger.ts';
import { CLI_USAGE, CliUsageError, flagsToEnv, parseCliArgs } from './console/cli-args.ts';
import { askOnce, runConsole } from './console/console-bot.ts';
import type { ConsoleIo } from './console/console-bot.ts';
import { createServices } from './services.ts';
import { startSlackBot } from './slack/slack-bot.ts';
import { startDiscordBot } from './discord/discord-bot.ts';

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
    if (cli.request.mode === 'post-now') {
      io.err('post-now is not available yet.');
      return 2;
    }
    const adapters: { stop(): Promise<void> }[] = [];
    if (config.SLACK_BOT_TOKEN) adapters.push(await startSlackBot({ config, services: running.services, registry: COMMANDS, log }));
    if (config.DISCORD_TOKEN) adapters.push(await startDiscordBot({ config, services: running.services, registry: COMMANDS, log }));
    if (adapters.length) {
      await new Promise<void>((resolve) => ['SIGINT', 'SIGTERM'].forEach((signal) => process.once(signal, () => resolve())));
      await Promise.all(adapters.map((adapter) => adapter.stop()));
      return 0;
    }
    await runConsole(COMMANDS, running.services, log, io);
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
