import type { Db } from './open-database.ts';
import type { Async, Store } from './store.ts';
import type { TokenCipher } from './token-cipher.ts';
import { openDatabase } from './open-database.ts';
import { createPriceStore } from './price-store.ts';
import { createSubscriptionStore } from './subscription-store.ts';
import { createPostLedger } from './post-ledger.ts';
import { createCallStore } from './call-store.ts';
import { createSqliteInstallationStore } from './installation-store.ts';

/** The SQLite engine: better-sqlite3 answers at once, behind the same promise-returning interface as PostgreSQL. */
export type SqliteStore = Store & {
  readonly engine: 'sqlite';
  readonly db: Db;
};

/** Wraps each method so it answers with a promise; a throw becomes a rejection. */
export function promised<T extends object>(target: T): Async<T> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(target)) {
    out[name] = typeof value === 'function' ? (...args: unknown[]) => new Promise((resolve) => resolve((value as (...a: unknown[]) => unknown)(...args))) : value;
  }
  return out as Async<T>;
}

export function openSqliteStore(file: string, cipher?: TokenCipher): SqliteStore {
  const db = openDatabase(file);
  const sync = { prices: createPriceStore(db), subscriptions: createSubscriptionStore(db), ledger: createPostLedger(db), calls: createCallStore(db) };
  return {
    engine: 'sqlite',
    location: file,
    db,
    prices: promised(sync.prices),
    subscriptions: promised(sync.subscriptions),
    ledger: promised(sync.ledger),
    calls: promised(sync.calls),
    installations: createSqliteInstallationStore(db, cipher),
    async close() {
      if (db.open) db.close();
    },
  };
}

export const isSqliteStore = (store: Store): store is SqliteStore => store.engine === 'sqlite' && 'db' in store;
