import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, HTTPReceiver, SocketModeReceiver, isRawBodyError } from '@slack/bolt';
import type { Logger as BoltLogger, Receiver, webApi } from '@slack/bolt';
import type { Config } from '../../core/config.ts';
import type { Logger } from '../../core/logger.ts';
import type { InstallationStore } from '../../core/store/store.ts';
import type { OpsHandler } from '../ops/ops-routes.ts';
import { HEALTH_PATH, READY_PATH } from '../ops/ops-routes.ts';
import { oauthReceiverOptions } from './oauth-install.ts';
import { SLACK_EVENTS_PATH } from './slack-paths.ts';
import { checkSignedRequest } from './signed-request-check.ts';
import type { ReplayMemory } from './signed-request-check.ts';

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
  guardEventsPath(receiver, config.SLACK_SIGNING_SECRET!, config.ROTATION_MAX_BODY_KB * 1024, settings.log);
  return { receiver, socket: undefined };
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** Puts `checkSignedRequest` in front of Bolt on the events path; the body is read once and handed on. */
function guardEventsPath(receiver: HTTPReceiver, signingSecret: string, bodyLimit: number, log: Logger): void {
  const bolt = receiver.requestListener;
  const seen: ReplayMemory = new Map();
  const answer = (res: ServerResponse, status: number) => {
    res.writeHead(status);
    res.end();
  };
  receiver.requestListener = (req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== SLACK_EVENTS_PATH) return bolt(req, res);
    void HTTPModuleFunctions.bufferIncomingMessage(req, bodyLimit).then(
      (buffered) => {
        const verdict = checkSignedRequest(
          { signature: header(req, 'x-slack-signature'), timestamp: header(req, 'x-slack-request-timestamp'), contentType: header(req, 'content-type'), body: buffered.rawBody.toString() },
          signingSecret,
          Math.floor(Date.now() / 1000),
          seen,
        );
        if (verdict.action === 'pass') return bolt(buffered, res);
        if (verdict.action === 'ack-replay') {
          log.warn({ path: SLACK_EVENTS_PATH }, 'slack request replayed with the same signature; acknowledged, not acted on');
          return answer(res, 200);
        }
        log.warn({ status: verdict.status, reason: verdict.reason }, 'slack request refused');
        return answer(res, verdict.status);
      },
      // As Bolt answers them: 413 for a body over the limit, 401 for one that cannot be read.
      (error: unknown) => answer(res, isRawBodyError(error) && (error.type === 'entity.too.large' || error.statusCode === 413) ? 413 : 401),
    );
  };
}
