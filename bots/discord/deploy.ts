import { REST, Routes } from 'discord.js';
import type { AnyCommand } from '../../commands/define-command.ts';
import type { Config } from '../../core/config.ts';
import { discordRestOptions } from './rest-options.ts';
import { deployBody } from './to-discord-command.ts';

export type DeployTarget = { readonly applicationId: string; readonly guildId?: string };
export type Deployed = { readonly scope: 'guild' | 'global'; readonly route: string; readonly names: readonly string[] };

/** A REST client for the configured API (Discord's, or a local fake when DISCORD_API_URL is set). */
export function restFor(config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_API_URL'>): REST {
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set');
  return new REST(discordRestOptions(config)).setToken(config.DISCORD_TOKEN);
}

/**
 * Replaces the application's commands with the registry's (one bulk PUT). A guild deploy shows up
 * at once in that server, for development; a global one reaches every server, DM and user install.
 */
export async function deployCommands(rest: REST, target: DeployTarget, registry: readonly AnyCommand[]): Promise<Deployed> {
  const guild = target.guildId !== undefined;
  const route = guild ? Routes.applicationGuildCommands(target.applicationId, target.guildId!) : Routes.applicationCommands(target.applicationId);
  const saved = (await rest.put(route, { body: deployBody(registry, { guild }) })) as readonly { name: string }[];
  return { scope: guild ? 'guild' : 'global', route, names: saved.map((c) => c.name) };
}
