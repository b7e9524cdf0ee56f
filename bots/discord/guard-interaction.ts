import { randomBytes } from 'node:crypto';
import { DiscordAPIError } from 'discord.js';
import type { Interaction } from 'discord.js';
import type { Logger } from '../../core/logger.ts';
import { internalErrorReply } from '../../commands/user-error-reply.ts';
import { toLocale } from '../../core/i18n/locale.ts';
import { renderDiscord } from './render-discord.ts';

/** Discord's JSON error codes we expect in normal operation. */
export const UNKNOWN_INTERACTION = 10062;
export const MISSING_PERMISSIONS = 50013;

const codeOf = (error: unknown) => (error instanceof DiscordAPIError ? error.code : undefined);

function describe(interaction: Interaction) {
  return {
    interactionId: interaction.id,
    type: interaction.type,
    ...(interaction.isCommand() || interaction.isAutocomplete() ? { command: interaction.commandName } : {}),
    ...(interaction.isMessageComponent() ? { customId: interaction.customId } : {}),
    guildId: interaction.guildId,
    channelId: interaction.channelId,
  };
}

/**
 * Runs an interaction handler so that nothing escapes: an expired interaction or missing permission
 * is logged as a warning; anything else is logged with an id the user is told, if they can still be.
 */
export async function guardInteraction(interaction: Interaction, log: Logger, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const code = codeOf(error);
    if (code === UNKNOWN_INTERACTION) {
      log.warn({ ...describe(interaction), code }, 'interaction expired or was already answered');
      return;
    }
    if (code === MISSING_PERMISSIONS) {
      log.warn({ ...describe(interaction), code }, 'missing permissions to answer');
      return;
    }
    const errorId = randomBytes(4).toString('hex');
    log.error({ ...describe(interaction), errorId, err: error }, 'could not answer an interaction');
    if (!interaction.isRepliable()) return;
    try {
      const apology = renderDiscord(internalErrorReply(errorId, toLocale(interaction.locale)));
      await (interaction.deferred || interaction.replied ? interaction.followUp(apology) : interaction.reply(apology));
    } catch (again) {
      log.warn({ ...describe(interaction), errorId, err: again }, 'could not send the apology either');
    }
  }
}
