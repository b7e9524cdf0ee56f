import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Installation } from '@slack/bolt';
import { boltInstallationStore } from '../../../bots/slack/bolt-installation-store.ts';
import { openSqliteStore } from '../../../core/store/sqlite-store.ts';
import type { SqliteStore } from '../../../core/store/sqlite-store.ts';
import { createTokenCipher } from '../../../core/store/token-cipher.ts';

const bot = (token: string) => ({ token, id: 'B1', userId: 'UB', scopes: ['commands'] });
const workspaceInstall = (teamId: string, token: string, enterpriseId?: string): Installation => ({
  team: { id: teamId, name: teamId },
  enterprise: enterpriseId ? { id: enterpriseId } : undefined,
  user: { id: 'U1', token: undefined, scopes: undefined },
  bot: bot(token),
  isEnterpriseInstall: false,
  authVersion: 'v2',
});
const orgInstall: Installation<'v2', true> = {
  team: undefined,
  enterprise: { id: 'E1', name: 'Grid' },
  user: { id: 'U1', token: undefined, scopes: undefined },
  bot: bot('xoxb-org'),
  isEnterpriseInstall: true,
  authVersion: 'v2',
};

describe("Bolt's installation store on the project's encrypted installations", () => {
  let store: SqliteStore;
  let bolt: ReturnType<typeof boltInstallationStore>;
  beforeEach(() => {
    store = openSqliteStore(':memory:', createTokenCipher(randomBytes(32)));
    bolt = boltInstallationStore(store.installations, () => 42);
  });
  afterEach(() => store.close());

  it('stores a workspace install and gives it back for requests from that workspace, also inside an Enterprise Grid', async () => {
    await bolt.storeInstallation(workspaceInstall('T1', 'xoxb-1'));
    await bolt.storeInstallation(workspaceInstall('T2', 'xoxb-2', 'E9'));
    expect(await bolt.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).toEqual(workspaceInstall('T1', 'xoxb-1'));
    expect((await bolt.fetchInstallation({ teamId: 'T2', enterpriseId: 'E9', isEnterpriseInstall: false })).bot?.token).toBe('xoxb-2');
  });

  it('answers every workspace of an org with its org-wide install', async () => {
    await bolt.storeInstallation(orgInstall);
    expect((await bolt.fetchInstallation({ teamId: 'T7', enterpriseId: 'E1', isEnterpriseInstall: true })).bot?.token).toBe('xoxb-org');
    expect((await bolt.fetchInstallation({ teamId: undefined, enterpriseId: 'E1', isEnterpriseInstall: true })).bot?.token).toBe('xoxb-org');
  });

  it('fails the lookup for a workspace with no installation, naming it (Bolt then ignores the request)', async () => {
    await expect(bolt.fetchInstallation({ teamId: 'T404', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow('Rotation Bot is not installed for T:T404');
  });

  it('deletes an installation by the same key', async () => {
    await bolt.storeInstallation(workspaceInstall('T1', 'xoxb-1'));
    await bolt.deleteInstallation!({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
    expect(await store.installations.find({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).toBeUndefined();
  });
});
