import type { ButtonInteraction } from 'discord.js';
import { actionCommandLine, decodeAction } from '../../commands/actions.ts';
import { prepareLine } from '../../commands/prepare.ts';
import { userErrorReply } from '../../commands/user-error-reply.ts';
import { UserError } from '../../core/user-error.ts';
import { deliver } from './deliver.ts';
import { contextFor } from './discord-context.ts';
import type { DiscordDeps } from './discord-context.ts';
import { answerPrepared } from './answer-prepared.ts';

/** A button press runs the command line its custom id carries: explanations privately, shares publicly. */
export async function handleButton(interaction: ButtonInteraction, deps: DiscordDeps): Promise<void> {
  const ctx = contextFor(interaction, deps.services);
  const payload = decodeAction(interaction.customId);
  if (!payload) {
    const error = new UserError('input.unexpected', { value: interaction.customId.slice(0, 40) });
    await deliver(interaction, [userErrorReply(error, undefined, ctx)], undefined);
    return;
  }
  const prepared = prepareLine(deps.registry, actionCommandLine(payload), ctx);
  const fixed = payload.kind === 'explain-terms' ? 'ephemeral' : payload.kind === 'share' ? 'public' : undefined;
  await answerPrepared(interaction, prepared, ctx, deps, fixed);
}
