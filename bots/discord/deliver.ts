import type { RepliableInteraction } from 'discord.js';
import type { Reply, Visibility } from '../../core/reply.ts';
import { renderDiscord } from './render-discord.ts';
import type { DiscordMessage } from './render-discord.ts';

/** Ephemerality is fixed by the first response; edits must not try to change it. */
function withoutFlags(message: DiscordMessage): Omit<DiscordMessage, 'flags'> {
  const { flags: _flags, ...rest } = message;
  return rest;
}

/**
 * Sends replies on an interaction: the first as the response (or as the edit of the deferred
 * response, `deferred` telling with which visibility it was deferred), the others as follow-ups.
 */
export async function deliver(interaction: RepliableInteraction, replies: readonly Reply[], deferred: Visibility | undefined): Promise<void> {
  const [first, ...rest] = replies;
  if (!first) {
    if (deferred) await interaction.deleteReply();
    return;
  }
  const message = renderDiscord(first);
  if (!deferred) await interaction.reply(message);
  else if (deferred === 'public' && first.visibility === 'ephemeral') {
    // Typically an error after a public defer: swap the public "thinking…" placeholder for a private message.
    await interaction.deleteReply();
    await interaction.followUp(message);
  } else await interaction.editReply(withoutFlags(message));
  for (const reply of rest) await interaction.followUp(renderDiscord(reply));
}
