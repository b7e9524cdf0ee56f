import { messageObject, nextSnowflake } from './fake-discord.ts';

/** Option types as Discord sends them: string 3, integer 4, boolean 5, number 10. */
export type SentOption = { readonly name: string; readonly type: 3 | 4 | 5 | 10; readonly value: string | number | boolean; readonly focused?: boolean };

export type Where = {
  readonly locale?: string;
  /** Guild channel (context 0, with member) or bot DM (context 1, with user). */
  readonly in?: 'guild' | 'dm';
  readonly userId?: string;
  /** The guild of a guild interaction (default GUILD_ID); with several shards it picks the shard. */
  readonly guildId?: string;
  /** The member may manage the channel (Discord's Manage Channels permission), as server admins may. */
  readonly manageChannels?: boolean;
};

export const GUILD_ID = '5000';
export const CHANNEL_ID = '6000';
const ALL_PERMISSIONS = '2248473465835073';
const MANAGE_CHANNELS = 1n << 4n;

export type SentInteraction = Record<string, unknown> & { readonly id: string; readonly token: string };

export const str = (name: string, value: string, focused?: boolean): SentOption => ({ name, type: 3, value, ...(focused ? { focused } : {}) });
export const bool = (name: string, value: boolean): SentOption => ({ name, type: 5, value });

function user(id: string) {
  return { id, username: `user${id}`, discriminator: '0', global_name: `User ${id}`, avatar: null, public_flags: 0 };
}

/** The fields every interaction carries, shaped as Discord sends them. */
function base(applicationId: string, type: number, where: Where): SentInteraction {
  const id = nextSnowflake();
  const locale = where.locale ?? 'en-US';
  const userId = where.userId ?? '7000';
  const common = {
    id,
    application_id: applicationId,
    type,
    token: `token-${id}`,
    version: 1,
    locale,
    app_permissions: ALL_PERMISSIONS,
    entitlements: [],
    attachment_size_limit: 10_485_760,
  };
  if (where.in === 'dm') {
    return {
      ...common,
      channel_id: '6100',
      channel: { id: '6100', type: 1, last_message_id: null, flags: 0, recipients: [user(userId)] },
      user: user(userId),
      authorizing_integration_owners: { '1': userId },
      context: 1,
    };
  }
  const guildId = where.guildId ?? GUILD_ID;
  return {
    ...common,
    guild_id: guildId,
    guild: { id: guildId, locale: 'en-US', features: [] },
    guild_locale: 'en-US',
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: guildId, name: 'markets', position: 0, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0, flags: 0 },
    member: {
      user: user(userId),
      roles: [],
      joined_at: '2025-01-01T00:00:00.000000+00:00',
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
      premium_since: null,
      communication_disabled_until: null,
      permissions: where.manageChannels ? String(BigInt(ALL_PERMISSIONS) | MANAGE_CHANNELS) : ALL_PERMISSIONS,
    },
    authorizing_integration_owners: { '0': guildId },
    context: 0,
  };
}

/** A slash command as typed by a user: INTERACTION_CREATE type 2, APPLICATION_COMMAND / CHAT_INPUT. */
export function chatInput(applicationId: string, name: string, options: readonly SentOption[] = [], where: Where = {}): SentInteraction {
  return {
    ...base(applicationId, 2, where),
    data: { id: nextSnowflake(), name, type: 1, ...(options.length ? { options } : {}) },
  };
}

/** Typing into an option with autocomplete: type 4; exactly one option is `focused`. */
export function autocomplete(applicationId: string, name: string, options: readonly SentOption[], where: Where = {}): SentInteraction {
  return {
    ...base(applicationId, 4, where),
    data: { id: nextSnowflake(), name, type: 1, options },
  };
}

/** A button press on a message the bot sent: type 3 MESSAGE_COMPONENT. */
export function buttonPress(applicationId: string, customId: string, where: Where & { readonly ephemeralMessage?: boolean } = {}): SentInteraction {
  const interaction = base(applicationId, 3, where);
  return {
    ...interaction,
    data: { custom_id: customId, component_type: 2 },
    message: {
      ...messageObject({ authorId: applicationId, channelId: String(interaction.channel_id), body: { flags: where.ephemeralMessage ? 64 : 0 } }),
      interaction_metadata: { id: nextSnowflake(), type: 2, user: user(where.userId ?? '7000'), authorizing_integration_owners: { '0': GUILD_ID } },
    },
  };
}

/** A user's message (MESSAGE_CREATE) in the guild's channel or in a DM, mentioning the users named. */
export function userMessage(content: string, where: Where & { readonly mentions?: readonly string[]; readonly timestamp?: string } = {}): Record<string, unknown> {
  const authorId = where.userId ?? '7000';
  const dm = where.in === 'dm';
  return {
    // Discord dates a message by its id: a snowflake's top bits are milliseconds since 2015.
    id: where.timestamp ? String((BigInt(Date.parse(where.timestamp)) - 1_420_070_400_000n) << 22n) : nextSnowflake(),
    type: 0,
    channel_id: dm ? '6100' : CHANNEL_ID,
    ...(dm ? {} : { guild_id: where.guildId ?? GUILD_ID, member: { roles: [], joined_at: '2025-01-01T00:00:00.000000+00:00', deaf: false, mute: false, flags: 0 } }),
    author: user(authorId),
    content,
    timestamp: where.timestamp ?? new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: (where.mentions ?? []).map((id) => ({ ...user(id), bot: true })),
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    flags: 0,
  };
}

/** A message context-menu command (type 2, command type 3) on `target`, a message as `userMessage` makes it. */
export function messageCommand(applicationId: string, name: string, target: Record<string, unknown>, where: Where = {}): SentInteraction {
  return {
    ...base(applicationId, 2, where),
    data: { id: nextSnowflake(), name, type: 3, target_id: target.id, resolved: { messages: { [String(target.id)]: target } } },
  };
}
