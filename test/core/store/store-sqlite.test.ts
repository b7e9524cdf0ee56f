import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../core/store/sqlite-store.ts';
import { createTokenCipher } from '../../../core/store/token-cipher.ts';
import { MissingEncryptionKeyError } from '../../../core/store/store.ts';
import { storeContract } from './store-contract.ts';

const cipher = createTokenCipher(randomBytes(32));

storeContract('SQLite', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rotation-store-'));
  const file = path.join(dir, 'bot.db');
  const store = openSqliteStore(file, cipher);
  return {
    store,
    another: async () => openSqliteStore(file, cipher),
    rawInstallations: async () => JSON.stringify(store.db.prepare('SELECT * FROM slack_installations').all()),
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite store without an encryption key', () => {
  it('refuses to store a Slack installation, naming ROTATION_ENCRYPTION_KEY', async () => {
    const store = openSqliteStore(':memory:');
    await expect(store.installations.save({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false }, { bot: { token: 'x' } }, 1)).rejects.toThrow(MissingEncryptionKeyError);
    await expect(store.installations.find({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).resolves.toBeUndefined();
    await store.close();
  });

  it('turns a synchronous failure into a rejection', async () => {
    const store = openSqliteStore(':memory:');
    await store.close();
    await expect(store.subscriptions.list()).rejects.toThrow();
  });
});
