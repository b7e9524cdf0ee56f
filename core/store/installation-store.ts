import type { Db } from './open-database.ts';
import type { InstallationStore } from './store.ts';
import type { TokenCipher } from './token-cipher.ts';
import { installationId, MissingEncryptionKeyError } from './store.ts';

/** Slack installations in SQLite, sealed with `cipher` (undefined: every call fails naming ROTATION_ENCRYPTION_KEY). */
export function createSqliteInstallationStore(db: Db, cipher: TokenCipher | undefined): InstallationStore {
  const upsert = db.prepare(
    `INSERT INTO slack_installations (id, team_id, enterprise_id, sealed, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id, sealed = excluded.sealed, updated_at = excluded.updated_at`,
  );
  const select = db.prepare<[string], { sealed: string }>('SELECT sealed FROM slack_installations WHERE id = ?');
  const remove = db.prepare('DELETE FROM slack_installations WHERE id = ?');
  const need = () => {
    if (!cipher) throw new MissingEncryptionKeyError();
    return cipher;
  };
  return {
    async save(key, installation, now) {
      const id = installationId(key);
      upsert.run(id, key.teamId ?? null, key.enterpriseId ?? null, need().seal(JSON.stringify(installation), id), now);
    },
    async find(key) {
      const id = installationId(key);
      const row = select.get(id);
      return row ? (JSON.parse(need().open(row.sealed, id)) as object) : undefined;
    },
    async delete(key) {
      return remove.run(installationId(key)).changes > 0;
    },
  };
}
