import type { AnyCommand } from './define-command.ts';
import { findCommand } from './prepare.ts';
import { routeMessage } from './message-route.ts';
import type { IsoDate } from '../core/market/types.ts';

/** A message to the bot as a command with its option values, or as a command line typed in it. */
export type MessageRequest =
  | { readonly command: AnyCommand; readonly values: Readonly<Record<string, unknown>> }
  | { readonly line: string };

/**
 * A mention, a DM or a console line: `/…` is run as typed, a question goes to /ask, a pasted article
 * to /read, dated by when it was written when the platform says so.
 */
export function messageRequest(registry: readonly AnyCommand[], text: string, writtenOn?: IsoDate): MessageRequest {
  const route = routeMessage(text);
  if (route.kind === 'line') return { line: route.line };
  return route.kind === 'read' ? articleRequest(registry, route.text, writtenOn) : commandRequest(registry, 'ask', { question: route.question }, `/ask ${route.question}`);
}

/** "Explain this message": the message read as an article, whatever its length. */
export function articleRequest(registry: readonly AnyCommand[], text: string, writtenOn?: IsoDate): MessageRequest {
  return commandRequest(registry, 'read', { text, ...(writtenOn ? { date: writtenOn } : {}) }, `/read ${text}`);
}

function commandRequest(registry: readonly AnyCommand[], name: string, values: Record<string, unknown>, line: string): MessageRequest {
  const command = findCommand(registry, name);
  return command ? { command, values } : { line };
}
