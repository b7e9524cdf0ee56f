import { randomBytes } from 'node:crypto';
import type { AnyCommand } from './define-command.ts';
import type { CommandContext } from './context.ts';
import type { CommandOutput, Reply } from '../core/reply.ts';
import type { Locale } from '../core/i18n/locale.ts';
import { UserError } from '../core/user-error.ts';
import { t } from '../core/i18n/translate.ts';
import { validateArgs } from './validate-args.ts';
import { parseCommandText } from './parse-command-text.ts';
import { usageLine, examplesLine } from './usage.ts';
import { closest } from './closest.ts';

export type Outcome =
  | { readonly ok: true; readonly output: CommandOutput }
  | { readonly ok: false; readonly kind: 'user-error' | 'internal'; readonly output: CommandOutput; readonly errorId?: string };

export type ErrorLog = (entry: { errorId: string; command: string; error: unknown }) => void;

function textReply(locale: Locale, title: string, text: string, tone: Reply['tone']): Reply {
  return { visibility: 'ephemeral', locale, tone, title, text, fields: [], fallbackText: `${title}: ${text}` };
}

/** User input quoted in an error may have been cut inside a character (an emoji); the stray half is dropped. */
const wholeCharacters = (params: UserError['params']) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '') : v]));

export function userErrorReply(error: UserError, command: AnyCommand | undefined, ctx: Pick<CommandContext, 'locale' | 'commandPrefix'>): Reply {
  const message = t(ctx.locale, `errors.${error.key}`, wholeCharacters(error.params));
  const usage = command
    ? `\n${t(ctx.locale, 'help.usage')}: \`${usageLine(command, ctx.commandPrefix)}\`\n${t(ctx.locale, 'help.examples')}: ${examplesLine(command, ctx.commandPrefix)}`
    : '';
  return textReply(ctx.locale, t(ctx.locale, 'errors.title'), message + usage, 'warning');
}

export function internalErrorReply(errorId: string, locale: Locale): Reply {
  return textReply(locale, t(locale, 'errors.internalTitle'), t(locale, 'errors.internal', { id: errorId }), 'negative');
}

export function findCommand(registry: readonly AnyCommand[], name: string, prefix = ''): AnyCommand | undefined {
  const bare = name.replace(/^\//, '').toLowerCase();
  const unprefixed = prefix && bare.startsWith(prefix) ? bare.slice(prefix.length) : bare;
  return registry.find((c) => c.name === unprefixed);
}

/** Validates and runs a command; user mistakes and failures both become replies, never throws. */
export async function runCommand(command: AnyCommand, raw: Record<string, unknown>, ctx: CommandContext, log: ErrorLog): Promise<Outcome> {
  try {
    const args = validateArgs(command.options, raw);
    return { ok: true, output: await command.run(args, ctx) };
  } catch (error) {
    return failure(error, command, ctx, log);
  }
}

/** Runs a line of text such as `/smallcaps ytd basis:index` (console and Slack). */
export async function runText(registry: readonly AnyCommand[], line: string, ctx: CommandContext, log: ErrorLog): Promise<Outcome> {
  const trimmed = line.trim();
  const match = /^\/?(\S+)\s*([\s\S]*)$/.exec(trimmed);
  const name = match?.[1] ?? '';
  const command = findCommand(registry, name);
  if (!command) {
    const near = closest(name.replace(/^\//, ''), registry.map((c) => c.name));
    const error = new UserError(near.length ? 'input.unknownCommandNear' : 'input.unknownCommand', {
      value: name.slice(0, 40),
      near: near.map((n) => `${ctx.commandPrefix}${n}`).join(', '),
      help: `${ctx.commandPrefix}help`,
    });
    return { ok: false, kind: 'user-error', output: { replies: [userErrorReply(error, undefined, ctx)] } };
  }
  try {
    return await runCommand(command, parseCommandText(command.options, match?.[2] ?? ''), ctx, log);
  } catch (error) {
    return failure(error, command, ctx, log);
  }
}

function failure(error: unknown, command: AnyCommand, ctx: CommandContext, log: ErrorLog): Outcome {
  if (error instanceof UserError) {
    return { ok: false, kind: 'user-error', output: { replies: [userErrorReply(error, command, ctx)] } };
  }
  const errorId = randomBytes(4).toString('hex');
  log({ errorId, command: command.name, error });
  return { ok: false, kind: 'internal', errorId, output: { replies: [internalErrorReply(errorId, ctx.locale)] } };
}
