import type { webApi } from '@slack/bolt';
import type { Poster } from '../scheduler/poster.ts';
import { PermanentPostError } from '../scheduler/poster.ts';
import { postPublicly, slackErrorCode } from './deliver-reply.ts';

/** Errors no retry can fix: the bot is not in the channel, the channel is gone or archived, the token is dead. */
const PERMANENT = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'account_inactive', 'invalid_auth', 'token_revoked']);

/**
 * The Web API client that may post in a workspace's channels (one bot token, or the workspace's
 * installation); throws PermanentPostError when no installation can post there.
 */
export type WorkspaceClient = (workspaceId: string | undefined) => Promise<webApi.WebClient>;

/** Scheduled morning posts to Slack channels, through the same renderer as command answers. */
export function createSlackPoster(clientFor: WorkspaceClient): Poster {
  return {
    platform: 'slack',
    async post(channelId, replies, workspaceId) {
      const client = await clientFor(workspaceId);
      for (const reply of replies) {
        try {
          await postPublicly(reply, client, channelId);
        } catch (error) {
          const code = slackErrorCode(error);
          if (code && PERMANENT.has(code)) throw new PermanentPostError(`Slack refused the post to ${channelId}: ${code}`, { cause: error });
          throw error;
        }
      }
    },
  };
}
