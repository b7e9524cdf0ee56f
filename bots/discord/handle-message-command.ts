import type { MessageContextMenuCommandInteraction } from 'discord.js';
import { articleRequest } from '../../commands/message-request.ts';
import { prepare, prepareLine } from '../../commands/prepare.ts';
import { wallStreetDateOf } from '../../core/today.ts';
import { answerPrepared } from './answer-prepared.ts';
import { contextFor } from './discord-context.ts';
import type { DiscordDeps } from './discord-context.ts';

/** "Explain this message" on any message: the message read as an article, dated by when it was written. */
export async function handleMessageCommand(interaction: MessageContextMenuCommandInteraction, deps: DiscordDeps): Promise<void> {
  const ctx = contextFor(interaction, deps.services);
  const target = interaction.targetMessage;
  const request = articleRequest(deps.registry, target.content, wallStreetDateOf(target.createdAt));
  const prepared = 'values' in request ? prepare(request.command, request.values, ctx) : prepareLine(deps.registry, request.line, ctx);
  // What a user asked to have explained is theirs to read first: the answer is private.
  await answerPrepared(interaction, prepared, ctx, deps, 'ephemeral');
}
