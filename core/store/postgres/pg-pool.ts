import pg from 'pg';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { PG_MIGRATIONS } from './pg-migrations.ts';

function reasonOf(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const code = (cause as { code?: unknown }).code;
  return cause.message || (typeof code === 'string' ? code : cause.name);
}

/** The start-up failure when the server cannot be reached: names the host and port, never the password. */
export class DatabaseUnreachableError extends Error {
  constructor(readonly where: string, cause: unknown) {
    super(`cannot reach PostgreSQL at ${where} (DATABASE_URL): ${reasonOf(cause)}`, { cause });
    this.name = 'DatabaseUnreachableError';
  }
}

/** Named, parameterized statements: the text is parsed once per connection, values never touch it. */
export type Statement = { readonly name: string; readonly text: string };
export const statement = (name: string, text: string): Statement => ({ name: `rb_${name}`, text });

type Queryable = Pick<Pool | PoolClient, 'query'>;

export async function run<R extends QueryResultRow>(on: Queryable, s: Statement, values: unknown[] = []): Promise<pg.QueryResult<R>> {
  return on.query<R>({ name: s.name, text: s.text, values });
}

/** Runs `fn` in one transaction on one connection; rolls back on a throw. */
export async function transaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** `host:port/database` of a connection URL, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'an unparsable DATABASE_URL';
  }
}

const INT8 = 20;
/** Epoch milliseconds fit a double exactly; pg would hand BIGINT back as a string. */
const types = { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser };

/** Keys of the advisory locks this app takes (first half of a two-key lock). */
export const LOCK_SPACE = 7031;
const MIGRATION_LOCK = 1;

async function migrate(pool: Pool): Promise<void> {
  await transaction(pool, async (client) => {
    // Two instances starting at once: the second waits here, then finds the work done.
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_SPACE, MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    for (let v = rows[0]?.v ?? 0; v < PG_MIGRATIONS.length; v++) {
      await client.query(PG_MIGRATIONS[v]!);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v + 1]);
    }
  });
}

export type PoolOptions = { readonly size: number; readonly connectTimeoutMs?: number };

/** A pool on `url` with the schema brought up to date; throws DatabaseUnreachableError when the server does not answer. */
export async function openPool(url: string, options: PoolOptions): Promise<Pool> {
  const pool = new pg.Pool({ connectionString: url, max: options.size, connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000, types });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseUnreachableError(describeUrl(url), error);
  }
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  return pool;
}
