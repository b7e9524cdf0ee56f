import type { ButtonInteraction } from 'discord.js';
import { preparePress } from '../../commands/prepare-press.ts';
import { contextFor } from './discord-context.ts';
import type { DiscordDeps } from './discord-context.ts';
import { answerPrepared } from './answer-prepared.ts';

/** A button press runs what its custom id carries: explanations privately, shares publicly. */
export async function handleButton(interaction: ButtonInteraction, deps: DiscordDeps): Promise<void> {
  const ctx = contextFor(interaction, deps.services);
  const { prepared, fixed } = preparePress(interaction.customId, deps.registry, ctx);
  await answerPrepared(interaction, prepared, ctx, deps, fixed);
}
