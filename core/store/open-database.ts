import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.ts';
import { DatabaseOpenError } from './database-open-error.ts';

export type Db = Database.Database;

/** Opens (creating if needed) the SQLite file and brings its schema up to date. `:memory:` works for tests. */
export function openDatabase(file: string): Db {
  let db: Db | undefined;
  try {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file);
    migrate(db);
    return db;
  } catch (error) {
    if (db?.open) db.close();
    throw DatabaseOpenError.from(file, error);
  }
}

function migrate(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
