import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { Choice } from '../../commands/define-command.ts';
import { DISCORD_LIMITS as L } from '../../core/platform-limits.ts';
import { truncate } from '../../core/text/fit-text.ts';

/** At most 25 suggestions Discord accepts: names cut to 100 characters, values that cannot be sent dropped. */
export function toAutocompleteChoices(choices: readonly Choice[]): ApplicationCommandOptionChoiceData<string>[] {
  const seen = new Set<string>();
  const out: ApplicationCommandOptionChoiceData<string>[] = [];
  for (const c of choices) {
    if (out.length === L.choices) break;
    if (!c.value || c.value.length > L.choiceValue || seen.has(c.value)) continue;
    seen.add(c.value);
    out.push({ name: truncate(c.name.trim() || c.value, L.choiceName), value: c.value });
  }
  return out;
}
