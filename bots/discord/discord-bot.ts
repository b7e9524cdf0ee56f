import { randomBytes } from 'node:crypto';
import { Client, Events, GatewayIntentBits, Partials, RESTEvents } from 'discord.js';
import type { Interaction } from 'discord.js';
import type { AnyCommand } from '../../commands/define-command.ts';
import type { Services } from '../../commands/context.ts';
import type { Config } from '../../core/config.ts';
import type { Logger } from '../../core/logger.ts';
import type { Poster } from '../scheduler/poster.ts';
import type { DiscordDeps } from './discord-context.ts';
import { createDiscordPoster } from './discord-poster.ts';
import { guardInteraction } from './guard-interaction.ts';
import { handleAutocomplete } from './handle-autocomplete.ts';
import { handleButton } from './handle-button.ts';
import { handleChatInput } from './handle-chat-input.ts';
import { handleMessage } from './handle-message.ts';
import { handleMessageCommand } from './handle-message-command.ts';
import { EXPLAIN_MESSAGE_COMMAND } from './to-discord-command.ts';
import { discordRestOptions } from './rest-options.ts';
import { requestLogger } from '../../core/ops/request-log.ts';
import type { CommandGate } from '../../commands/command-gate.ts';

export type DiscordBotOptions = {
  readonly config: Config;
  readonly services: Services;
  readonly registry: readonly AnyCommand[];
  readonly log: Logger;
  /** Rate limits, the concurrency cap and shutdown; absent, nothing is limited. */
  readonly gate?: CommandGate;
};

export type RunningDiscordBot = {
  readonly client: Client;
  /** Delivers scheduled posts to Discord channels. */
  readonly poster: Poster;
  /** Logged in with the gateway ready, for /readyz. */
  connected(): boolean;
  stop(): Promise<void>;
};

function route(interaction: Interaction, deps: DiscordDeps): Promise<void> {
  if (interaction.isChatInputCommand()) return handleChatInput(interaction, deps);
  if (interaction.isAutocomplete()) return handleAutocomplete(interaction, deps);
  if (interaction.isButton()) return handleButton(interaction, deps);
  if (interaction.isMessageContextMenuCommand() && interaction.commandName === EXPLAIN_MESSAGE_COMMAND) return handleMessageCommand(interaction, deps);
  deps.log.debug({ type: interaction.type }, 'ignored an interaction of another kind');
  return Promise.resolve();
}

/**
 * Connects to the gateway with no privileged intents and answers slash commands, autocomplete, buttons,
 * the "Explain this message" command, and messages that mention the bot or are sent to it directly
 * (Discord gives the content of those without the message-content intent).
 */
export async function startDiscordBot({ config, services, registry, log: parentLog, gate }: DiscordBotOptions): Promise<RunningDiscordBot> {
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set');
  const log = parentLog.child({ platform: 'discord' });
  const deps: DiscordDeps = { services, registry, log, gate };
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // A DM channel is not cached before its first message arrives.
    partials: [Partials.Channel],
    rest: discordRestOptions(config),
  });
  client.on(Events.InteractionCreate, (interaction) => {
    const command = interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : interaction.isButton() ? 'button' : undefined;
    const request = requestLogger(parentLog, { platform: 'discord', command, userId: interaction.user.id, channelId: interaction.channelId ?? undefined });
    const handle = async () => {
      const started = performance.now();
      await guardInteraction(interaction, request.log, () => route(interaction, { ...deps, log: request.log }));
      request.log[interaction.isAutocomplete() ? 'debug' : 'info']({ interactionId: interaction.id, ms: Math.round(performance.now() - started) }, 'discord interaction handled');
    };
    void (gate && !interaction.isAutocomplete() ? gate.track(handle) : handle());
  });
  client.on(Events.MessageCreate, (message) => {
    const botUserId = client.user?.id;
    if (!botUserId || message.author.bot) return;
    const request = requestLogger(parentLog, { platform: 'discord', command: 'message', userId: message.author.id, channelId: message.channelId });
    const handle = async () => {
      const started = performance.now();
      try {
        await handleMessage(message, botUserId, { ...deps, log: request.log });
      } catch (error) {
        const errorId = randomBytes(4).toString('hex');
        request.log.error({ errorId, messageId: message.id, err: error }, 'could not answer a message');
        return;
      }
      request.log.debug({ messageId: message.id, ms: Math.round(performance.now() - started) }, 'discord message handled');
    };
    void (gate ? gate.track(handle) : handle());
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn(message));
  client.on(Events.ShardError, (error, shardId) => log.error({ err: error, shardId }, 'gateway error'));
  client.rest.on(RESTEvents.RateLimited, (info) => log.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'rate limited by Discord'));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(config.DISCORD_TOKEN);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  log.info({ user: client.user?.tag, applicationId: client.application?.id }, 'connected to Discord');
  let stopped: Promise<void> | undefined;
  return {
    client,
    poster: createDiscordPoster(client.rest),
    connected: () => stopped === undefined && client.isReady(),
    stop() {
      stopped ??= client.destroy().then(() => log.info('disconnected from Discord'));
      return stopped;
    },
  };
}
