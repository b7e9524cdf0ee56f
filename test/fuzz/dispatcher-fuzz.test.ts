import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSlack } from '../../bots/slack/render-slack.ts';
import { renderDiscord } from '../../bots/discord/render-discord.ts';
import type { Running } from '../../bots/services.ts';
import { runText } from '../../commands/dispatch.ts';
import { COMMANDS } from '../../commands/index.ts';
import type { CommandContext, Platform } from '../../commands/context.ts';
import type { Reply } from '../../core/reply.ts';
import { realServices } from '../helpers/services.ts';
import { commandText } from './arbitraries.ts';
import { discordViolations, slackViolations } from './platform-limits.ts';

/**
 * ≥ 1,000 generated command lines per command through the neutral dispatcher with the real
 * services over ../shared/market-data (as of 2026-01-20): every outcome is a Reply, none is an
 * internal error, and every Reply fits both platforms' limits. Inputs that parse into a valid slow
 * command draw a real chart; the generators keep that to a minority so the suite stays quick.
 */
const RUNS = 1_000;

function replyViolations(reply: Reply, line: string): string[] {
  return [
    ...slackViolations(renderSlack(reply)).map((v) => `slack: ${v}`),
    ...slackViolations(renderSlack(reply, { shareCommand: line })).map((v) => `slack (private, with share): ${v}`),
    ...discordViolations(renderDiscord(reply)).map((v) => `discord: ${v}`),
  ];
}

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

const contexts = fc.record({
  locale: fc.constantFrom('en' as const, 'ko' as const),
  platform: fc.constantFrom<Platform>('console', 'slack', 'discord'),
  channelId: fc.option(fc.constantFrom('C_FUZZ', 'C_OTHER'), { nil: undefined }),
  isChannelAdmin: fc.boolean(),
  commandPrefix: fc.constantFrom('/', '/rb-'),
});

describe(`fuzzing the dispatcher (runText), ${RUNS} inputs per command`, () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('/%s: every input gets a Reply within both platforms’ limits, never an internal error', async (_name, command) => {
    const internal: string[] = [];
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(commandText(command), contexts, async (text, c) => {
        const ctx: CommandContext = { ...c, ...(c.channelId ? { channelId: c.channelId } : {}), services: running.services, userId: 'U_FUZZ' };
        const line = `/${command.name} ${text}`;
        const outcome = await runText(COMMANDS, line, ctx, ({ error }) => internal.push(`${line.slice(0, 200)} → ${error instanceof Error ? error.stack : String(error)}`));
        expect(outcome.output.replies.length).toBeGreaterThan(0);
        expect(outcome.ok || outcome.kind === 'user-error', `internal error for ${JSON.stringify(line.slice(0, 300))}: ${internal.at(-1)}`).toBe(true);
        for (const reply of outcome.output.replies) expect(replyViolations(reply, line), JSON.stringify(line.slice(0, 300))).toEqual([]);
        if (outcome.ok) answered += 1;
      }),
      { seed: 42, numRuns: RUNS },
    );
    expect(internal).toEqual([]);
    // The generators reach the answering path too, not only the error messages.
    expect(answered).toBeGreaterThanOrEqual(RUNS / 100);
    expect(unhandled).toEqual([]);
  });

  it('an unknown or mangled command name is a user error with a Reply', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 30 }), async (name) => {
        const ctx: CommandContext = { locale: 'en', services: running.services, platform: 'slack', userId: 'U', commandPrefix: '/' };
        const outcome = await runText(COMMANDS, `/${name}`, ctx, () => {});
        expect(outcome.output.replies.length).toBeGreaterThan(0);
        for (const reply of outcome.output.replies) expect(replyViolations(reply, name)).toEqual([]);
      }),
      { seed: 42, numRuns: RUNS },
    );
  });
});
