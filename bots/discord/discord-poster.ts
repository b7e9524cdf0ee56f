import { DiscordAPIError, Routes } from 'discord.js';
import type { REST } from 'discord.js';
import type { Poster } from '../scheduler/poster.ts';
import { PermanentPostError } from '../scheduler/poster.ts';
import { renderDiscord } from './render-discord.ts';
import { toRestMessage } from './rest-message.ts';

/** Refusals that retrying cannot fix: unknown channel, no access, missing permissions, cannot message this user. */
const PERMANENT = new Set<number | string>([10003, 50001, 50013, 50007]);

/**
 * Posts scheduled replies as ordinary channel messages through REST alone, so any process holding the
 * token can post to any channel, whichever gateway shard holds its guild (the bot needs View Channel,
 * Send Messages, Embed Links, Attach Files).
 */
export function createDiscordPoster(rest: REST): Poster {
  return {
    platform: 'discord',
    async post(channelId, replies) {
      try {
        for (const reply of replies) {
          const { body, files } = toRestMessage(renderDiscord({ ...reply, visibility: 'public' }));
          await rest.post(Routes.channelMessages(channelId), { body, files });
        }
      } catch (error) {
        if (error instanceof DiscordAPIError && PERMANENT.has(error.code)) {
          throw new PermanentPostError(`Discord refused the post to ${channelId}: ${error.message} (${error.code})`, { cause: error });
        }
        throw error;
      }
    },
  };
}
