import { setTimeout as sleep } from 'node:timers/promises';
import { MessageFlags } from 'discord.js';
import type { RepliableInteraction } from 'discord.js';
import type { Outcome } from '../../commands/dispatch.ts';
import type { Visibility } from '../../core/reply.ts';
import { deliver } from './deliver.ts';

/** A quick command that is still running after this long is deferred anyway, well inside Discord's 3 s. */
export const QUICK_BUDGET_MS = 1500;

function defer(interaction: RepliableInteraction, visibility: Visibility) {
  return interaction.deferReply(visibility === 'ephemeral' ? { flags: MessageFlags.Ephemeral } : {});
}

/**
 * Runs `work` and answers with its replies within Discord's deadline: a slow command is deferred
 * before it starts, a quick one answered directly (or deferred if it overruns its budget).
 */
export async function answer(interaction: RepliableInteraction, visibility: Visibility, slow: boolean, work: () => Promise<Outcome>): Promise<void> {
  if (slow) {
    await defer(interaction, visibility);
    const outcome = await work();
    await deliver(interaction, outcome.output.replies, visibility);
    return;
  }
  const running = work();
  const abort = new AbortController();
  const early = await Promise.race([running, sleep(QUICK_BUDGET_MS, undefined, { signal: abort.signal }).catch(() => undefined)]);
  abort.abort();
  if (early) {
    await deliver(interaction, early.output.replies, undefined);
    return;
  }
  await defer(interaction, visibility);
  await deliver(interaction, (await running).output.replies, visibility);
}
