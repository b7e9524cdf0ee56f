/** Why the SQLite file could not be opened, in the terms a user can act on. */
export type DatabaseProblem = 'not-a-database' | 'cannot-open' | 'read-only' | 'disk-full' | 'other';

const BY_CODE: Record<string, DatabaseProblem> = {
  SQLITE_NOTADB: 'not-a-database',
  SQLITE_CORRUPT: 'not-a-database',
  SQLITE_CANTOPEN: 'cannot-open',
  SQLITE_PERM: 'read-only',
  SQLITE_READONLY: 'read-only',
  SQLITE_FULL: 'disk-full',
};

/** The database file named in settings is damaged, not a database, or cannot be opened or written. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly file: string,
    readonly problem: DatabaseProblem,
    readonly detail: string,
  ) {
    super(`could not open the database ${file}: ${detail}`);
    this.name = 'DatabaseOpenError';
  }

  static from(file: string, error: unknown): DatabaseOpenError {
    const code = (error as { code?: unknown }).code;
    const detail = error instanceof Error ? error.message : String(error);
    const problem = typeof code === 'string' ? (BY_CODE[code] ?? 'other') : /directory does not exist/.test(detail) ? 'cannot-open' : 'other';
    return new DatabaseOpenError(file, problem, detail);
  }
}
