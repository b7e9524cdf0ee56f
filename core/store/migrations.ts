/** Schema changes in order; the database's `user_version` says how many have run. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE prices (
     symbol TEXT NOT NULL,
     date TEXT NOT NULL,
     close REAL NOT NULL,
     adjclose REAL,
     provider TEXT NOT NULL,
     fetched_at INTEGER NOT NULL,
     PRIMARY KEY (symbol, date)
   ) WITHOUT ROWID;
   CREATE TABLE fetch_state (
     symbol TEXT NOT NULL,
     provider TEXT NOT NULL,
     fetched_at INTEGER NOT NULL,
     PRIMARY KEY (symbol, provider)
   );`,
];
