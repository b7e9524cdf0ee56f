import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore } from '../../../core/store/postgres/postgres-store.ts';
import { PG_MIGRATIONS } from '../../../core/store/postgres/pg-migrations.ts';
import { DatabaseUnreachableError } from '../../../core/store/postgres/pg-pool.ts';
import { createTokenCipher } from '../../../core/store/token-cipher.ts';
import { openStore } from '../../../core/store/open-store.ts';
import { startTestPostgres } from '../../helpers/postgres.ts';
import { storeContract } from './store-contract.ts';

const { pg: server, reason } = await startTestPostgres();
afterAll(async () => server?.stop());

const cipher = createTokenCipher(randomBytes(32));
const TABLES = 'calls, prices, fetch_state, subscriptions, post_ledger, shown_terms, slack_installations';

describe.skipIf(!server)(`PostgreSQL${server ? ` (${server.how})` : `: ${reason}`}`, () => {
  const url = server?.url ?? '';

  storeContract('PostgreSQL', async () => {
    const store = await openPostgresStore(url, { poolSize: 4, cipher });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`TRUNCATE ${TABLES}`);
    return {
      store,
      another: () => openPostgresStore(url, { poolSize: 4, cipher }),
      rawInstallations: async () => JSON.stringify((await admin.query('SELECT * FROM slack_installations')).rows),
      async close() {
        await admin.end();
        await store.close();
      },
    };
  });

  it('migrates once when several instances start at the same moment', async () => {
    const fresh = `${url}_race`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const name = new URL(fresh).pathname.slice(1);
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(fresh, { poolSize: 2 })));
      const check = new pg.Client({ connectionString: fresh });
      await check.connect();
      const { rows } = await check.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      await check.end();
      expect(rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((_, k) => k + 1));
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('selects PostgreSQL from a postgres:// DATABASE_URL', async () => {
    const store = await openStore({ DATABASE_URL: url, DATABASE_POOL_SIZE: 2, ROTATION_DB_PATH: ':memory:' });
    expect(store.engine).toBe('postgres');
    await store.close();
  });
});

describe('PostgreSQL start-up', () => {
  it('fails with an error naming the host and port when the server cannot be reached', async () => {
    const closedPort = 'postgres://bot:hunter2@127.0.0.1:1/rotation';
    const failure = openPostgresStore(closedPort, { poolSize: 1, connectTimeoutMs: 2_000 });
    await expect(failure).rejects.toThrow(DatabaseUnreachableError);
    await expect(failure).rejects.toThrow(/cannot reach PostgreSQL at 127\.0\.0\.1:1\/rotation \(DATABASE_URL\): .+/);
    await expect(failure).rejects.not.toThrow(/hunter2/);
  });
});
