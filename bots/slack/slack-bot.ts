import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSlackPoster } from './slack-poster.ts';
import type { Poster } from '../scheduler/poster.ts';
import { App, ErrorCode } from '@slack/bolt';
import type { AnyCommand } from '../../commands/define-command.ts';
import type { Services } from '../../commands/context.ts';
import type { Config } from '../../core/config.ts';
import type { Logger } from '../../core/logger.ts';
import { answerLine } from './answer-line.ts';
import type { SlackDeps } from './answer-line.ts';
import { boltLogger } from './bolt-logger.ts';
import { createUserInfoCache } from './user-info-cache.ts';
import type { OpsHandler } from '../ops/ops-routes.ts';
import type { CommandGate } from '../../commands/command-gate.ts';
import type { InstallationStore } from '../../core/store/store.ts';
import { createReceiver } from './slack-receiver.ts';
import { forgetUninstalledWorkspaces } from './uninstall-listeners.ts';
import { installedWorkspaceClients } from './workspace-clients.ts';
import { registerMessageListeners } from './message-listeners.ts';

/**
 * Web API retries: a 429 is retried after its Retry-After only while retries remain, so keep a
 * few, but short ones: a chat answer that arrives minutes late is worse than an error.
 */
export const SLACK_RETRY_CONFIG = { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2_000, randomize: true };
const SLACK_REQUEST_TIMEOUT_MS = 10_000;

export type SlackBotOptions = {
  readonly config: Config;
  readonly services: Services;
  readonly registry: readonly AnyCommand[];
  readonly log: Logger;
  /** HTTP mode: the port to listen on (default PORT; 0 picks a free one) and the interface (default all). */
  readonly port?: number;
  readonly host?: string;
  /** HTTP mode: serves GET /healthz and /readyz beside /slack/events. */
  readonly opsHandler?: OpsHandler;
  /** Rate limits, the concurrency cap and shutdown; absent, nothing is limited. */
  readonly gate?: CommandGate;
  /** Where OAuth mode (SLACK_CLIENT_ID) keeps each workspace's installation: the store's `installations`. */
  readonly installations?: InstallationStore;
};

export type SlackBot = {
  readonly app: App;
  /** Sends scheduled morning posts to channels. */
  readonly poster: Poster;
  readonly mode: 'http' | 'socket';
  /** Installed in many workspaces through OAuth (SLACK_CLIENT_ID), each answered with its own token. */
  readonly oauth: boolean;
  /** The port listened on in HTTP mode. */
  readonly port: number | undefined;
  /** Listening (HTTP mode) or holding an open Socket Mode connection, for /readyz. */
  connected(): boolean;
  stop(): Promise<void>;
};

