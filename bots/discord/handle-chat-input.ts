import type { ChatInputCommandInteraction, CommandInteractionOption } from 'discord.js';
import { findCommand, runCommand, runText } from '../../commands/dispatch.ts';
import { answer } from './answer.ts';
import { deliver } from './deliver.ts';
import { contextFor, errorLog } from './discord-context.ts';
import type { DiscordDeps } from './discord-context.ts';
import { plannedVisibility } from './plan-visibility.ts';

/** Option names to the values Discord sent (strings, numbers, booleans), as `validateArgs` takes them. */
export function rawArgs(options: readonly CommandInteractionOption[]): Record<string, unknown> {
  return Object.fromEntries(options.filter((o) => o.value !== undefined).map((o) => [o.name, o.value]));
}

export async function handleChatInput(interaction: ChatInputCommandInteraction, deps: DiscordDeps): Promise<void> {
  const ctx = contextFor(interaction, deps.services);
  const log = errorLog(deps.log);
  const command = findCommand(deps.registry, interaction.commandName);
  if (!command) {
    // Still registered on Discord but gone from this build: the text path explains and suggests.
    await deliver(interaction, (await runText(deps.registry, `/${interaction.commandName}`, ctx, log)).output.replies, undefined);
    return;
  }
  const raw = rawArgs(interaction.options.data);
  const visibility = plannedVisibility(command, raw);
  if (!visibility) {
    // Invalid arguments: the same path reports the error (ephemeral, with usage) without running anything.
    await deliver(interaction, (await runCommand(command, raw, ctx, log)).output.replies, undefined);
    return;
  }
  const admission = deps.gate?.admit({ command, platform: 'discord', userId: ctx.userId, channelId: ctx.channelId, locale: ctx.locale });
  if (admission && !admission.admitted) {
    deps.log.info({ refused: admission.reason, retryAfterSeconds: admission.retryAfterSeconds }, 'command refused');
    await deliver(interaction, [admission.reply], undefined);
    return;
  }
  const work = () => runCommand(command, raw, ctx, log);
  await answer(interaction, visibility, command.slow, () => (admission ? admission.run(work) : work()));
}
