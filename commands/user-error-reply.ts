import type { AnyCommand } from './define-command.ts';
import type { CommandContext } from './context.ts';
import type { Reply } from '../core/reply.ts';
import type { Locale } from '../core/i18n/locale.ts';
import { DataError } from '../core/user-error.ts';
import type { UserError } from '../core/user-error.ts';
import { hasMessage, t } from '../core/i18n/translate.ts';
import { usageLine, examplesLine } from './usage.ts';

function textReply(locale: Locale, title: string, text: string, tone: Reply['tone']): Reply {
  return { visibility: 'ephemeral', locale, tone, title, text, fields: [], fallbackText: `${title}: ${text}` };
}

/** User input quoted in an error may have been cut inside a character (an emoji); the stray half is dropped. */
const wholeCharacters = (params: UserError['params']) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '') : v]));

/** What the user can do next: the usage for a mistake in the question; for missing data, where else to look. */
function nextStep(error: UserError, command: AnyCommand | undefined, ctx: Pick<CommandContext, 'locale' | 'commandPrefix'> & Partial<Pick<CommandContext, 'platform'>>): string {
  if (error instanceof DataError) return error.otherData ? `\n${t(ctx.locale, ctx.platform === 'console' ? 'errors.otherData.console' : 'errors.otherData.chat')}` : '';
  if (!command) return '';
  return `\n${t(ctx.locale, 'help.usage')}: \`${usageLine(command, ctx.commandPrefix)}\`\n${t(ctx.locale, 'help.examples')}: ${examplesLine(command, ctx.commandPrefix)}`;
}

/** What was wrong, privately, with the command's usage and examples when the command is known. */
export function userErrorReply(error: UserError, command: AnyCommand | undefined, ctx: Pick<CommandContext, 'locale' | 'commandPrefix'> & Partial<Pick<CommandContext, 'platform'>>): Reply {
  // A feature's own namespace may hold its errors (`call.errors.…`); the rest live under `errors.`.
  const key = hasMessage('en', `errors.${error.key}`) ? `errors.${error.key}` : error.key;
  const message = t(ctx.locale, key, wholeCharacters(error.params));
  return textReply(ctx.locale, t(ctx.locale, 'errors.title'), message + nextStep(error, command, ctx), 'warning');
}

export function internalErrorReply(errorId: string, locale: Locale): Reply {
  return textReply(locale, t(locale, 'errors.internalTitle'), t(locale, 'errors.internal', { id: errorId }), 'negative');
}
