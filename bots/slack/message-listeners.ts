import type { App, RespondFn, webApi } from '@slack/bolt';
import { articleRequest, messageRequest } from '../../commands/message-request.ts';
import { wallStreetDateOf } from '../../core/today.ts';
import { answerLine } from './answer-line.ts';
import type { SlackDeps } from './answer-line.ts';
import { unescapeSlackText } from './parse-slack-text.ts';
import { EXPLAIN_MESSAGE_CALLBACK } from './slack-paths.ts';


/** `<@U0BOT> are small caps…` → `are small caps…`: the mentions that address the bot are not part of the question. */
export function withoutMentions(text: string): string {
  return text.replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' ').replace(/\s+/g, ' ').trim();
}

const slackDate = (ts: string | undefined) => (ts && Number.isFinite(Number(ts)) ? wallStreetDateOf(new Date(Number(ts) * 1000)) : undefined);

/**
 * Where the answer to a message goes: its channel, in its thread when it was written in one. Private
 * replies (errors, help) go only to the writer, as ephemeral messages; in a DM everything is posted there.
 */
function replyTo(client: webApi.WebClient, channel: string, user: string, threadTs: string | undefined, directMessage: boolean): RespondFn {
  const thread = threadTs ? { thread_ts: threadTs } : {};
  return async (message) => {
    const body = typeof message === 'string' ? { text: message } : message;
    const text = typeof body.text === 'string' ? body.text : '';
    const blocks = 'blocks' in body ? body.blocks : undefined;
    if (directMessage) return client.chat.postMessage({ channel, text, ...(blocks ? { blocks } : {}), ...thread }) as never;
    return client.chat.postEphemeral({ channel, user, text, ...(blocks ? { blocks } : {}), ...thread }) as never;
  };
}

type MessageEvent = { readonly text?: string; readonly user?: string; readonly channel: string; readonly ts: string; readonly thread_ts?: string; readonly bot_id?: string; readonly subtype?: string; readonly channel_type?: string };

/**
 * Plain words to the bot: a mention in a channel and a direct message are read as a question (or, when
 * long, as an article to read), and the "Explain this message" shortcut reads any message.
 */
export function registerMessageListeners(app: App, deps: SlackDeps): void {
  const answerMessage = (event: MessageEvent, teamId: string | undefined, client: webApi.WebClient, directMessage: boolean) => {
    if (!event.user || event.bot_id) return Promise.resolve();
    const text = withoutMentions(unescapeSlackText(event.text ?? ''));
    return answerLine(
      {
        request: messageRequest(deps.registry, text, slackDate(event.ts)),
        userId: event.user,
        teamId,
        channelId: event.channel,
        client,
        respond: replyTo(client, event.channel, event.user, event.thread_ts, directMessage),
        threadTs: event.thread_ts,
      },
      deps,
    );
  };
  app.event('app_mention', async ({ event, client, context }) => {
    await answerMessage(event as MessageEvent, context.teamId, client, false);
  });
  app.event('message', async ({ event, client, context }) => {
    const message = event as MessageEvent;
    // Channel messages reach the bot as app_mention; here only DMs, and never the bot's own or edited ones.
    if (message.channel_type !== 'im' || message.subtype) return;
    await answerMessage(message, context.teamId, client, true);
  });
  app.shortcut({ callback_id: EXPLAIN_MESSAGE_CALLBACK, type: 'message_action' }, async ({ ack, shortcut, client, respond, context }) => {
    await ack();
    const text = unescapeSlackText(shortcut.message.text ?? '');
    await answerLine(
      { request: articleRequest(deps.registry, text, slackDate(shortcut.message.ts)), userId: shortcut.user.id, teamId: context.teamId, channelId: undefined, client, respond },
      deps,
    );
  });
}
