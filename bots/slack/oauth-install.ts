import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { HTTPReceiverOptions, webApi } from '@slack/bolt';
import type { InstallationStore } from '../../core/store/store.ts';
import type { Logger } from '../../core/logger.ts';
import { BOT_SCOPES } from './build-manifest.ts';
import { boltInstallationStore } from './bolt-installation-store.ts';
import { installedPage, installFailedPage, installPage } from './oauth-pages.ts';
import { SLACK_INSTALL_PATH, SLACK_OAUTH_REDIRECT_PATH } from './slack-paths.ts';

export type OAuthSettings = {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly stateSecret: string;
  readonly installations: InstallationStore;
  /** For the installer's own Web API calls (oauth.v2.access, auth.test). */
  readonly clientOptions: Omit<webApi.WebClientOptions, 'logger' | 'logLevel'>;
  readonly log: Logger;
};

type OAuthReceiverOptions = Pick<HTTPReceiverOptions, 'clientId' | 'clientSecret' | 'stateSecret' | 'scopes' | 'installationStore' | 'installerOptions'>;

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/**
 * What turns HTTPReceiver into a multi-workspace app: GET /slack/install starts Slack's OAuth flow
 * (state signed with the state secret and held in a cookie), GET /slack/oauth_redirect exchanges
 * the code and stores the installation, and Bolt's `authorize` then finds each request's workspace
 * token in the store.
 */
export function oauthReceiverOptions(settings: OAuthSettings): OAuthReceiverOptions {
  const { log } = settings;
  return {
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    stateSecret: settings.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore: boltInstallationStore(settings.installations),
    installerOptions: {
      installPath: SLACK_INSTALL_PATH,
      redirectUriPath: SLACK_OAUTH_REDIRECT_PATH,
      stateVerification: true,
      clientOptions: settings.clientOptions,
      renderHtmlForInstallPath: installPage,
      callbackOptions: {
        success: (installation, _options, _req, res) => {
          log.info({ workspace: installation.team?.id, enterprise: installation.enterprise?.id, orgWide: installation.isEnterpriseInstall === true }, 'slack app installed');
          send(res, 200, installedPage(installation.team?.name ?? installation.enterprise?.name));
        },
        failure: (error, _options, _req, res) => {
          const errorId = randomBytes(4).toString('hex');
          const { status, html } = installFailedPage(error.code, errorId);
          const entry = { errorId, code: error.code, err: error };
          if (status >= 500) log.error(entry, 'slack install failed');
          else log.warn(entry, 'slack install refused');
          send(res, status, html);
        },
      },
    },
  };
}
