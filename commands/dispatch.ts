import { randomBytes } from 'node:crypto';
import type { AnyCommand } from './define-command.ts';
import type { CommandContext } from './context.ts';
import type { CommandOutput } from '../core/reply.ts';
import { UserError } from '../core/user-error.ts';
import { RefusedAnswer } from './refused-answer.ts';
import { prepare, prepareLine } from './prepare.ts';
import type { Prepared, RawArgs } from './prepare.ts';
import { internalErrorReply, userErrorReply } from './user-error-reply.ts';

export type Outcome =
  | { readonly ok: true; readonly output: CommandOutput }
  | { readonly ok: false; readonly kind: 'user-error' | 'internal'; readonly output: CommandOutput; readonly errorId?: string };

export type ErrorLog = (entry: { errorId: string; command: string; error: unknown }) => void;

/** Runs a prepared command with its validated arguments; user mistakes and failures both become replies, never throws. */
export async function execute(prepared: Prepared, ctx: CommandContext, log: ErrorLog): Promise<Outcome> {
  if (!prepared.ok) return { ok: false, kind: 'user-error', output: { replies: [prepared.reply] } };
  const { command, args } = prepared;
  try {
    return { ok: true, output: await command.run(args, ctx) };
  } catch (error) {
    return failure(error, command, ctx, log);
  }
}

/** Prepares and runs a command from option values or its text. */
export async function runCommand(command: AnyCommand, raw: RawArgs, ctx: CommandContext, log: ErrorLog): Promise<Outcome> {
  try {
    return await execute(prepare(command, raw, ctx), ctx, log);
  } catch (error) {
    return failure(error, command, ctx, log);
  }
}

/** Prepares and runs a line of text such as `/smallcaps ytd basis:index`. */
export async function runText(registry: readonly AnyCommand[], line: string, ctx: CommandContext, log: ErrorLog): Promise<Outcome> {
  let prepared: Prepared;
  try {
    prepared = prepareLine(registry, line, ctx);
  } catch (error) {
    return internalFailure(error, line.slice(0, 40), ctx, log);
  }
  return execute(prepared, ctx, log);
}

function failure(error: unknown, command: AnyCommand, ctx: CommandContext, log: ErrorLog): Outcome {
  if (error instanceof RefusedAnswer) return { ok: false, kind: 'user-error', output: error.output };
  if (error instanceof UserError) {
    return { ok: false, kind: 'user-error', output: { replies: [userErrorReply(error, command, ctx)] } };
  }
  return internalFailure(error, command.name, ctx, log);
}

function internalFailure(error: unknown, name: string, ctx: CommandContext, log: ErrorLog): Outcome {
  const errorId = randomBytes(4).toString('hex');
  log({ errorId, command: name, error });
  return { ok: false, kind: 'internal', errorId, output: { replies: [internalErrorReply(errorId, ctx.locale)] } };
}
