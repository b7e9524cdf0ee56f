import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSlackText, slackCommandLine, unescapeSlackText } from '../../bots/slack/parse-slack-text.ts';
import { COMMANDS } from '../../commands/index.ts';
import { validateArgs } from '../../commands/validate-args.ts';
import { UserError } from '../../core/user-error.ts';
import { NASTY, commandText } from './arbitraries.ts';

const RUNS = 2_000;

/** How Slack delivers what the user typed: &, < and > escaped, mentions, channels and links wrapped. */
const slackEscaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const markup = fc.constantFrom(...NASTY.markup, '<@U0123|someone>', '<#C0123|general>', '<!subteam^S123|@team>', '<https://example.com/a?b=c&amp;d=e|link>', '<mailto:a@b.c>');

const slackText = (command: (typeof COMMANDS)[number]) =>
  fc.oneof(
    { weight: 3, arbitrary: commandText(command).map(slackEscaped) },
    { weight: 1, arbitrary: fc.tuple(commandText(command), markup, commandText(command)).map(([a, m, b]) => `${slackEscaped(a)} ${m} ${slackEscaped(b)}`) },
    { weight: 1, arbitrary: commandText(command) },
  );

describe(`fuzzing the Slack text parser, ${RUNS} inputs per command`, () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('/%s: text parses into known options or a UserError, never anything else', (_name, command) => {
    const names = new Set(Object.keys(command.options));
    fc.assert(
      fc.property(slackText(command), (text) => {
        expect(slackCommandLine(command.name, text).startsWith(`/${command.name}`)).toBe(true);
        let raw: Record<string, string>;
        try {
          raw = parseSlackText(command.options, text);
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
          return;
        }
        for (const [key, value] of Object.entries(raw)) {
          expect(typeof value).toBe('string');
          // Keys the spec does not know are reported by validation, with a suggestion.
          if (!names.has(key)) expect(() => validateArgs(command.options, raw)).toThrow(UserError);
        }
        try {
          const args = validateArgs(command.options, raw);
          for (const key of Object.keys(args)) expect(names.has(key)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
        }
      }),
      { seed: 42, numRuns: RUNS },
    );
  });

  it('unescaping never throws and never leaves Slack markup for mentions behind', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), markup, fc.constantFrom(...NASTY.huge)), (text) => {
        const plain = unescapeSlackText(text);
        expect(typeof plain).toBe('string');
        expect(plain).not.toMatch(/<[@#!][^>]*>/);
      }),
      { seed: 42, numRuns: RUNS },
    );
  });
});
