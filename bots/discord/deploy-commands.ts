import { COMMANDS } from '../../commands/index.ts';
import { ConfigError, loadConfig } from '../../core/config.ts';
import { deployCommands, restFor } from './deploy.ts';
import { EXPLAIN_MESSAGE_COMMAND } from './to-discord-command.ts';

/** `npm run discord:deploy`: registers the slash commands (in DISCORD_GUILD_ID when set, else globally). */
async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    process.stderr.write('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (and DISCORD_GUILD_ID for a development server) to deploy commands.\n');
    return 2;
  }
  const deployed = await deployCommands(
    restFor(config),
    { applicationId: config.DISCORD_APPLICATION_ID, ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}) },
    COMMANDS,
  );
  const where = deployed.scope === 'guild' ? `server ${config.DISCORD_GUILD_ID} (visible at once)` : 'every server and DM (global; may take a few minutes to appear)';
  process.stdout.write(`Registered ${deployed.names.length} commands in ${where}: ${deployed.names.map((n) => (n === EXPLAIN_MESSAGE_COMMAND ? `"${n}" (message menu)` : `/${n}`)).join(', ')}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Could not deploy the Discord commands: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
