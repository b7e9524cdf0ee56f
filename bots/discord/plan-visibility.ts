import type { AnyCommand } from '../../commands/define-command.ts';
import type { Visibility } from '../../core/reply.ts';
import { findCommand } from '../../commands/dispatch.ts';
import { parseCommandText } from '../../commands/parse-command-text.ts';
import { validateArgs } from '../../commands/validate-args.ts';

/**
 * The visibility a command's answer will have, known before running it (Discord fixes it at the
 * first response). Undefined when the arguments are invalid: the answer is then an error, which is
 * always ephemeral and immediate.
 */
export function plannedVisibility(command: AnyCommand, raw: Record<string, unknown>): Visibility | undefined {
  let args: Record<string, unknown>;
  try {
    args = validateArgs(command.options, raw);
  } catch {
    return undefined;
  }
  try {
    return command.visibilityFor(args);
  } catch {
    return 'ephemeral';
  }
}

/** The same for a command line such as a button's `/smallcaps 1y`; private when in doubt. */
export function lineVisibility(registry: readonly AnyCommand[], line: string): { visibility: Visibility; command: AnyCommand | undefined } {
  const m = /^\/?(\S+)\s*([\s\S]*)$/.exec(line.trim());
  const command = m ? findCommand(registry, m[1]!) : undefined;
  if (!command) return { visibility: 'ephemeral', command };
  try {
    return { visibility: plannedVisibility(command, parseCommandText(command.options, m?.[2] ?? '')) ?? 'ephemeral', command };
  } catch {
    return { visibility: 'ephemeral', command };
  }
}
