import { webApi } from '@slack/bolt';
import type { InstallationStore } from '../../core/store/store.ts';
import { PermanentPostError } from '../scheduler/poster.ts';
import type { WorkspaceClient } from './slack-poster.ts';
import { botTokenOf, workspaceKey } from './bolt-installation-store.ts';

/**
 * OAuth mode: a client holding the bot token of the workspace's installation, made once per
 * workspace and made again when a reinstall changed the token.
 */
export function installedWorkspaceClients(installations: InstallationStore, options: webApi.WebClientOptions): WorkspaceClient {
  const clients = new Map<string, webApi.WebClient>();
  return async (workspaceId) => {
    if (!workspaceId) throw new PermanentPostError('the subscription does not say which Slack workspace it belongs to; run /rotation subscribe in the channel again');
    const token = botTokenOf(await installations.find(workspaceKey(workspaceId)));
    if (!token) throw new PermanentPostError(`Rotation Bot is not installed in Slack workspace ${workspaceId}`);
    const known = clients.get(workspaceId);
    if (known?.token === token) return known;
    const client = new webApi.WebClient(token, { ...options, teamId: workspaceId });
    clients.set(workspaceId, client);
    return client;
  };
}
