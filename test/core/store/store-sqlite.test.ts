import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../../core/store/sqlite-store.ts';
import { MIGRATIONS } from '../../../core/store/migrations.ts';
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

describe('SQLite schema upgrade', () => {
  it('adds the workspace column to a database made before it, keeping its subscriptions (with no workspace)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rotation-upgrade-'));
    const file = path.join(dir, 'bot.db');
    try {
      const before = MIGRATIONS.indexOf('ALTER TABLE subscriptions ADD COLUMN workspace_id TEXT;');
      const old = new Database(file);
      for (const sql of MIGRATIONS.slice(0, before)) old.exec(sql);
      old.pragma(`user_version = ${before}`);
      old.prepare("INSERT INTO subscriptions (platform, channel_id, time, timezone, lang, closed_notice, created_by, created_at) VALUES ('slack', 'C1', '08:30', 'UTC', 'en', 0, 'U1', 1)").run();
      old.close();

      const store = openSqliteStore(file, cipher);
      expect(await store.subscriptions.get('slack', 'C1')).toEqual({ platform: 'slack', channelId: 'C1', time: '08:30', timeZone: 'UTC', locale: 'en', closedNotice: false, createdBy: 'U1', createdAt: 1 });
      await store.subscriptions.upsert({ platform: 'slack', channelId: 'C1', workspaceId: 'T1', time: '09:00', timeZone: 'UTC', locale: 'en', closedNotice: false, createdBy: 'U2', createdAt: 2 });
      expect((await store.subscriptions.get('slack', 'C1'))?.workspaceId).toBe('T1');
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
