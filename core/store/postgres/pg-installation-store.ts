import type { Pool } from 'pg';
import type { InstallationStore } from '../store.ts';
import type { TokenCipher } from '../token-cipher.ts';
import { installationId, MissingEncryptionKeyError } from '../store.ts';
import { run, statement } from './pg-pool.ts';

const UPSERT = statement(
  'install_save',
  `INSERT INTO slack_installations (id, team_id, enterprise_id, sealed, updated_at) VALUES ($1, $2, $3, $4, $5)
   ON CONFLICT (id) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id, sealed = excluded.sealed, updated_at = excluded.updated_at`,
);
const SELECT = statement('install_find', 'SELECT sealed FROM slack_installations WHERE id = $1');
const REMOVE = statement('install_delete', 'DELETE FROM slack_installations WHERE id = $1');

export function createPgInstallationStore(pool: Pool, cipher: TokenCipher | undefined): InstallationStore {
  const need = () => {
    if (!cipher) throw new MissingEncryptionKeyError();
    return cipher;
  };
  return {
    async save(key, installation, now) {
      const id = installationId(key);
      await run(pool, UPSERT, [id, key.teamId ?? null, key.enterpriseId ?? null, need().seal(JSON.stringify(installation), id), now]);
    },
    async find(key) {
      const id = installationId(key);
      const row = (await run<{ sealed: string }>(pool, SELECT, [id])).rows[0];
      return row ? (JSON.parse(need().open(row.sealed, id)) as object) : undefined;
    },
    async delete(key) {
      return ((await run(pool, REMOVE, [installationId(key)])).rowCount ?? 0) > 0;
    },
  };
}
