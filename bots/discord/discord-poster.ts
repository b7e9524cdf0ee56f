import { DiscordAPIError } from 'discord.js';
import type { Client } from 'discord.js';
import type { Poster } from '../scheduler/poster.ts';
import { PermanentPostError } from '../scheduler/poster.ts';
import { renderDiscord } from './render-discord.ts';

/** Refusals that retrying cannot fix: unknown channel, no access, missing permissions, cannot message this user. */
const PERMANENT = new Set<number | string>([10003, 50001, 50013, 50007]);

/** Posts scheduled replies as ordinary channel messages (the bot needs View Channel, Send Messages, Embed Links, Attach Files). */
export function createDiscordPoster(client: Client): Poster {
  return {
    platform: 'discord',
    async post(channelId, replies) {
      try {
        const channel = await client.channels.fetch(channelId);
        if (!channel?.isSendable()) throw new PermanentPostError(`Discord channel ${channelId} does not take messages`);
        for (const reply of replies) {
          const { flags: _none, ...message } = renderDiscord({ ...reply, visibility: 'public' });
          await channel.send(message);
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
