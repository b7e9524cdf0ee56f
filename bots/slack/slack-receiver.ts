import { HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Logger as BoltLogger, Receiver, webApi } from '@slack/bolt';
import type { Config } from '../../core/config.ts';
import type { Logger } from '../../core/logger.ts';
import type { InstallationStore } from '../../core/store/store.ts';
import type { OpsHandler } from '../ops/ops-routes.ts';
import { HEALTH_PATH, READY_PATH } from '../ops/ops-routes.ts';
import { oauthReceiverOptions } from './oauth-install.ts';
import { SLACK_EVENTS_PATH } from './slack-paths.ts';

export type ReceiverSettings = {
  readonly config: Config;
  readonly logger: BoltLogger;
  readonly log: Logger;
  readonly clientOptions: Omit<webApi.WebClientOptions, 'logger' | 'logLevel'>;
  readonly opsHandler: OpsHandler | undefined;
  /** OAuth mode: where each workspace's installation is kept. */
  readonly installations: InstallationStore | undefined;
};

/**
 * Socket Mode when SLACK_APP_TOKEN is set; otherwise HTTP at /slack/events, verified with
 * SLACK_SIGNING_SECRET, with /healthz and /readyz beside it and, in OAuth mode, the install pages.
 */
export function createReceiver(settings: ReceiverSettings): { readonly receiver: Receiver; readonly socket: SocketModeReceiver | undefined } {
  const { config, logger, clientOptions, opsHandler, installations } = settings;
  if (config.SLACK_APP_TOKEN) {
    const socket = new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN, logger, installerOptions: { clientOptions } });
    return { receiver: socket, socket };
  }
  const customRoutes = opsHandler ? [HEALTH_PATH, READY_PATH].map((path) => ({ path, method: ['GET', 'HEAD'], handler: opsHandler })) : [];
  const installer =
    installations &&
    oauthReceiverOptions({
      clientId: config.SLACK_CLIENT_ID!,
      clientSecret: config.SLACK_CLIENT_SECRET!,
      stateSecret: config.SLACK_STATE_SECRET!,
      installations,
      clientOptions,
      log: settings.log,
    });
  const receiver = new HTTPReceiver({
    signingSecret: config.SLACK_SIGNING_SECRET!,
    endpoints: SLACK_EVENTS_PATH,
    logger,
    bodyLimit: config.ROTATION_MAX_BODY_KB * 1024,
    customRoutes,
    ...installer,
  });
  return { receiver, socket: undefined };
}
