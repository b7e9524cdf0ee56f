import type { RespondFn, types, webApi } from '@slack/bolt';
import type { Reply } from '../../core/reply.ts';
import type { SlackBlock, SlackMessage } from './block-kit.ts';
import { renderSlack } from './render-slack.ts';
import { slackText } from './slack-texts.ts';
import { truncate } from '../../core/text/fit-text.ts';
import { SLACK_LIMITS } from '../../core/platform-limits.ts';

export type ReplyTarget = {
  readonly client: webApi.WebClient;
  /** Absent for interactions outside a conversation; such replies go privately. */
  readonly channelId: string | undefined;
  readonly respond: RespondFn;
  /** The command line behind the reply, for a "Post chart to channel" button on a private chart. */
  readonly shareCommand?: string;
  /** Answers in this thread (a message to the bot written in one). */
  readonly threadTs?: string;
};

export type Delivery = 'ephemeral' | 'public' | 'private-fallback';

/** Posting fails this way when the bot is not a member of the conversation. */
const NOT_POSTABLE = new Set(['not_in_channel', 'channel_not_found']);

const toBoltBlocks = (blocks: readonly SlackBlock[]) => blocks as unknown as types.KnownBlock[];

/** The Slack error code of a failed Web API call (`not_in_channel`, …), if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

function respondPrivately(respond: RespondFn, message: SlackMessage) {
  return respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: toBoltBlocks(message.blocks) });
}

/** Posts a Reply to a channel: a chart as an uploaded file with the blocks beside it, otherwise a message. */
export async function postPublicly(reply: Reply, client: webApi.WebClient, channel: string, threadTs?: string): Promise<void> {
  const message = renderSlack(reply);
  const thread = threadTs ? { thread_ts: threadTs } : {};
  if (!reply.chart) {
    await client.chat.postMessage({ channel, text: message.text, blocks: toBoltBlocks(message.blocks), unfurl_links: false, unfurl_media: false, ...thread });
    return;
  }
  const { png, filename, alt } = reply.chart;
  // No initial_comment: files.completeUploadExternal ignores `blocks` when one is given.
  await client.files.uploadV2({
    channel_id: channel,
    file: Buffer.from(png.buffer, png.byteOffset, png.byteLength),
    filename,
    title: reply.title || filename,
    alt_text: truncate(alt, SLACK_LIMITS.fileAltText),
    blocks: toBoltBlocks(message.blocks),
    ...thread,
  });
}

/**
 * Sends one Reply: privately through the response_url, or publicly (a chart as an uploaded file
 * with the blocks beside it, otherwise a message). When the bot may not post in the channel, the
 * numbers go privately with a line on how to invite it.
 */
export async function deliverReply(reply: Reply, target: ReplyTarget): Promise<Delivery> {
  if (reply.visibility === 'ephemeral' || !target.channelId) {
    await respondPrivately(target.respond, renderSlack(reply, target.shareCommand ? { shareCommand: target.shareCommand } : {}));
    return 'ephemeral';
  }
  try {
    await postPublicly(reply, target.client, target.channelId, target.threadTs);
    return 'public';
  } catch (error) {
    if (!NOT_POSTABLE.has(slackErrorCode(error) ?? '')) throw error;
    await respondPrivately(target.respond, renderSlack(reply, { notice: slackText(reply.locale, 'invite'), allowShare: false }));
    return 'private-fallback';
  }
}
