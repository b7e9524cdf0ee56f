import type { AutocompleteInteraction } from 'discord.js';
import type { Choice } from '../../commands/define-command.ts';
import { findCommand } from '../../commands/prepare.ts';
import { toAutocompleteChoices } from './autocomplete-choices.ts';
import { contextFor } from './discord-context.ts';
import type { DiscordDeps } from './discord-context.ts';

/** Leaves time for the response itself within Discord's 3 s (autocomplete cannot be deferred). */
export const SUGGEST_BUDGET_MS = 2000;

function withinBudget<T>(work: () => T | Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    Promise.resolve().then(work),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`suggestions took longer than ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export async function handleAutocomplete(interaction: AutocompleteInteraction, deps: DiscordDeps): Promise<void> {
  const command = findCommand(deps.registry, interaction.commandName);
  const focused = interaction.options.getFocused(true);
  let choices: readonly Choice[] = [];
  if (command?.suggest) {
    const suggest = command.suggest;
    try {
      choices = await withinBudget(() => suggest(focused.name, String(focused.value), contextFor(interaction, deps.services)), SUGGEST_BUDGET_MS);
    } catch (error) {
      deps.log.warn({ command: command.name, option: focused.name, err: error }, 'no suggestions');
    }
  }
  await interaction.respond(toAutocompleteChoices(choices));
}
