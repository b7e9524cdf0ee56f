import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSlackPoster } from './slack-poster.ts';
import type { Poster } from '../scheduler/poster.ts';
import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Receiver } from '@slack/bolt';
import type { AnyCommand } from '../../commands/define-command.ts';
import type { Services } from '../../commands/context.ts';
import type { Config } from '../../core/config.ts';
import type { Logger } from '../../core/logger.ts';
import { actionCommandLine, decodeAction } from '../../commands/actions.ts';
import { answerLine } from './answer-line.ts';
import type { SlackDeps } from './answer-line.ts';
import { boltLogger } from './bolt-logger.ts';
import { slackCommandLine } from './parse-slack-text.ts';
import { createUserInfoCache } from './user-info-cache.ts';
import type { OpsHandler } from '../ops/ops-routes.ts';
import { HEALTH_PATH, READY_PATH } from '../ops/ops-routes.ts';
import type { CommandGate } from '../../commands/command-gate.ts';

/** Commands, buttons and (should the app subscribe to any) events all arrive here in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';

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
};

export type SlackBot = {
  readonly app: App;
  /** Sends scheduled morning posts to channels. */
  readonly poster: Poster;
  readonly mode: 'http' | 'socket';
  /** The port listened on in HTTP mode. */
  readonly port: number | undefined;
  /** Listening (HTTP mode) or holding an open Socket Mode connection, for /readyz. */
  connected(): boolean;
  stop(): Promise<void>;
};

function registerListeners(app: App, deps: SlackDeps): void {
  for (const command of deps.registry) {
    app.command(`/${deps.prefix}${command.name}`, async ({ ack, command: body, respond, client }) => {
      await ack();
      await answerLine({ line: slackCommandLine(command.name, body.text), userId: body.user_id, channelId: body.channel_id, client, respond }, deps);
    });
  }
  app.action(/^rb:/, async ({ ack, body, action, respond, client }) => {
    await ack();
    const encoded = 'value' in action && typeof action.value === 'string' ? action.value : 'action_id' in action ? action.action_id : '';
    const payload = decodeAction(encoded);
    if (!payload || body.type !== 'block_actions') {
      deps.log.warn({ encoded }, 'slack button with an unknown payload');
      return;
    }
    await answerLine(
      { line: actionCommandLine(payload), userId: body.user.id, channelId: body.channel?.id, client, respond, forceEphemeral: payload.kind === 'explain-terms' },
      deps,
    );
  });
  app.error(async (error) => {
    deps.log.error({ err: error }, 'slack listener error');
  });
}

/**
 * Starts the Slack app: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on PORT at
 * /slack/events, verified with SLACK_SIGNING_SECRET. Fails fast when Slack rejects the token.
 */
export async function startSlackBot(options: SlackBotOptions): Promise<SlackBot> {
  const { config, log } = options;
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new Error('SLACK_BOT_TOKEN is not set');
  if (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET) throw new Error('SLACK_SIGNING_SECRET is required for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  const logger = boltLogger(log);
  const slackApiUrl = config.SLACK_API_URL ? config.SLACK_API_URL.replace(/\/?$/, '/') : undefined;
  const clientOptions = () => ({ retryConfig: { ...SLACK_RETRY_CONFIG }, timeout: SLACK_REQUEST_TIMEOUT_MS, ...(slackApiUrl ? { slackApiUrl } : {}) });

  const mode = config.SLACK_APP_TOKEN ? 'socket' : 'http';
  const socket = config.SLACK_APP_TOKEN
    ? new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN, logger, installerOptions: { clientOptions: clientOptions() } })
    : undefined;
  const opsRoutes = options.opsHandler
    ? [HEALTH_PATH, READY_PATH].map((path) => ({ path, method: ['GET', 'HEAD'], handler: options.opsHandler! }))
    : [];
  const receiver: Receiver =
    socket ??
    new HTTPReceiver({ signingSecret: config.SLACK_SIGNING_SECRET!, endpoints: SLACK_EVENTS_PATH, logger, bodyLimit: config.ROTATION_MAX_BODY_KB * 1024, customRoutes: opsRoutes });
  const app = new App({ token, receiver, logger, clientOptions: clientOptions(), deferInitialization: true });

  const users = createUserInfoCache({
    fallbackLocale: config.ROTATION_LANG,
    lookup: async (user) => (await app.client.users.info({ user, include_locale: true })).user,
    onError: (userId, error) => log.warn({ userId, err: error }, 'users.info failed; answering in ROTATION_LANG'),
  });
  registerListeners(app, { registry: options.registry, services: options.services, prefix: config.SLACK_COMMAND_PREFIX, users, log, gate: options.gate });

  try {
    await app.init();
  } catch (error) {
    throw new Error(`Slack did not accept SLACK_BOT_TOKEN (auth.test): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  let port: number | undefined;
  if (mode === 'http') {
    const server = (await app.start({ port: options.port ?? config.PORT, ...(options.host ? { host: options.host } : {}) })) as Server;
    port = (server.address() as AddressInfo).port;
  } else {
    await app.start();
  }
  log.info({ mode, port, prefix: config.SLACK_COMMAND_PREFIX, commands: options.registry.length }, 'slack bot started');
  let stopped = false;
  return {
    app,
    mode,
    port,
    poster: createSlackPoster(app.client),
    connected: () => !stopped && (socket ? socket.client.websocket?.isActive() === true : true),
    async stop() {
      stopped = true;
      // SocketModeReceiver.stop() does not wait for the close handshake; the client's disconnect() does.
      if (socket) await socket.client.disconnect();
      else await app.stop();
    },
  };
}
