import type { Installation, InstallationQuery, InstallationStore as BoltInstallationStore } from '@slack/bolt';
import type { InstallationKey, InstallationStore } from '../../core/store/store.ts';
import { installationId } from '../../core/store/store.ts';

/** The store's key for an installation Slack's OAuth flow produced. */
export function keyOfInstallation(installation: Installation): InstallationKey {
  return { teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall === true };
}

/** The store's key for Bolt's question "which installation answers this request?". */
export function keyOfQuery(query: InstallationQuery<boolean>): InstallationKey {
  return { teamId: query.teamId, enterpriseId: query.enterpriseId, isEnterpriseInstall: query.isEnterpriseInstall };
}

/** A workspace's own installation (not an org-wide one: the manifest leaves org deployment off). */
export const workspaceKey = (teamId: string): InstallationKey => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });

/** The bot token of a stored installation, if it has one. */
export const botTokenOf = (installation: object | undefined): string | undefined => (installation as Installation | undefined)?.bot?.token;

/** Bolt's InstallationStore on the project's encrypted `installations`: what the OAuth flow saves and `authorize` reads. */
export function boltInstallationStore(store: InstallationStore, now: () => number = Date.now): BoltInstallationStore {
  return {
    storeInstallation: (installation) => store.save(keyOfInstallation(installation), installation, now()),
    async fetchInstallation(query) {
      const key = keyOfQuery(query);
      const found = await store.find(key);
      if (!found) throw new Error(`Rotation Bot is not installed for ${installationId(key)}`);
      return found as Installation;
    },
    async deleteInstallation(query) {
      await store.delete(keyOfQuery(query));
    },
  };
}
