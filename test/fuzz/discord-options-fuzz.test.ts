import fc from 'fast-check';
import type { CommandInteractionOption } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawArgs } from '../../bots/discord/handle-chat-input.ts';
import { renderDiscord } from '../../bots/discord/render-discord.ts';
import { renderSlack } from '../../bots/slack/render-slack.ts';
import type { Running } from '../../bots/services.ts';
import { execute } from '../../commands/dispatch.ts';
import { prepare } from '../../commands/prepare.ts';
import { COMMANDS } from '../../commands/index.ts';
import type { CommandContext } from '../../commands/context.ts';
import { realServices } from '../helpers/services.ts';
import { discordOptions } from './arbitraries.ts';
import { discordViolations, slackViolations } from './platform-limits.ts';

/**
 * Discord option payloads through the path the adapter takes (rawArgs → prepare → execute), ≥ 1,000 per command, with the real services: every outcome a Reply within both
 * platforms' limits, never an internal error, and a payload that prepare refuses is
 * answered with that user error, privately.
 */
const RUNS = 1_000;

let running: Running;
const unhandled: unknown[] = [];
const countUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeAll(() => {
  running = realServices('2026-01-20', { ROTATION_RENDER_POOL_SIZE: '2' });
  process.on('unhandledRejection', countUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', countUnhandled);
  await running?.close();
});

describe(`fuzzing Discord option payloads, ${RUNS} per command`, () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('/%s: every payload gets a Reply within limits, never an internal error', async (_name, command) => {
    const internal: string[] = [];
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(discordOptions(command), fc.constantFrom('en' as const, 'ko' as const), fc.boolean(), async (options, locale, inGuild) => {
        const ctx: CommandContext = { locale, services: running.services, platform: 'discord', userId: '7000', ...(inGuild ? { channelId: '6000' } : {}), commandPrefix: '/', isChannelAdmin: inGuild };
        const raw = rawArgs(options as unknown as CommandInteractionOption[]);
        const prepared = prepare(command, raw, ctx);
        const outcome = await execute(prepared, ctx, ({ error }) => internal.push(`${JSON.stringify(options).slice(0, 300)} → ${error instanceof Error ? error.stack : String(error)}`));
        const shown = JSON.stringify(options).slice(0, 300);
        expect(outcome.ok || outcome.kind === 'user-error', `internal error for ${shown}: ${internal.at(-1)}`).toBe(true);
        if (!prepared.ok) expect([outcome.ok, prepared.visibility], `refused but answered: ${shown}`).toEqual([false, 'ephemeral']);
        expect(outcome.output.replies.length).toBeGreaterThan(0);
        for (const reply of outcome.output.replies) {
          expect(discordViolations(renderDiscord(reply)), shown).toEqual([]);
          expect(slackViolations(renderSlack(reply)), shown).toEqual([]);
        }
        if (outcome.ok) answered += 1;
      }),
      { seed: 42, numRuns: RUNS },
    );
    expect(internal).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(answered).toBeGreaterThanOrEqual(RUNS / 100);
  });
});
