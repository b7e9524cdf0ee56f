import type { ChatInputCommandInteraction, CommandInteractionOption } from 'discord.js';
import { findCommand, prepare, unknownCommand } from '../../commands/prepare.ts';
import { contextFor } from './discord-context.ts';
import type { DiscordDeps } from './discord-context.ts';
import { answerPrepared } from './answer-prepared.ts';

/** Option names to the values Discord sent (strings, numbers, booleans), as `prepare` takes them. */
export function rawArgs(options: readonly CommandInteractionOption[]): Record<string, unknown> {
  return Object.fromEntries(options.filter((o) => o.value !== undefined).map((o) => [o.name, o.value]));
}

export async function handleChatInput(interaction: ChatInputCommandInteraction, deps: DiscordDeps): Promise<void> {
  const ctx = contextFor(interaction, deps.services);
  const command = findCommand(deps.registry, interaction.commandName);
  // A command still registered on Discord but gone from this build is explained, with suggestions.
  const prepared = command ? prepare(command, rawArgs(interaction.options.data), ctx) : unknownCommand(deps.registry, interaction.commandName, ctx);
  await answerPrepared(interaction, prepared, ctx, deps);
}
