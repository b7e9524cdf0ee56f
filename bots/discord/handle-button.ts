import type { ButtonInteraction } from 'discord.js';
import type { Visibility } from '../../core/reply.ts';
import { actionCommandLine, decodeAction } from '../../commands/actions.ts';
import { runText, userErrorReply } from '../../commands/dispatch.ts';
import { UserError } from '../../core/user-error.ts';
import { answer } from './answer.ts';
import { deliver } from './deliver.ts';
import { contextFor, errorLog } from './discord-context.ts';
import type { DiscordDeps } from './discord-context.ts';
import { lineVisibility } from './plan-visibility.ts';

/** A button press runs the command line its custom id carries: explanations privately, shares publicly. */
export async function handleButton(interaction: ButtonInteraction, deps: DiscordDeps): Promise<void> {
  const ctx = contextFor(interaction, deps.services);
  const payload = decodeAction(interaction.customId);
  if (!payload) {
    const error = new UserError('input.unexpected', { value: interaction.customId.slice(0, 40) });
    await deliver(interaction, [userErrorReply(error, undefined, ctx)], undefined);
    return;
  }
  const line = actionCommandLine(payload);
  const planned = lineVisibility(deps.registry, line);
  const visibility: Visibility = payload.kind === 'explain-terms' ? 'ephemeral' : payload.kind === 'share' ? 'public' : planned.visibility;
  const admission = planned.command && deps.gate?.admit({ command: planned.command, platform: 'discord', userId: ctx.userId, channelId: ctx.channelId, locale: ctx.locale });
  if (admission && !admission.admitted) {
    deps.log.info({ refused: admission.reason, retryAfterSeconds: admission.retryAfterSeconds }, 'button refused');
    await deliver(interaction, [admission.reply], undefined);
    return;
  }
  const work = () => runText(deps.registry, line, ctx, errorLog(deps.log));
  await answer(interaction, visibility, planned.command?.slow ?? false, () => (admission ? admission.run(work) : work()));
}
