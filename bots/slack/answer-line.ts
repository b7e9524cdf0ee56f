import { randomBytes } from 'node:crypto';
import type { RespondFn, webApi } from '@slack/bolt';
import type { AnyCommand } from '../../commands/define-command.ts';
import type { CommandContext, Services } from '../../commands/context.ts';
import type { Reply } from '../../core/reply.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import type { Logger } from '../../core/logger.ts';
import type { UserInfoCache } from './user-info-cache.ts';
import type { Delivery } from './deliver-reply.ts';
import { canManageSubscriptions } from '../../commands/rotation-permissions.ts';
import { findCommand, internalErrorReply, runText } from '../../commands/dispatch.ts';
import { deliverReply } from './deliver-reply.ts';

export type SlackDeps = {
  readonly registry: readonly AnyCommand[];
  readonly services: Services;
  /** SLACK_COMMAND_PREFIX: `rb-` makes the commands `/rb-smallcaps`, … */
  readonly prefix: string;
  readonly users: UserInfoCache;
  readonly log: Logger;
};

export type Invocation = {
  /** The registry's command line, e.g. `/smallcaps ytd`. */
  readonly line: string;
  readonly userId: string;
  readonly channelId: string | undefined;
  readonly client: webApi.WebClient;
  readonly respond: RespondFn;
  /** Answers only the user, whatever the command would do (e.g. "explain the terms"). */
  readonly forceEphemeral?: boolean;
};


/** Runs one command line for a Slack user and delivers every reply. Never throws. */
export async function answerLine(invocation: Invocation, deps: SlackDeps): Promise<void> {
  const { line, userId, channelId, client, respond } = invocation;
  const started = performance.now();
  let locale: Locale = deps.services.config.ROTATION_LANG;
  try {
    const user = await deps.users.get(userId);
    locale = user.locale;
    const commandPrefix = `/${deps.prefix}`;
    const isChannelAdmin = canManageSubscriptions('slack', user, deps.services.config);
    const ctx: CommandContext = { locale, services: deps.services, platform: 'slack', userId, ...(channelId ? { channelId } : {}), commandPrefix, isChannelAdmin };
    const command = findCommand(deps.registry, /^\/?(\S*)/.exec(line.trim())?.[1] ?? '');
    const outcome = await runText(deps.registry, line, ctx, ({ errorId, command: name, error }) => deps.log.error({ errorId, command: name, err: error }, 'command failed'));
    const shareCommand = command && 'private' in command.options ? line : undefined;
    const deliveries: Delivery[] = [];
    for (const reply of outcome.output.replies) {
      const shown: Reply = invocation.forceEphemeral ? { ...reply, visibility: 'ephemeral' } : reply;
      deliveries.push(await deliverReply(shown, { client, channelId, respond, ...(shareCommand ? { shareCommand } : {}) }));
    }
    deps.log.info({ line, userId, channelId, ok: outcome.ok, deliveries, ms: Math.round(performance.now() - started) }, 'slack command answered');
  } catch (error) {
    const errorId = randomBytes(4).toString('hex');
    deps.log.error({ errorId, line, userId, channelId, err: error }, 'slack reply failed');
    const apology = internalErrorReply(errorId, locale);
    await deliverReply(apology, { client, channelId, respond }).catch((again: unknown) =>
      deps.log.error({ errorId, err: again }, 'slack apology failed too'),
    );
  }
}
