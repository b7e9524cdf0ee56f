import type { AnyCommand } from './define-command.ts';
import type { CommandContext } from './context.ts';
import type { Reply, Visibility } from '../core/reply.ts';
import { UserError } from '../core/user-error.ts';
import { validateArgs } from './validate-args.ts';
import { parseCommandText } from './parse-command-text.ts';
import { closest } from './closest.ts';
import { userErrorReply } from './user-error-reply.ts';

/** What a platform sent for one command: the text typed after its name, or option values by name. */
export type RawArgs = string | Readonly<Record<string, unknown>>;

/**
 * A command ready to run, or the error the user gets instead. Either way the answer's visibility is
 * known before anything runs, because Discord fixes it at the first response.
 */
export type Prepared =
  | { readonly ok: true; readonly command: AnyCommand; readonly args: Record<string, unknown>; readonly visibility: Visibility }
  | { readonly ok: false; readonly command: AnyCommand | undefined; readonly reply: Reply; readonly visibility: 'ephemeral' };

type ReplyContext = Pick<CommandContext, 'locale' | 'commandPrefix'>;

/** `/smallcaps ytd vs:QQQ` → `smallcaps` and `ytd vs:QQQ`. */
export function splitCommandLine(line: string): { readonly name: string; readonly rest: string } {
  const match = /^\/?(\S+)\s*([\s\S]*)$/.exec(line.trim());
  return { name: match?.[1] ?? '', rest: match?.[2] ?? '' };
}

/** Parses (text) and validates the arguments once; every adapter and every button comes through here. */
export function prepare(command: AnyCommand, raw: RawArgs, ctx: ReplyContext): Prepared {
  try {
    const args = validateArgs(command.options, typeof raw === 'string' ? parseCommandText(command.options, raw) : raw);
    command.check?.(args);
    return { ok: true, command, args, visibility: visibilityOf(command, args) };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { ok: false, command, reply: userErrorReply(error, command, ctx), visibility: 'ephemeral' };
  }
}

/** The same for a whole command line, as the console, buttons and plain-words answers carry it. */
export function prepareLine(registry: readonly AnyCommand[], line: string, ctx: ReplyContext): Prepared {
  const { name, rest } = splitCommandLine(line);
  const command = findCommand(registry, name);
  return command ? prepare(command, rest, ctx) : unknownCommand(registry, name, ctx);
}

export function findCommand(registry: readonly AnyCommand[], name: string, prefix = ''): AnyCommand | undefined {
  const bare = name.replace(/^\//, '').toLowerCase();
  const unprefixed = prefix && bare.startsWith(prefix) ? bare.slice(prefix.length) : bare;
  return registry.find((c) => c.name === unprefixed);
}

/** A command this build does not have: what was typed, the nearest names and where help is. */
export function unknownCommand(registry: readonly AnyCommand[], name: string, ctx: ReplyContext): Prepared & { ok: false } {
  const typed = name.replace(/^\//, '');
  const near = closest(typed, registry.map((c) => c.name));
  const error = new UserError(near.length ? 'input.unknownCommandNear' : 'input.unknownCommand', {
    value: typed.slice(0, 40),
    near: near.map((n) => `${ctx.commandPrefix}${n}`).join(', '),
    help: `${ctx.commandPrefix}help`,
  });
  return { ok: false, command: undefined, reply: userErrorReply(error, undefined, ctx), visibility: 'ephemeral' };
}

function visibilityOf(command: AnyCommand, args: Record<string, unknown>): Visibility {
  try {
    return command.visibilityFor(args);
  } catch {
    return 'ephemeral';
  }
}
