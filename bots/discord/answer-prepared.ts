import type { RepliableInteraction } from 'discord.js';
import type { CommandContext } from '../../commands/context.ts';
import type { Prepared } from '../../commands/prepare.ts';
import type { Visibility } from '../../core/reply.ts';
import { execute } from '../../commands/dispatch.ts';
import { answer } from './answer.ts';
import { deliver } from './deliver.ts';
import { errorLog } from './discord-context.ts';
import type { DiscordDeps } from './discord-context.ts';

/**
 * Answers a prepared command: an invalid one at once and privately, a refused one with the
 * refusal, a valid one within Discord's deadline with the visibility it was prepared with
 * (or `visibility`, when the way in fixes it, as a share button does).
 */
export async function answerPrepared(interaction: RepliableInteraction, prepared: Prepared, ctx: CommandContext, deps: DiscordDeps, visibility?: Visibility): Promise<void> {
  if (!prepared.ok) {
    await deliver(interaction, [prepared.reply], undefined);
    return;
  }
  const admission = deps.gate?.admit({ command: prepared.command, platform: 'discord', userId: ctx.userId, channelId: ctx.channelId, locale: ctx.locale });
  if (admission && !admission.admitted) {
    deps.log.info({ refused: admission.reason, retryAfterSeconds: admission.retryAfterSeconds }, 'command refused');
    await deliver(interaction, [admission.reply], undefined);
    return;
  }
  const work = () => execute(prepared, ctx, errorLog(deps.log));
  await answer(interaction, visibility ?? prepared.visibility, prepared.command.slow, () => (admission ? admission.run(work) : work()));
}
