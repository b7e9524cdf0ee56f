import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import pg from 'pg';
import { MIGRATIONS } from '../../../core/store/migrations.ts';
import { PG_MIGRATIONS } from '../../../core/store/postgres/pg-migrations.ts';
import { startTestPostgres } from '../../helpers/postgres.ts';

type Schema = Record<string, string[]>;

/** Tables and their columns after running `migrations` on an empty SQLite database, which also accepts PostgreSQL's column types. */
function schemaOf(migrations: readonly string[]): Schema {
  const db = new Database(':memory:');
  for (const m of migrations) db.exec(m);
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
  const schema = Object.fromEntries(
    tables.map(({ name }) => [name, db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name}')`).all().map((c) => c.name).sort()]),
  );
  db.close();
  return schema;
}

const indexesOf = (migrations: readonly string[]) => migrations.join('\n').match(/CREATE (UNIQUE )?INDEX \w+ ON \w+ \([^)]*\)/g)?.sort() ?? [];

describe('the two store engines', () => {
  it('create the same tables with the same columns', () => {
    const sqlite = schemaOf(MIGRATIONS);
    expect(Object.keys(sqlite)).toEqual(['calls', 'fetch_state', 'post_ledger', 'prices', 'shown_terms', 'slack_installations', 'subscriptions']);
    expect(schemaOf(PG_MIGRATIONS)).toEqual(sqlite);
  });

  it('create the same indexes and have as many migrations', () => {
    expect(indexesOf(PG_MIGRATIONS)).toEqual(indexesOf(MIGRATIONS));
    expect(PG_MIGRATIONS).toHaveLength(MIGRATIONS.length);
  });
});

const { pg: server, reason } = await startTestPostgres();
afterAll(async () => server?.stop());

describe.skipIf(!server)(`a migrated PostgreSQL database${server ? '' : `: ${reason}`}`, () => {
  it('has the tables and columns that SQLite has', async () => {
    const client = new pg.Client({ connectionString: server!.url });
    await client.connect();
    const schema = `parity_${process.pid}`;
    try {
      await client.query(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
      for (const m of PG_MIGRATIONS) await client.query(m);
      const { rows } = await client.query<{ table_name: string; column_name: string }>(
        'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1',
        [schema],
      );
      const live: Schema = {};
      for (const r of rows) (live[r.table_name] ??= []).push(r.column_name);
      for (const columns of Object.values(live)) columns.sort();
      expect(live).toEqual(schemaOf(MIGRATIONS));
    } finally {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    }
  });
});
