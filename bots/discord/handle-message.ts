import { PermissionFlagsBits } from 'discord.js';
import type { Message } from 'discord.js';
import type { CommandContext, Services } from '../../commands/context.ts';
import { execute } from '../../commands/dispatch.ts';
import { messageRequest } from '../../commands/message-request.ts';
import { prepare, prepareLine } from '../../commands/prepare.ts';
import type { Reply } from '../../core/reply.ts';
import { localeOfText, toLocale } from '../../core/i18n/locale.ts';
import { wallStreetDateOf } from '../../core/today.ts';
import { canManageSubscriptions } from '../../commands/rotation-permissions.ts';
import { renderDiscord } from './render-discord.ts';
import { discordDisplayName, errorLog } from './discord-context.ts';
import type { DiscordDeps } from './discord-context.ts';

/** `<@123> are small caps…` → `are small caps…`: the mentions that address the bot are not part of the question. */
export function withoutDiscordMentions(content: string): string {
  return content.replace(/<@[!&]?\d+>/g, ' ').replace(/\s+/g, ' ').trim();
}

function messageContext(message: Message, text: string, services: Services): CommandContext {
  const fallback = toLocale(message.guild?.preferredLocale, services.config.ROTATION_LANG);
  return {
    locale: localeOfText(text, fallback),
    services,
    platform: 'discord',
    userId: message.author.id,
    userName: discordDisplayName(message.author, message.member),
    channelId: message.channelId,
    ...(message.guildId ? { workspaceId: message.guildId } : {}),
    commandPrefix: '/',
    isChannelAdmin: canManageSubscriptions(
      'discord',
      { manageChannels: message.member?.permissions.has(PermissionFlagsBits.ManageChannels) ?? false, directMessage: !message.inGuild() },
      services.config,
    ),
  };
}

/** A reply to the message in its channel (in its thread, when written in one); a message has no private answer. */
async function replyTo(message: Message, reply: Reply): Promise<void> {
  const { flags: _flags, allowedMentions: _mentions, ...rendered } = renderDiscord({ ...reply, visibility: 'public' });
  await message.reply({ ...rendered, allowedMentions: { parse: [], repliedUser: false } });
}

/**
 * A message that mentions the bot, or a DM to it: a question in plain words (or a pasted article, or a
 * `/command` typed out) answered with the same reply the slash command gives. Discord delivers the
 * content of such messages without the privileged message-content intent; others arrive empty and are
 * not ours to read.
 */
export async function handleMessage(message: Message, botUserId: string, deps: DiscordDeps): Promise<void> {
  if (message.author.bot || message.system) return;
  if (message.inGuild() && !message.mentions.users.has(botUserId)) return;
  const text = withoutDiscordMentions(message.content);
  const ctx = messageContext(message, text, deps.services);
  const request = messageRequest(deps.registry, text, wallStreetDateOf(message.createdAt));
  const prepared = 'values' in request ? prepare(request.command, request.values, ctx) : prepareLine(deps.registry, request.line, ctx);
  if (!prepared.ok) return replyTo(message, prepared.reply);
  const admission = deps.gate?.admit({ command: prepared.command, platform: 'discord', userId: ctx.userId, channelId: ctx.channelId, locale: ctx.locale });
  if (admission && !admission.admitted) return replyTo(message, admission.reply);
  if (prepared.command.slow && 'sendTyping' in message.channel) await message.channel.sendTyping().catch(() => undefined);
  const work = () => execute(prepared, ctx, errorLog(deps.log));
  const outcome = await (admission ? admission.run(work) : work());
  for (const reply of outcome.output.replies) await replyTo(message, reply);
}
