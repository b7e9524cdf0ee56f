import type { AnyCommand } from './define-command.ts';
import type { CommandContext } from './context.ts';
import type { Visibility } from '../core/reply.ts';
import { UserError } from '../core/user-error.ts';
import { actionRequest, decodeAction } from './actions.ts';
import { prepare, unknownCommand } from './prepare.ts';
import type { Prepared } from './prepare.ts';
import { userErrorReply } from './user-error-reply.ts';

/** A prepared button press, and the visibility its kind fixes (explanations privately, shares publicly). */
export type PreparedPress = { readonly prepared: Prepared; readonly fixed: Visibility | undefined };

/** A button's id to a command ready to run, through the same `prepare` as a typed command. */
export function preparePress(id: string, registry: readonly AnyCommand[], ctx: Pick<CommandContext, 'locale' | 'commandPrefix'>): PreparedPress {
  const payload = decodeAction(id, registry);
  if (!payload || payload.kind === 'expired') {
    const error = payload ? new UserError('input.buttonExpired', { help: `${ctx.commandPrefix}help` }) : new UserError('input.unexpected', { value: id.slice(0, 40) });
    return { prepared: { ok: false, command: undefined, reply: userErrorReply(error, undefined, ctx), visibility: 'ephemeral' }, fixed: undefined };
  }
  const request = actionRequest(payload, registry);
  const prepared = request.command ? prepare(request.command, request.raw, ctx) : unknownCommand(registry, request.name, ctx);
  return { prepared, fixed: payload.kind === 'explain-terms' ? 'ephemeral' : payload.kind === 'share' ? 'public' : undefined };
}
