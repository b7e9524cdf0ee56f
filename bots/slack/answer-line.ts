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
import { execute } from '../../commands/dispatch.ts';
import { findCommand, prepare, prepareLine, splitCommandLine } from '../../commands/prepare.ts';
import { internalErrorReply } from '../../commands/user-error-reply.ts';
import { preparePress } from '../../commands/prepare-press.ts';
import { slackCommandLine, unescapeSlackText } from './parse-slack-text.ts';
import { deliverReply } from './deliver-reply.ts';
import { requestLogger } from '../../core/ops/request-log.ts';
import type { CommandGate } from '../../commands/command-gate.ts';

export type SlackDeps = {
  readonly registry: readonly AnyCommand[];
  readonly services: Services;
  /** SLACK_COMMAND_PREFIX: `rb-` makes the commands `/rb-smallcaps`, … */
  readonly prefix: string;
  readonly users: UserInfoCache;
  readonly log: Logger;
  /** Rate limits, the concurrency cap and shutdown; absent, nothing is limited. */
  readonly gate?: CommandGate | undefined;
};

/** A slash command with the text typed after it, a command with its option values (a message read as a question or an article), a button's id, or a whole command line. */
export type SlackRequest =
  | { readonly command: AnyCommand; readonly text: string }
  | { readonly command: AnyCommand; readonly values: Readonly<Record<string, unknown>> }
  | { readonly press: string }
  | { readonly line: string };

export type Invocation = {
  readonly request: SlackRequest;
  readonly userId: string;
  /** The handle Slack sent with a slash command (user_name), used when users.info gives no name. */
  readonly userName?: string | undefined;
  /** The workspace the request came from (Slack's team id). */
  readonly teamId: string | undefined;
  readonly channelId: string | undefined;
  /** Holds the bot token of the workspace the request came from: every Web API call for the answer goes through it. */
  readonly client: webApi.WebClient;
  readonly respond: RespondFn;
  /** The thread a message to the bot was written in: the answer goes there too. */
  readonly threadTs?: string | undefined;
};

/** The request as one command line, for the log and the share button. */
function requestLine(request: SlackRequest): string {
  if ('line' in request) return request.line;
  if ('press' in request) return request.press;
  if ('values' in request) return `/${request.command.name}`;
  return slackCommandLine(request.command.name, request.text);
}

/** Runs one command line for a Slack user and delivers every reply, counted in flight for shutdown. Never throws. */
export function answerLine(invocation: Invocation, deps: SlackDeps): Promise<void> {
  const gate = deps.gate;
  return gate ? gate.track(() => answer(invocation, deps)) : answer(invocation, deps);
}

async function answer(invocation: Invocation, deps: SlackDeps): Promise<void> {
  const { request, userId, userName, teamId, channelId, client, respond, threadTs } = invocation;
  const line = requestLine(request);
  const started = performance.now();
  // Read before the user lookup below: a command that came in before shutdown is still answered.
  const arrivedWhileAccepting = deps.gate?.inflight.accepting;
  let locale: Locale = deps.services.config.ROTATION_LANG;
  const named = 'command' in request ? request.command : 'line' in request ? findCommand(deps.registry, splitCommandLine(line).name) : undefined;
  const { log } = requestLogger(deps.log, { platform: 'slack', command: named?.name, userId, channelId, workspaceId: teamId });
  try {
    const user = await deps.users.get({ teamId, userId }, async (id) => (await client.users.info({ user: id, include_locale: true })).user);
    locale = user.locale;
    const commandPrefix = `/${deps.prefix}`;
    const isChannelAdmin = canManageSubscriptions('slack', user, deps.services.config);
    const where = { ...(channelId ? { channelId } : {}), ...(teamId ? { workspaceId: teamId } : {}) };
    const name = user.name ?? userName;
    const ctx: CommandContext = { locale, services: deps.services, platform: 'slack', userId, ...(name ? { userName: name } : {}), ...where, commandPrefix, isChannelAdmin };
    const press = 'press' in request ? preparePress(request.press, deps.registry, ctx) : undefined;
    const prepared = press
      ? press.prepared
      : 'values' in request
        ? prepare(request.command, request.values, ctx)
        : 'command' in request
          ? prepare(request.command, unescapeSlackText(request.text), ctx)
          : prepareLine(deps.registry, line, ctx);
    const command = prepared.command;
    const admission = prepared.ok ? deps.gate?.admit({ command: prepared.command, platform: 'slack', userId, channelId, locale, arrivedWhileAccepting }) : undefined;
    const run = () => execute(prepared, ctx, ({ errorId, error }) => log.error({ errorId, err: error }, 'command failed'));
    const outcome =
      admission && !admission.admitted
        ? { ok: false, refused: admission.reason, output: { replies: [admission.reply] } }
        : await (admission ? admission.run(run) : run());
    const shareCommand = !press && !('values' in request) && command && 'private' in command.options ? line : undefined;
    const deliveries: Delivery[] = [];
    for (const reply of outcome.output.replies) {
      const shown: Reply = press?.fixed === 'ephemeral' ? { ...reply, visibility: 'ephemeral' } : reply;
      deliveries.push(await deliverReply(shown, { client, channelId, respond, ...(threadTs ? { threadTs } : {}), ...(shareCommand ? { shareCommand } : {}) }));
    }
    const refused = 'refused' in outcome ? { refused: outcome.refused } : {};
    log.info({ line: line.slice(0, 200), ok: outcome.ok, ...refused, deliveries, ms: Math.round(performance.now() - started) }, 'slack command answered');
  } catch (error) {
    const errorId = randomBytes(4).toString('hex');
    log.error({ errorId, line: line.slice(0, 200), err: error }, 'slack reply failed');
    const apology = internalErrorReply(errorId, locale);
    await deliverReply(apology, { client, channelId, respond, ...(threadTs ? { threadTs } : {}) }).catch((again: unknown) =>
      log.error({ errorId, err: again }, 'slack apology failed too'),
    );
  }
}
