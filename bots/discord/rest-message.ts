import type { RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { DiscordMessage } from './render-discord.ts';

/** What `REST.post` takes: the JSON body and the files it names as attachments (`files[i]` ↔ attachment id i). */
export type RestMessage = {
  readonly body: RESTPostAPIChannelMessageJSONBody;
  readonly files: { readonly name: string; readonly data: Buffer; readonly contentType: string }[];
};

/**
 * A rendered message as a raw channel-message request, for posting without a gateway session
 * (the sharding manager has none). Ephemeral flags mean nothing in a channel and are dropped.
 */
export function toRestMessage(message: DiscordMessage): RestMessage {
  const files = message.files ?? [];
  return {
    body: {
      ...(message.content ? { content: message.content } : {}),
      embeds: message.embeds,
      ...(message.components?.length ? { components: message.components } : {}),
      allowed_mentions: message.allowedMentions,
      ...(files.length ? { attachments: files.map((f, id) => ({ id, filename: f.name, description: f.description })) } : {}),
    },
    files: files.map((f) => ({ name: f.name, data: f.attachment, contentType: 'image/png' })),
  };
}
