import type { webApi } from '@slack/bolt';
import type { Poster } from '../scheduler/poster.ts';
import { PermanentPostError } from '../scheduler/poster.ts';
import { postPublicly, slackErrorCode } from './deliver-reply.ts';

/** Errors no retry can fix: the bot is not in the channel, the channel is gone or archived, the token is dead. */
const PERMANENT = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'account_inactive', 'invalid_auth', 'token_revoked']);

/** Scheduled morning posts to Slack channels, through the same renderer as command answers. */
export function createSlackPoster(client: webApi.WebClient): Poster {
  return {
    platform: 'slack',
    async post(channelId, replies) {
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
