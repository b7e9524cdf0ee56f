import { GuildMember, PermissionFlagsBits } from 'discord.js';
import type { APIInteractionGuildMember, BaseInteraction, User } from 'discord.js';
import type { AnyCommand } from '../../commands/define-command.ts';
import type { CommandContext, Services } from '../../commands/context.ts';
import type { ErrorLog } from '../../commands/dispatch.ts';
import type { Logger } from '../../core/logger.ts';
import { toLocale } from '../../core/i18n/locale.ts';
import { canManageSubscriptions } from '../../commands/rotation-permissions.ts';
import type { CommandGate } from '../../commands/command-gate.ts';

/** What every interaction handler needs. */
export type DiscordDeps = {
  readonly services: Services;
  readonly registry: readonly AnyCommand[];
  readonly log: Logger;
  /** Rate limits, the concurrency cap and shutdown; absent, nothing is limited. */
  readonly gate?: CommandGate | undefined;
};

export function contextFor(interaction: BaseInteraction, services: Services): CommandContext {
  return {
    locale: toLocale(interaction.locale),
    services,
    platform: 'discord',
    userId: interaction.user.id,
    userName: discordDisplayName(interaction.user, interaction.member),
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    ...(interaction.guildId ? { workspaceId: interaction.guildId } : {}),
    commandPrefix: '/',
    isChannelAdmin: canManageSubscriptions(
      'discord',
      { manageChannels: interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false, directMessage: !interaction.inGuild() },
      services.config,
    ),
  };
}

/** The name Discord shows for a user here: the server nickname, else the global display name, else the username. */
export function discordDisplayName(user: User, member: GuildMember | APIInteractionGuildMember | null | undefined): string {
  const nick = member instanceof GuildMember ? member.nickname : member?.nick;
  return nick || user.displayName;
}

export function errorLog(log: Logger): ErrorLog {
  // The request logger already names the platform, command and user.
  return ({ errorId, error }) => log.error({ errorId, err: error }, 'command failed');
}