function registerListeners(app: App, deps: SlackDeps): void {
  for (const command of deps.registry) {
    app.command(`/${deps.prefix}${command.name}`, async ({ ack, command: body, respond, client, context }) => {
      await ack();
      await answerLine({ request: { command, text: body.text }, userId: body.user_id, userName: body.user_name, teamId: context.teamId, channelId: body.channel_id, client, respond }, deps);
    });
  }
  // Any other slash command routed to this app (renamed, removed, or a prefix mismatch) gets the nearest names, not Bolt's 404.
  const known = deps.registry.map((c) => `/${deps.prefix}${c.name}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  app.command(new RegExp(`^(?!(?:${known})$)`), async ({ ack, command: body, respond, client, context }) => {
    await ack();
    const typed = body.command.replace(/^\//, '');
    const name = deps.prefix && typed.startsWith(deps.prefix) ? typed.slice(deps.prefix.length) : typed;
    await answerLine({ request: { line: `/${name}` }, userId: body.user_id, teamId: context.teamId, channelId: body.channel_id, client, respond }, deps);
  });
  app.action(/^rb:/, async ({ ack, body, action, respond, client, context }) => {
    await ack();
    const encoded = 'value' in action && typeof action.value === 'string' ? action.value : 'action_id' in action ? action.action_id : '';
    if (body.type !== 'block_actions') {
      deps.log.warn({ encoded }, 'slack button outside a block_actions payload');
      return;
    }
    await answerLine({ request: { press: encoded }, userId: body.user.id, userName: body.user.name, teamId: context.teamId, channelId: body.channel?.id, client, respond }, deps);
  });
  registerMessageListeners(app, deps);
  app.error(async (error) => {
    // OAuth mode: a request from a workspace with no installation. Bolt acknowledges it and runs no listener.
    if (error.code === ErrorCode.AuthorizationError) deps.log.warn({ err: error }, 'slack request from a workspace without an installation; ignored');
    else deps.log.error({ err: error }, 'slack listener error');
  });
}

/**
 * Starts the Slack app: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on PORT at
 * /slack/events, verified with SLACK_SIGNING_SECRET. With SLACK_BOT_TOKEN it serves one workspace
 * and fails fast when Slack rejects the token; with SLACK_CLIENT_ID it serves every workspace that
 * installs it through /slack/install, each answered with its own installation's token.
 */
export async function startSlackBot(options: SlackBotOptions): Promise<SlackBot> {
  const { config, log } = options;
  const token = config.SLACK_BOT_TOKEN;
  if (!token && !config.SLACK_CLIENT_ID) throw new Error('SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID (OAuth) is required');
  if (config.SLACK_CLIENT_ID && !options.installations) throw new Error('Slack OAuth mode (SLACK_CLIENT_ID) needs the store\'s installations');
  // Set only in OAuth mode: where each workspace's installation is kept.
  const installations = config.SLACK_CLIENT_ID ? options.installations : undefined;
  if (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET) throw new Error('SLACK_SIGNING_SECRET is required for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  const logger = boltLogger(log);
  const slackApiUrl = config.SLACK_API_URL ? config.SLACK_API_URL.replace(/\/?$/, '/') : undefined;
  const clientOptions = () => ({ retryConfig: { ...SLACK_RETRY_CONFIG }, timeout: SLACK_REQUEST_TIMEOUT_MS, ...(slackApiUrl ? { slackApiUrl } : {}) });

  const mode = config.SLACK_APP_TOKEN ? 'socket' : 'http';
  const { receiver, socket } = createReceiver({ config, logger, log, clientOptions: clientOptions(), opsHandler: options.opsHandler, installations });
  const app = new App({ ...(token ? { token } : {}), receiver, logger, clientOptions: clientOptions(), deferInitialization: true });

  const users = createUserInfoCache({
    fallbackLocale: config.ROTATION_LANG,
    onError: (user, error) => log.warn({ workspace: user.teamId, userId: user.userId, err: error }, 'users.info failed; answering in ROTATION_LANG'),
  });
  registerListeners(app, { registry: options.registry, services: options.services, prefix: config.SLACK_COMMAND_PREFIX, users, log, gate: options.gate });
  if (installations) forgetUninstalledWorkspaces(app, installations, log);

  try {
    await app.init();
  } catch (error) {
    if (installations) throw error;
    throw new Error(`Slack did not accept SLACK_BOT_TOKEN (auth.test): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  let port: number | undefined;
  if (mode === 'http') {
    const server = (await app.start({ port: options.port ?? config.PORT, ...(options.host ? { host: options.host } : {}) })) as Server;
    port = (server.address() as AddressInfo).port;
  } else {
    await app.start();
  }
  log.info({ mode, oauth: Boolean(installations), port, prefix: config.SLACK_COMMAND_PREFIX, commands: options.registry.length }, 'slack bot started');
  const workspaceClient = installations ? installedWorkspaceClients(installations, { ...clientOptions(), logger }) : async () => app.client;
  let stopped = false;
  return {
    app,
    mode,
    oauth: Boolean(installations),
    port,
    poster: createSlackPoster(workspaceClient),
    connected: () => !stopped && (socket ? socket.client.websocket?.isActive() === true : true),
    async stop() {
      stopped = true;
      // SocketModeReceiver.stop() does not wait for the close handshake; the client's disconnect() does.
      if (socket) await socket.client.disconnect();
      else await app.stop();
    },
  };
}
